import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, differenceInCalendarDays, format, getISODay } from "date-fns";

/**
 * Civil dates ('YYYY-MM-DD' strings, no time, no zone). Arithmetic runs on TZDate pinned to UTC so
 * that the server's own time zone can never shift a day.
 */

export const KAZAKHSTAN_TIME_ZONE = "Asia/Almaty";

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseCivil(value: unknown): TZDate | null {
  if (typeof value !== "string") return null;
  const m = CIVIL_DATE.exec(value);
  if (!m) return null;
  const date = new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), "UTC");
  // The Date constructor rolls 31 Feb over into March; a round trip rejects such inputs.
  return format(date, "yyyy-MM-dd") === value ? date : null;
}

export function isValidCivilDate(value: unknown): value is string {
  return parseCivil(value) !== null;
}

/** Parses a civil date; throws RangeError on anything that is not a real 'YYYY-MM-DD' date. */
export function toCivilInstant(d: string): TZDate {
  const date = parseCivil(d);
  if (!date) throw new RangeError(`Not a civil date (YYYY-MM-DD): ${JSON.stringify(d)}`);
  return date;
}

function fromCivilInstant(d: Date): string {
  return format(d, "yyyy-MM-dd");
}

/** Today's civil date in Kazakhstan (UTC+5 country-wide since 1 March 2024). */
export function todayInKazakhstan(now: Date = new Date()): string {
  return fromCivilInstant(new TZDate(now.getTime(), KAZAKHSTAN_TIME_ZONE));
}

export function addCalendarDays(d: string, n: number): string {
  return fromCivilInstant(addDays(toCivilInstant(d), n));
}

/** Adds months; a day that does not exist in the target month becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonthsClamped(d: string, n: number): string {
  return fromCivilInstant(addMonths(toCivilInstant(d), n));
}

/** Calendar days from a to b (positive when b is later): daysBetween('2026-03-01', '2026-03-06') = 5. */
export function daysBetween(a: string, b: string): number {
  return differenceInCalendarDays(toCivilInstant(b), toCivilInstant(a));
}

/** -1, 0 or 1, for sorting. Both arguments must be valid civil dates. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  toCivilInstant(a);
  toCivilInstant(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

const EPOCH = "1970-01-01";

/** Days since 1970-01-01: lets hot loops (the working-day calendar) step with integers. */
export function toEpochDay(d: string): number {
  return daysBetween(EPOCH, d);
}

export function fromEpochDay(n: number): string {
  return addCalendarDays(EPOCH, n);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day; 1970-01-01 was a Thursday. */
export function isoWeekdayOfEpochDay(n: number): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: string): number {
  return getISODay(toCivilInstant(d));
}
