import type { ruleParameters } from "@/db/schema";
import { isValidCivilDate } from "./dates";

/** What the reader needs from a rule_parameters row. */
export type ParameterRow = Pick<typeof ruleParameters.$inferSelect, "key" | "value" | "effectiveFrom" | "effectiveTo">;

/**
 * Rule parameters by key and the date a rule applies to. A parameter that has no value in force on
 * that date is a configuration error, so the reader throws rather than guessing a default.
 */
export interface ParameterReader {
  /** The value in force on onDate (a civil date). The caller states the type; it is not checked. */
  get<T>(key: string, onDate: string): T;
  /** Like get, but the value must be a finite number. */
  number(key: string, onDate: string): number;
  has(key: string, onDate: string): boolean;
}

export class ParameterError extends Error {
  constructor(
    message: string,
    readonly key: string,
    readonly onDate: string,
  ) {
    super(message);
    this.name = "ParameterError";
  }
}

/**
 * Builds a reader from rows. Both ends of a period are inclusive; effectiveTo null means open-ended.
 * When periods overlap, the row that starts later wins, so a new value can be added from a date
 * without closing the previous row first.
 */
export function parameterReaderFrom(rows: readonly ParameterRow[]): ParameterReader {
  const byKey = new Map<string, ParameterRow[]>();
  for (const row of rows) {
    if (!isValidCivilDate(row.effectiveFrom) || (row.effectiveTo !== null && !isValidCivilDate(row.effectiveTo))) {
      throw new ParameterError(`Parameter ${row.key} has an invalid effective period`, row.key, row.effectiveFrom);
    }
    const list = byKey.get(row.key) ?? [];
    list.push(row);
    byKey.set(row.key, list);
  }
  // Latest start first, so the first match is the one that wins.
  for (const list of byKey.values()) list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));

  function find(key: string, onDate: string): ParameterRow | undefined {
    if (!isValidCivilDate(onDate)) throw new ParameterError(`Parameter ${key} asked for an invalid date: ${onDate}`, key, onDate);
    return byKey
      .get(key)
      ?.find((r) => r.effectiveFrom <= onDate && (r.effectiveTo === null || onDate <= r.effectiveTo));
  }

  function get<T>(key: string, onDate: string): T {
    const row = find(key, onDate);
    if (!row) throw new ParameterError(`No value of rule parameter "${key}" is in force on ${onDate}`, key, onDate);
    return row.value as T;
  }

  return {
    get,
    number(key, onDate) {
      const value = get<unknown>(key, onDate);
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new ParameterError(`Rule parameter "${key}" on ${onDate} is not a number: ${JSON.stringify(value)}`, key, onDate);
      }
      return value;
    },
    has(key, onDate) {
      return find(key, onDate) !== undefined;
    },
  };
}
