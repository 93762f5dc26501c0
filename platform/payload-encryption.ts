import { createHash, randomBytes, webcrypto } from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
const KEY_ID_METADATA = 'encryption-key-id';

const IV_BYTES = 12;

const text = (value: string): Uint8Array => Buffer.from(value, 'utf8');
const metadataText = (payload: Payload, key: string): string | undefined => {
  const value = payload.metadata?.[key];
  return value == null ? undefined : Buffer.from(value).toString('utf8');
};

/**
 * Encrypts every payload with AES-256-GCM on its way to Temporal and decrypts it on its way back
 * (Temporal's payload codec). The whole payload, its own metadata included, becomes the
 * ciphertext of a new payload marked `binary/encrypted` with the ID of the key. A payload without
 * that mark passes through: histories written before encryption was turned on still replay.
 *
 * The key ID is a hash of the key, not a secret: it picks the key to open a payload with, so keys
 * can be rotated (a new key seals, earlier ones still open what they sealed), and a process without
 * the right key says so instead of failing on a bad authentication tag.
 */
export class PayloadEncryptionCodec implements PayloadCodec {
  /** The ID of the key that seals new payloads. */
  readonly keyId: string;
  private readonly keys = new Map<string, Promise<webcrypto.CryptoKey>>();

  /** `base64Key` seals and opens; `earlierKeys` only open what they sealed before a rotation. */
  constructor(base64Key: string, earlierKeys: string[] = []) {
    this.keyId = this.addKey(base64Key);
    for (const key of earlierKeys) this.addKey(key);
  }

  encode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.seal(payload)));
  }

  decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => this.open(payload)));
  }

  private addKey(base64Key: string): string {
    const raw = Buffer.from(base64Key, 'base64');
    if (raw.length !== 32) throw new Error('A payload encryption key must be 32 bytes, in base64');
    const id = createHash('sha256').update(raw).digest('hex').slice(0, 16);
    this.keys.set(id, webcrypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']));
    return id;
  }

  private async seal(payload: Payload): Promise<Payload> {
    const iv = randomBytes(IV_BYTES);
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const key = await this.keys.get(this.keyId)!;
    const sealed = await webcrypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
    return {
      metadata: { [METADATA_ENCODING_KEY]: text(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: text(this.keyId) },
      data: Buffer.concat([iv, Buffer.from(sealed)]),
    };
  }

  private async open(payload: Payload): Promise<Payload> {
    if (metadataText(payload, METADATA_ENCODING_KEY) !== ENCRYPTED_ENCODING) return payload;
    const keyId = metadataText(payload, KEY_ID_METADATA) ?? '(unknown)';
    const key = this.keys.get(keyId);
    if (key === undefined) {
      throw new Error(
        `A payload was encrypted with key ${keyId}, which is neither PAYLOAD_ENCRYPTION_KEY here ` +
          `(key ${this.keyId}) nor one of PAYLOAD_DECRYPTION_KEYS`,
      );
    }
    const sealed = Buffer.from(payload.data ?? []);
    const iv = sealed.subarray(0, IV_BYTES);
    // AES-GCM checks the authentication tag at the end of the data: a tampered payload is refused.
    const plain = await webcrypto.subtle.decrypt({ name: 'AES-GCM', iv }, await key, sealed.subarray(IV_BYTES));
    return temporal.api.common.v1.Payload.decode(new Uint8Array(plain));
  }
}
