import type { ReferenceData } from "@/lib/rules/reference";
import { localName } from "@/lib/i18n/names";

export function regionName(ref: ReferenceData, code: string, locale: string): string {
  const row = ref.region(code);
  return row ? localName(row, locale) : code;
}

export function countryName(ref: ReferenceData, code: string | null, locale: string): string {
  if (!code) return "";
  const row = ref.country(code);
  return row ? localName(row, locale) : code;
}
