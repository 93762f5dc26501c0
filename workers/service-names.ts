import { domainServiceDefinitions } from '../activities/service-definitions';
import { orchestrator } from '../workflows/orchestrator';

// Only definitions here, no service code: a worker's entry point reads its service list before it
// starts tracing, and tracing must start before the services load their database driver.

/** Every name a worker process accepts: the orchestrator and each domain service. */
export function serviceNames(): string[] {
  return [orchestrator.name, ...domainServiceDefinitions.map((service) => service.name)];
}

/** Parses a `--services a,b` list; unknown names are an error that lists the known ones. */
export function parseServiceList(list: string | undefined): string[] {
  if (list === undefined || list === '' || list === 'all') return serviceNames();
  const names = list.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !serviceNames().includes(name));
  if (unknown.length > 0) {
    throw new Error(`Unknown service(s): ${unknown.join(', ')}. Known: ${serviceNames().join(', ')}`);
  }
  return names;
}

/**
 * The `service.name` a worker process reports in its traces: `orchestrator`, `payment-service`
 * and so on for a process that hosts one service (as deployed), `workers` for several.
 */
export function processServiceName(services: string[]): string {
  if (services.length !== 1) return 'workers';
  const [name] = services as [string];
  return name === orchestrator.name ? name : `${name}-service`;
}
