import type { getFormatter } from "next-intl/server";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** Parameter keys are snake_case identifiers; anything else in an address is not one. */
export const PARAMETER_KEY = /^[a-z][a-z0-9_]{0,99}$/;

/** A parameter's name in the interface language; a key without a translation shows as itself. */
export function parameterName(t: { has(key: string): boolean; (key: string): string }, key: string): string {
  return t.has(`parameters.names.${key}`) ? t(`parameters.names.${key}`) : key;
}

/** Numbers in the interface language's format; anything else as the JSON it is stored as. */
export function formatParameterValue(format: Formatter, value: unknown): string {
  return typeof value === "number" ? format.number(value) : JSON.stringify(value);
}
