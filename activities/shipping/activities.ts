import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client';
import { businessError } from '../../platform/business-error';
import { once } from '../idempotency';

export const ShippingErrors = {
  UNSERVICEABLE_ADDRESS: 'UNSERVICEABLE_ADDRESS',
} as const;

/** Countries the carrier delivers to (ISO 3166-1 alpha-2). */
export const SERVED_COUNTRIES = new Set([
  'AT',
  'AU',
  'BE',
  'CA',
  'CH',
  'DE',
  'DK',
  'ES',
  'FI',
  'FR',
  'GB',
  'IE',
  'IT',
  'JP',
  'NL',
  'NO',
  'NZ',
  'PL',
  'PT',
  'SE',
  'US',
]);

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
}

export interface ScheduleShipmentInput {
  orderId: string;
  address: ShippingAddress;
  idempotencyKey: string;
}

export function createShippingActivities(prisma: PrismaClient) {
  return {
    async scheduleShipment({
      orderId,
      address,
      idempotencyKey,
    }: ScheduleShipmentInput): Promise<{ shipmentId: string; trackingNumber: string }> {
      const country = address.country.toUpperCase();
      if (!SERVED_COUNTRIES.has(country)) {
        throw businessError(ShippingErrors.UNSERVICEABLE_ADDRESS, `The carrier does not deliver to ${country}`, {
          country,
        });
      }
      const shipment = await once({
        findEarlier: () => prisma.shipment.findUnique({ where: { idempotencyKey } }),
        create: () =>
          prisma.shipment.create({
            data: {
              orderId,
              address: { ...address, country },
              trackingNumber: `TRK${randomBytes(6).toString('hex').toUpperCase()}`,
              idempotencyKey,
            },
          }),
      });
      return { shipmentId: shipment.id, trackingNumber: shipment.trackingNumber };
    },

    /** Compensates `scheduleShipment`. */
    async cancelShipment({ idempotencyKey }: { idempotencyKey: string }): Promise<void> {
      await prisma.shipment.updateMany({
        where: { idempotencyKey, status: 'SCHEDULED' },
        data: { status: 'CANCELLED', cancelledAt: new Date() },
      });
    },
  };
}

export type ShippingActivities = ReturnType<typeof createShippingActivities>;
