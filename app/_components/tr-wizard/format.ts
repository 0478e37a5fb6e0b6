/** Locale-aware display of civil dates; the same output on the server and in the browser. */

const INTL_LOCALES: Record<string, string> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function intlLocale(locale: string): string {
  return INTL_LOCALES[locale] ?? locale;
}

/** "2026-03-30" → "30 March 2026" / "30 марта 2026 г." / "2026 ж. 30 наурыз"; anything else unchanged. */
export function formatCivilDate(date: string, locale: string): string {
  const m = CIVIL_DATE.exec(date);
  if (!m) return date;
  // A civil date has no zone: format it at midnight UTC and read it back in UTC.
  const instant = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(instant.getTime())) return date;
  return new Intl.DateTimeFormat(intlLocale(locale), { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(instant);
}

/** Message values with every civil date formatted for display (rule messages carry raw dates). */
export function formatDateValues(values: Record<string, string | number> | undefined, locale: string): Record<string, string | number> | undefined {
  if (!values) return values;
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" && CIVIL_DATE.test(v) ? formatCivilDate(v, locale) : v]));
}
