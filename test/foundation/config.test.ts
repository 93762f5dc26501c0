import { ConfigError, parseConfig } from '../../platform/config';

describe('configuration', () => {
  it('has defaults that work on a fresh machine', () => {
    const config = parseConfig({});
    expect(config.TEMPORAL_ADDRESS).toBe('127.0.0.1:7233');
    expect(config.TEMPORAL_UI_URL).toBe('http://localhost:8233');
    expect(config.API_PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable and why', () => {
    const parse = (): unknown => parseConfig({ API_PORT: 'seventy', DATABASE_URL: 'mysql://x@y/z', LOG_LEVEL: 'loud' });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/API_PORT/);
    expect(parse).toThrow(/DATABASE_URL: must be a postgresql:\/\/ URL/);
    expect(parse).toThrow(/LOG_LEVEL/);
  });

  it('accepts payload encryption keys of 32 bytes only, and lists the earlier ones', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const earlier = Buffer.alloc(32, 2).toString('base64');
    expect(parseConfig({ PAYLOAD_ENCRYPTION_KEY: key, PAYLOAD_DECRYPTION_KEYS: ` ${earlier}, ` })).toMatchObject({
      PAYLOAD_ENCRYPTION_KEY: key,
      PAYLOAD_DECRYPTION_KEYS: [earlier],
    });
    expect(parseConfig({}).PAYLOAD_DECRYPTION_KEYS).toEqual([]);
    const short = Buffer.alloc(16).toString('base64');
    expect(() => parseConfig({ PAYLOAD_ENCRYPTION_KEY: short })).toThrow(/PAYLOAD_ENCRYPTION_KEY: must be 32 bytes/);
    expect(() => parseConfig({ PAYLOAD_DECRYPTION_KEYS: `${earlier},not base64!` })).toThrow(
      /PAYLOAD_DECRYPTION_KEYS\.1: base64 of 32 random bytes/,
    );
  });

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
