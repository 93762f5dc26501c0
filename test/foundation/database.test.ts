import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '../../platform/database';

describe('PostgreSQL through Prisma', () => {
  let prisma: PrismaClient;

  beforeAll(() => {
    prisma = createPrismaClient();
  });

  afterAll(async () => {
    await prisma.$disconnect();
  });

  it('writes a row through the driver adapter and reads it back', async () => {
    const username = `reader-${randomUUID()}`;
    const created = await prisma.user.create({
      data: { username, email: `${username}@example.com`, idempotencyKey: `test/${username}` },
    });

    const read = await prisma.user.findUnique({ where: { username } });

    expect(read).toEqual(created);
    expect(read?.createdAt).toBeInstanceOf(Date);
  });

  it('has the committed migrations applied, with the user service tables in their own schema', async () => {
    const migrations = await prisma.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(migrations.map((row) => row.migration_name)).toContain('20261203171700_init');
    const tables = await prisma.$queryRaw<Array<{ table_schema: string }>>`
      SELECT table_schema::text FROM information_schema.tables WHERE table_name = 'users'`;
    expect(tables).toEqual([{ table_schema: 'user' }]);
  });
});
