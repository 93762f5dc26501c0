import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { configSchema, parseConfig, projectRoot } from '../../platform/config';
import { serviceNames } from '../../workers/service-names';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, unknown> | string[];
  healthcheck?: { test: string[] };
  restart?: string;
}

interface PrometheusConfig {
  scrape_configs: Array<{ dns_sd_configs?: Array<{ names: string[]; port: number }> }>;
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

  const workerServices = appServices.filter(([, service]) => service.command?.includes('workers/main.ts'));

  it('has Prometheus scrape every worker service on the port its METRICS_ADDRESS names', () => {
    const prometheus = compose.services.prometheus;
    const mount = prometheus?.volumes?.find((volume) => volume.endsWith(':/etc/prometheus/prometheus.yml:ro'));
    expect(mount).toBeDefined();
    const file = path.join(projectRoot, mount!.split(':')[0]!);
    const scrapeConfig = parse(fs.readFileSync(file, 'utf8')) as PrometheusConfig;
    const targets = scrapeConfig.scrape_configs
      .flatMap((job) => job.dns_sd_configs ?? [])
      .flatMap(({ names, port }) => names.map((name) => `${name}:${port}`));

    const expected = workerServices.map(([name, service]) => {
      const address = String(service.environment?.METRICS_ADDRESS);
      expect(configSchema.shape.METRICS_ADDRESS.safeParse(address).success).toBe(true);
      return `${name}:${address.split(':')[1]}`;
    });
    expect(targets.sort()).toEqual(expected.sort());
  });

  it('sends every process’s traces to the OTLP/HTTP port of the Jaeger it runs', () => {
    const jaeger = compose.services.jaeger;
    expect(jaeger?.environment?.COLLECTOR_OTLP_ENABLED).toBe('true');
    for (const [name, service] of appServices) {
      expect([name, service.environment?.OTEL_EXPORTER_OTLP_ENDPOINT]).toEqual([name, 'http://jaeger:4318']);
    }
  });

  it('gives every long-running process of ours a health check on an endpoint it serves', () => {
    for (const [name, service] of appServices.filter(([, candidate]) => candidate.restart !== 'no')) {
      const probe = (service.healthcheck?.test ?? []).join(' ');
      const url = /fetch\('(http:\/\/localhost:(\d+)\/[\w/]*)'\)/.exec(probe);
      expect([name, url !== null]).toEqual([name, true]);
      const port = url![2];
      const served =
        name === 'api'
          ? String(service.environment?.API_PORT)
          : String(service.environment?.METRICS_ADDRESS).split(':')[1];
      expect([name, port]).toEqual([name, served]);
    }
  });
});
