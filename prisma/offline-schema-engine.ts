/**
 * Workarounds that let the Prisma 6.19.3 CLI migrate PostgreSQL offline, through the wasm schema
 * engine and @prisma/adapter-pg instead of the native engine it would otherwise download.
 * Loaded only by prisma.config.ts, i.e. only in the CLI's process; the application never uses it.
 * Remove each piece once the Prisma release that fixes it is adopted:
 *
 * 1. Introspection (`migrate dev`, `migrate diff`) selects catalog columns of types `name` (OID 19)
 *    and `"char"` (OID 18), and arrays of them (1003, 1002), which the adapter cannot decode
 *    ("Column type 'name' could not be deserialized", prisma/orm#27403). They are reported to the
 *    adapter as `text` (25) and `text[]` (1009), and pg parses the arrays as text arrays.
 * 2. The shadow database of `migrate dev`: built from a connection string, the stock adapter
 *    silently uses the real database as the shadow (P3006, potentially destructive) and drops the
 *    shadow while its own pool is still connected. Here the shadow is a fresh
 *    `prisma_shadow_<uuid>` reached with discrete connection fields, and it is dropped `WITH
 *    (FORCE)` after its pool is closed. Needs the CREATEDB privilege, like `migrate dev` always does.
 * 3. Each command hung for 10 s after finishing: the wasm engine arms 10 s timers and the pg pool
 *    keeps idle connections. Timers armed from wasm are unref'd and pools allow the process to exit
 *    when idle, which brings a `migrate deploy` from 12 s to about 2 s.
 *
 * Known and not worked around (do not rely on the behaviour): `migrate dev` fails on a database
 * with unapplied migrations ("shadow DB must be provided through an external factory"), so run
 * `migrate deploy` first; `migrate dev --create-only` writes the migration and then exits 1
 * ("null pointer passed to rust").
 */
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT = 25;
const TEXT_ARRAY = 1009;
const reportedAsText: Record<number, number> = { 18: TEXT, 19: TEXT, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY };

// pg's typings list only the type IDs it parses itself; these two are the catalog arrays above.
type TypeId = Parameters<typeof pg.types.setTypeParser>[0];
const textArrayParser = pg.types.getTypeParser(TEXT_ARRAY as TypeId) as (value: string) => unknown;
pg.types.setTypeParser(1002 as TypeId, textArrayParser);
pg.types.setTypeParser(1003 as TypeId, textArrayParser);

const setTimeoutOriginal = globalThis.setTimeout;
globalThis.setTimeout = Object.assign((...args: Parameters<typeof setTimeout>) => {
  const timer = setTimeoutOriginal(...args);
  if (new Error().stack?.includes('wasm-function') === true) timer.unref();
  return timer;
}, setTimeoutOriginal);

function withCatalogTypesAsText(pool: pg.Pool): pg.Pool {
  // A script of several statements yields one result per statement.
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult | pg.QueryResult[]>;
  Object.assign(pool, {
    query: async (...args: unknown[]) => {
      const result = await query(...args);
      for (const { fields } of Array.isArray(result) ? result : [result]) {
        for (const field of fields) field.dataTypeID = reportedAsText[field.dataTypeID] ?? field.dataTypeID;
      }
      return result;
    },
  });
  return pool;
}

function connectionFields(url: string): pg.PoolConfig {
  const parsed = new URL(url);
  return {
    host: parsed.hostname,
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    user: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
    database: decodeURIComponent(parsed.pathname.slice(1)),
    allowExitOnIdle: true,
  };
}

async function withAdminConnection(fields: pg.PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(fields);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

type ShadowAdapter = Awaited<ReturnType<PrismaPg['connectToShadowDb']>>;

class OfflineMigrationAdapter extends PrismaPg {
  constructor(private readonly fields: pg.PoolConfig) {
    super(withCatalogTypesAsText(new pg.Pool(fields)), { disposeExternalPool: true });
  }

  override async connectToShadowDb(): Promise<ShadowAdapter> {
    const database = `prisma_shadow_${randomUUID().replaceAll('-', '')}`;
    await withAdminConnection(this.fields, `CREATE DATABASE "${database}"`);
    const pool = withCatalogTypesAsText(new pg.Pool({ ...this.fields, database }));
    const shadow = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await withAdminConnection(this.fields, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    };
    return shadow;
  }
}

export function offlineMigrationAdapter(databaseUrl: string | undefined): PrismaPg {
  if (databaseUrl === undefined || databaseUrl === '') {
    throw new Error(
      'DATABASE_URL is not set. `npm run db` starts the embedded PostgreSQL and applies the migrations; ' +
        'to run prisma commands yourself, set DATABASE_URL to the database they should act on.',
    );
  }
  return new OfflineMigrationAdapter(connectionFields(databaseUrl));
}
