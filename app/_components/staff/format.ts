import type { getFormatter } from "next-intl/server";
import type { ReferenceData } from "@/lib/rules/reference";

type Formatter = Awaited<ReturnType<typeof getFormatter>>;

/** A civil date (YYYY-MM-DD) in the interface language; noon in Almaty so no zone can shift the day. */
export function formatCivilDate(format: Formatter, date: string): string {
  return format.dateTime(new Date(`${date}T12:00:00+05:00`), { year: "numeric", month: "long", day: "numeric" });
}

/** An instant, shown in Kazakhstan time (the request config sets Asia/Almaty). */
export function formatInstant(format: Formatter, at: Date): string {
  return format.dateTime(at, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit" });
}

function localName(row: { nameKk: string; nameRu: string; nameEn: string }, locale: string): string {
  return locale === "ru" ? row.nameRu : locale === "en" ? row.nameEn : row.nameKk;
}

export function regionName(ref: ReferenceData, code: string, locale: string): string {
  const row = ref.region(code);
  return row ? localName(row, locale) : code;
}

export function countryName(ref: ReferenceData, code: string | null, locale: string): string {
  if (!code) return "";
  const row = ref.country(code);
  return row ? localName(row, locale) : code;
}
