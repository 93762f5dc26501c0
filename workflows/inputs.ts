/**
 * The sagas' inputs, as zod schemas: the workflows check their input with them, and the API
 * validates requests and generates its OpenAPI document from the same schemas.
 *
 * Structure and bounds only: business rules (email format, password strength, stock, cards) belong
 * to the services, which answer with typed business errors.
 */
import { z } from 'zod';

export const businessId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, and . _ - after the first character');

export const userRegistrationInput = z
  .object({
    username: businessId,
    email: z.string().min(1).max(254),
    password: z.string().min(1).max(256),
    firstName: z.string().max(100),
    lastName: z.string().max(100),
    displayName: z.string().max(100).optional(),
  })
  .strict();
export type UserRegistrationInput = z.infer<typeof userRegistrationInput>;

export const orderLine = z
  .object({
    sku: z.string().min(1).max(64),
    quantity: z.number().int().positive().max(10_000),
    unitPriceCents: z.number().int().nonnegative().max(100_000_000),
  })
  .strict();

export const shippingAddress = z
  .object({
    name: z.string().min(1).max(200),
    line1: z.string().min(1).max(200),
    line2: z.string().max(200).optional(),
    city: z.string().min(1).max(100),
    postalCode: z.string().min(1).max(20),
    country: z.string().regex(/^[A-Za-z]{2}$/, 'an ISO 3166-1 alpha-2 country code'),
  })
  .strict();

export const orderInput = z
  .object({
    orderId: businessId,
    customerId: businessId,
    items: z.array(orderLine).min(1).max(100),
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code'),
    payment: z.object({ cardNumber: z.string().regex(/^\d{12,19}$/, '12 to 19 digits') }).strict(),
    shippingAddress,
  })
  .strict();
export type OrderInput = z.infer<typeof orderInput>;

/**
 * Operator tuning of one saga run, never set by the API: how long a compensation keeps retrying
 * before the saga asks for a person (the services' own policies otherwise).
 */
export const sagaOptions = z
  .object({
    compensationRetry: z
      .object({
        maximumAttempts: z.number().int().positive(),
        /** Milliseconds. */
        initialInterval: z.number().int().positive().optional(),
        /** Milliseconds. */
        maximumInterval: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type SagaOptions = z.infer<typeof sagaOptions>;
