/**
 * Records one history per saga outcome (run by `npm run histories:record`, not by `npm test`).
 * Re-record only for new outcomes: the committed histories are what running sagas look like, and
 * a workflow change must keep replaying them.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TEST_CARDS } from '../../activities/payment/card-processor';
import { startOrderSaga, startUserRegistrationSaga } from '../../platform/saga-client';
import type { UserRegistrationInput } from '../../workflows/inputs';
import { retryCompensationsUpdate, statusQuery } from '../../workflows/saga';
import { holdOrderId, refuseRefunds } from '../helpers/blockers';
import { freshSku, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { eventually } from '../helpers/wait';

const directory = path.join(__dirname, 'histories');

describe('recording saga histories', () => {
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem();
  });

  afterAll(async () => {
    await system.stop();
  });

  async function save(name: string, handle: WorkflowHandle): Promise<void> {
    await handle.result().catch(() => undefined);
    const history = await handle.fetchHistory();
    await fs.mkdir(path.dirname(path.join(directory, name)), { recursive: true });
    await fs.writeFile(path.join(directory, `${name}.json`), `${historyToJSON(history)}\n`);
  }

  const registration = (overrides: Partial<UserRegistrationInput> = {}): UserRegistrationInput => {
    const username = `rec-${randomUUID().slice(0, 8)}`;
    return {
      username,
      email: `${username}@example.com`,
      password: 'recorded passphrase',
      firstName: 'Rec',
      lastName: 'Order',
      ...overrides,
    };
  };

  it.each([
    ['completed', {}],
    ['invalid-email', { email: 'not-an-email' }],
    ['invalid-profile', { firstName: '' }],
    ['undeliverable-email', { email: 'someone@mail.invalid' }],
    ['weak-password', { password: 'short' }],
  ])('user registration: %s', async (name, overrides) => {
    await save(`user-registration/${name}`, await startUserRegistrationSaga(system.client, registration(overrides)));
  });

  it.each([
    ['completed', () => ({})],
    [
      'out-of-stock',
      (_sku: string, soldOut: string) => ({ items: [{ sku: soldOut, quantity: 1, unitPriceCents: 100 }] }),
    ],
    ['card-declined', () => ({ payment: { cardNumber: TEST_CARDS.declined } })],
    ['order-limit-exceeded', (sku: string) => ({ items: [{ sku, quantity: 101, unitPriceCents: 100 }] })],
    [
      'unserviceable-address',
      () => ({
        shippingAddress: { name: 'Base', line1: 'Station', city: 'Ross Island', postalCode: '0', country: 'AQ' },
      }),
    ],
  ])('order: %s', async (name, make) => {
    const sku = await freshSku(system.prisma, 500);
    const soldOut = await freshSku(system.prisma, 0);
    await save(`order/${name}`, await startOrderSaga(system.client, orderInput(sku, make(sku, soldOut))));
  });

  it('order: cancelled', async () => {
    const sku = await freshSku(system.prisma, 5);
    const input = orderInput(sku);
    const blocker = await holdOrderId(input.orderId);
    const handle = await startOrderSaga(system.client, input);
    try {
      await eventually(
        () => handle.query(statusQuery),
        (view) => view.steps[2]?.state === 'running',
      );
      await handle.cancel();
    } finally {
      await blocker.release();
    }
    await save('order/cancelled', handle);
  });

  it('order: compensation retried after needing attention', async () => {
    const sku = await freshSku(system.prisma, 5);
    const input = orderInput(sku, {
      shippingAddress: { name: 'Base', line1: 'Station', city: 'Ross Island', postalCode: '0', country: 'AQ' },
    });
    const fault = await refuseRefunds(system.prisma, input.orderId);
    const handle = await startOrderSaga(system.client, input, {
      options: { compensationRetry: { maximumAttempts: 2, initialInterval: 100, maximumInterval: 200 } },
    });
    await eventually(
      () => handle.query(statusQuery),
      (view) => view.status === 'NEEDS_ATTENTION',
    );
    await fault.restore();
    await handle.executeUpdate(retryCompensationsUpdate);
    await save('order/compensation-retried', handle);
  });
});
