import pg from 'pg';
import type { PrismaClient } from '../../platform/database';
import { config } from '../../platform/config';

/**
 * Holds a database transaction open, so a saga step that needs the same rows waits on PostgreSQL
 * until `release` (a real wait, the kind a slow or busy service causes; nothing in the code knows).
 */
export interface Blocker {
  release: () => Promise<void>;
}

async function openTransaction(sql: string, params: unknown[]): Promise<Blocker> {
  const client = new pg.Client({ connectionString: config().DATABASE_URL });
  await client.connect();
  await client.query('BEGIN');
  await client.query(sql, params);
  return {
    async release() {
      await client.query('ROLLBACK');
      await client.end();
    },
  };
}

/** Locks a SKU's stock row: reserving it waits. */
export function lockStock(sku: string): Promise<Blocker> {
  return openTransaction('SELECT available FROM inventory.stock WHERE sku = $1 FOR UPDATE', [sku]);
}

/** Inserts, uncommitted, an order row with this ID: recording the order waits on its unique index. */
export function holdOrderId(orderId: string): Promise<Blocker> {
  return openTransaction(
    `INSERT INTO "order".orders (id, customer_id, items, total_cents, currency, idempotency_key)
     VALUES ($1, 'blocker', '[]', 0, 'EUR', $2)`,
    [orderId, `blocker/${orderId}`],
  );
}

/**
 * A real fault from outside the code: the payment database refuses to record this order's refund,
 * as a broken constraint or an outage would, until `restore`.
 */
export async function refuseRefunds(prisma: PrismaClient, orderId: string): Promise<{ restore: () => Promise<void> }> {
  const trigger = `refuse_refund_${orderId.replace(/\W/g, '_')}`;
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION payment.refuse_refund() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'payment ledger unavailable'; END $$ LANGUAGE plpgsql`);
  await prisma.$executeRawUnsafe(`
    CREATE TRIGGER ${trigger} BEFORE UPDATE ON payment.charges
    FOR EACH ROW WHEN (NEW.order_id = '${orderId.replaceAll("'", "''")}') EXECUTE FUNCTION payment.refuse_refund()`);
  return {
    restore: async () => {
      await prisma.$executeRawUnsafe(`DROP TRIGGER ${trigger} ON payment.charges`);
    },
  };
}
