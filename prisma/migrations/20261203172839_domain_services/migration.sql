-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "auth";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "inventory";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "notification";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "order";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "payment";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "profile";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "shipping";

-- CreateEnum
CREATE TYPE "notification"."MessageStatus" AS ENUM ('PENDING', 'SENT');

-- CreateEnum
CREATE TYPE "inventory"."ReservationStatus" AS ENUM ('RESERVED', 'RELEASED');

-- CreateEnum
CREATE TYPE "payment"."ChargeStatus" AS ENUM ('CAPTURED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "order"."OrderStatus" AS ENUM ('CREATED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "shipping"."ShipmentStatus" AS ENUM ('SCHEDULED', 'CANCELLED');

-- CreateTable
CREATE TABLE "profile"."profiles" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "profiles_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "auth"."credentials" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "password_hash" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "credentials_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification"."messages" (
    "id" UUID NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "notification"."MessageStatus" NOT NULL DEFAULT 'PENDING',
    "sender_ref" TEXT,
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory"."stock" (
    "sku" TEXT NOT NULL,
    "available" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "stock_pkey" PRIMARY KEY ("sku")
);

-- CreateTable
CREATE TABLE "inventory"."reservations" (
    "id" UUID NOT NULL,
    "order_id" TEXT NOT NULL,
    "status" "inventory"."ReservationStatus" NOT NULL DEFAULT 'RESERVED',
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "released_at" TIMESTAMPTZ(3),

    CONSTRAINT "reservations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "inventory"."reservation_lines" (
    "reservation_id" UUID NOT NULL,
    "sku" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "reservation_lines_pkey" PRIMARY KEY ("reservation_id","sku")
);

-- CreateTable
CREATE TABLE "payment"."charges" (
    "id" UUID NOT NULL,
    "order_id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "amount_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "card_last4" TEXT NOT NULL,
    "status" "payment"."ChargeStatus" NOT NULL DEFAULT 'CAPTURED',
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "refunded_at" TIMESTAMPTZ(3),

    CONSTRAINT "charges_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "order"."orders" (
    "id" TEXT NOT NULL,
    "customer_id" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "total_cents" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "status" "order"."OrderStatus" NOT NULL DEFAULT 'CREATED',
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "orders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "shipping"."shipments" (
    "id" UUID NOT NULL,
    "order_id" TEXT NOT NULL,
    "tracking_number" TEXT NOT NULL,
    "address" JSONB NOT NULL,
    "status" "shipping"."ShipmentStatus" NOT NULL DEFAULT 'SCHEDULED',
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelled_at" TIMESTAMPTZ(3),

    CONSTRAINT "shipments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "profiles_user_id_key" ON "profile"."profiles"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "profiles_idempotency_key_key" ON "profile"."profiles"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_user_id_key" ON "auth"."credentials"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "credentials_idempotency_key_key" ON "auth"."credentials"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "messages_idempotency_key_key" ON "notification"."messages"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "reservations_idempotency_key_key" ON "inventory"."reservations"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "charges_idempotency_key_key" ON "payment"."charges"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "orders_idempotency_key_key" ON "order"."orders"("idempotency_key");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_tracking_number_key" ON "shipping"."shipments"("tracking_number");

-- CreateIndex
CREATE UNIQUE INDEX "shipments_idempotency_key_key" ON "shipping"."shipments"("idempotency_key");

-- AddForeignKey
ALTER TABLE "inventory"."reservation_lines" ADD CONSTRAINT "reservation_lines_reservation_id_fkey" FOREIGN KEY ("reservation_id") REFERENCES "inventory"."reservations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inventory"."reservation_lines" ADD CONSTRAINT "reservation_lines_sku_fkey" FOREIGN KEY ("sku") REFERENCES "inventory"."stock"("sku") ON DELETE RESTRICT ON UPDATE CASCADE;
