import type { ServiceDefinition } from "./types";

const services = new Map<string, ServiceDefinition<never>>();

/** Services register themselves from lib/services/index.ts; the engine knows them only through this. */
export function registerService<D>(definition: ServiceDefinition<D>): ServiceDefinition<D> {
  services.set(definition.id, definition as unknown as ServiceDefinition<never>);
  return definition;
}

export function getService(id: string): ServiceDefinition<Record<string, unknown>> | undefined {
  return services.get(id) as unknown as ServiceDefinition<Record<string, unknown>> | undefined;
}

export function allServices(): ServiceDefinition<Record<string, unknown>>[] {
  return [...services.values()] as unknown as ServiceDefinition<Record<string, unknown>>[];
}
