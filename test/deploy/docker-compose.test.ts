import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { configSchema, parseConfig, projectRoot } from '../../platform/config';
import { serviceNames } from '../../workers/start-workers';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, unknown> | string[];
}

// docker-compose.yml is for users (no Docker engine runs here); this keeps it honest about the code.
describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  const appServices = Object.entries(compose.services).filter(([, service]) => service.build !== undefined);

  it('runs one worker service per service name the code knows, and no other', () => {
    const hosted = appServices.flatMap(([, service]) => {
      const command = service.command ?? [];
      const at = command.indexOf('--services');
      return command.includes('workers/main.ts') && at >= 0 ? (command[at + 1]?.split(',') ?? []) : [];
    });
    expect(hosted.sort()).toEqual([...serviceNames()].sort());
  });

  it('gives the application only environment variables the configuration reads', () => {
    const known = Object.keys(configSchema.shape);
    for (const [name, service] of appServices) {
      expect([name, Object.keys(service.environment ?? {}).filter((key) => !known.includes(key))]).toEqual([name, []]);
    }
  });

  it('runs entry points that exist, and publishes the API on its configured port', () => {
    for (const [, service] of appServices) {
      const entry = (service.command ?? []).find((part) => part.endsWith('.ts'));
      if (entry !== undefined) expect(fs.existsSync(path.join(projectRoot, entry))).toBe(true);
    }
    const api = compose.services.api;
    expect(api?.ports).toEqual([`${api?.environment?.API_PORT}:${api?.environment?.API_PORT}`]);
    expect(configSchema.shape.API_PORT.parse(String(api?.environment?.API_PORT))).toBe(parseConfig({}).API_PORT);
  });

  it('only depends on services it defines', () => {
    for (const [, service] of Object.entries(compose.services)) {
      const dependencies = Array.isArray(service.depends_on)
        ? service.depends_on
        : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies) expect(Object.keys(compose.services)).toContain(dependency);
    }
  });
});
