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

  it('treats an empty variable as unset', () => {
    expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });
});
