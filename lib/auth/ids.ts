const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checked before a value from a cookie or a form reaches a uuid column (PostgreSQL would raise). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
