import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { TEST_CARDS } from '../../activities/payment/card-processor';
import type { SagaDetail } from '../../api/schemas';
import { ENCRYPTED_ENCODING, PayloadEncryptionCodec } from '../../platform/payload-encryption';
import { startOrderSaga, startUserRegistrationSaga } from '../../platform/saga-client';
import { connectClient, dataConverter } from '../../platform/temporal';
import { workflowBundle } from '../../workers/start-workers';
import { recordedHistories } from '../replay/histories';
import { bodyOf, testApp } from '../helpers/api';
import { freshSku, orderInput } from '../helpers/orders';
import { startTestSystem, type TestSystem } from '../helpers/system';

const newKey = (): string => randomBytes(32).toString('base64');
const json = (value: unknown): Payload => defaultPayloadConverter.toPayload(value);
const utf8 = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? []).toString('utf8');
/**
 * Every string and byte field of a history (payload data and metadata as UTF-8), so a secret
 * stored in clear shows up. Not JSON.stringify: the history's own toJSON would turn every byte
 * field into base64 first, and no secret could ever be found.
 */
function storedText(value: unknown): string {
  if (value instanceof Uint8Array) return utf8(value);
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null) return '';
  return Object.values(value).map(storedText).join('\n');
}

describe('payload encryption codec', () => {
  const codec = new PayloadEncryptionCodec(newKey());
  const secret = { cardNumber: TEST_CARDS.approved, password: 'correct horse battery staple' };

  it('encrypts a payload, metadata and all, and decrypts it back', async () => {
    const [sealed] = await codec.encode([json(secret)]);
    expect(utf8(sealed!.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
    expect(utf8(sealed!.data)).not.toContain(TEST_CARDS.approved);
    expect(utf8(sealed!.data)).not.toContain('json/plain');

    const [opened] = await codec.decode([sealed!]);
    expect(JSON.parse(utf8(opened!.data))).toEqual(secret);
    expect(utf8(opened!.metadata![METADATA_ENCODING_KEY])).toBe('json/plain');
  });

  it('seals the same payload differently each time (a fresh nonce per payload)', async () => {
    const [first, second] = await codec.encode([json(secret), json(secret)]);
    expect(Buffer.from(first!.data!).equals(Buffer.from(second!.data!))).toBe(false);
  });

  it('lets unencrypted payloads through, so histories from before encryption still read', async () => {
    const plain = json(secret);
    expect(await codec.decode([plain])).toEqual([plain]);
  });

  it('names both keys when a payload was sealed with another key, and refuses tampered data', async () => {
    const other = new PayloadEncryptionCodec(newKey());
    const [sealed] = await other.encode([json(secret)]);
    await expect(codec.decode([sealed!])).rejects.toThrow(`encrypted with key ${other.keyId}`);
    await expect(codec.decode([sealed!])).rejects.toThrow(`(key ${codec.keyId})`);

    const [mine] = await codec.encode([json(secret)]);
    const tampered = Buffer.from(mine!.data!);
    tampered[20] = tampered[20]! ^ 0xff;
    await expect(codec.decode([{ ...mine!, data: tampered }])).rejects.toThrow();
  });

  it('after a rotation, seals with the new key and still opens what the earlier key sealed', async () => {
    const earlierKey = newKey();
    const before = new PayloadEncryptionCodec(earlierKey);
    const [old] = await before.encode([json(secret)]);

    const rotated = new PayloadEncryptionCodec(newKey(), [earlierKey]);
    expect(rotated.keyId).not.toBe(before.keyId);
    const [opened] = await rotated.decode([old!]);
    expect(JSON.parse(utf8(opened!.data))).toEqual(secret);

    const [sealed] = await rotated.encode([json(secret)]);
    await expect(before.decode([sealed!])).rejects.toThrow(`encrypted with key ${rotated.keyId}`);
  });
});

// The sagas end to end with encryption on: what Temporal stores (and its Web UI shows) is
// ciphertext, while the workers and the API, which hold the key, work as before.
describe('sagas with payload encryption', () => {
  const converter = dataConverter({ encryptionKey: newKey() });
  let system: TestSystem;

  beforeAll(async () => {
    system = await startTestSystem({ converter });
  });

  afterAll(async () => {
    await system.stop();
  });

  it('keeps card numbers, passwords and addresses out of the histories Temporal stores', async () => {
    const order = orderInput(await freshSku(system.prisma, 5));
    const orderHandle = await startOrderSaga(system.client, order);
    expect((await orderHandle.result()).trackingNumber).toMatch(/^TRK/);

    const username = `enc-${randomUUID().slice(0, 12)}`;
    const registration = {
      username,
      email: `${username}@example.com`,
      password: 'correct horse battery staple',
      firstName: 'Grace',
      lastName: 'Hopper',
    };
    const registrationHandle = await startUserRegistrationSaga(system.client, registration);
    expect((await registrationHandle.result()).userId).toEqual(expect.any(String));

    // Read as the server holds them: a client without the key.
    const raw = await connectClient();
    try {
      for (const handle of [orderHandle, registrationHandle]) {
        const history = await raw.workflow.getHandle(handle.workflowId).fetchHistory();
        const stored = storedText(history);
        for (const secret of [
          TEST_CARDS.approved,
          order.shippingAddress.line1,
          registration.password,
          registration.email,
        ]) {
          expect(stored).not.toContain(secret);
        }
        const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
        expect(utf8(input.metadata![METADATA_ENCODING_KEY])).toBe(ENCRYPTED_ENCODING);
      }
    } finally {
      await raw.connection.close();
    }

    // The API holds the key: it shows the saga as usual.
    const detail = bodyOf<SagaDetail>(await request(testApp(system)).get(`/v1/sagas/${order.orderId}`).expect(200));
    expect(detail).toMatchObject({ status: 'COMPLETED', customerId: order.customerId });
    expect(detail.result).toMatchObject({ orderId: order.orderId });
  });

  it('replays histories written before encryption was on, and its own only with the key', async () => {
    const options = { workflowBundle: await workflowBundle(), dataConverter: converter };
    for await (const result of Worker.runReplayHistories(options, recordedHistories('order'))) {
      expect([result.workflowId, result.error]).toEqual([result.workflowId, undefined]);
    }

    const order = orderInput(await freshSku(system.prisma, 5));
    await (await startOrderSaga(system.client, order)).result();
    const history = await system.client.workflow.getHandle(order.orderId).fetchHistory();
    await expect(Worker.runReplayHistory(options, history, order.orderId)).resolves.toBeUndefined();
    await expect(
      Worker.runReplayHistory({ ...options, dataConverter: dataConverter() }, history, order.orderId),
    ).rejects.toThrow(`Unknown encoding: ${ENCRYPTED_ENCODING}`);
  });
});
