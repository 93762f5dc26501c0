// Prisma CLI configuration: migrations run through the JavaScript (wasm) schema engine and a
// PostgreSQL driver adapter, so `prisma generate` and `prisma migrate *` work without downloading
// Prisma's native engine. DATABASE_URL selects the database to migrate.
import { defineConfig } from 'prisma/config';
import { offlineMigrationAdapter } from './prisma/offline-schema-engine';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => offlineMigrationAdapter(process.env.DATABASE_URL),
});
