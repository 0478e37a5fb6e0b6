import { KAZAKHSTAN_TIME_ZONE, toCivilInstant } from "@/lib/rules/dates";

/** What the pages need from next-intl's formatter (getFormatter()). */
interface DateFormatter {
  dateTime(value: Date, options: { dateStyle: "long"; timeStyle?: "short"; timeZone: string }): string;
}

/** A civil date ('YYYY-MM-DD') in words, e.g. "6 March 2026". Civil dates are midnight UTC instants. */
export function formatCivilDate(format: DateFormatter, date: string): string {
  return format.dateTime(toCivilInstant(date), { dateStyle: "long", timeZone: "UTC" });
}

/** An instant as a date and time in Kazakhstan. */
export function formatInstant(format: DateFormatter, instant: Date): string {
  return format.dateTime(instant, { dateStyle: "long", timeStyle: "short", timeZone: KAZAKHSTAN_TIME_ZONE });
}
