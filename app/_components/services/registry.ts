import "server-only";
import type { ServiceUi } from "./types";

/** One line per service: its contribution to the shared pages. */
const SERVICE_UI: Record<string, ServiceUi> = {};

export function serviceUi(service: string): ServiceUi | undefined {
  return SERVICE_UI[service];
}

export function allServiceUis(): [string, ServiceUi][] {
  return Object.entries(SERVICE_UI);
}
