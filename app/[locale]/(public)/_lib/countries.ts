import type { CountryInfo } from "@/lib/rules/reference";
import { localName } from "@/lib/i18n/names";

export interface Option {
  value: string;
  label: string;
}

/** Country names in the interface language, in that language's alphabetical order. */
export function countryOptions(countries: readonly CountryInfo[], locale: string): Option[] {
  const collator = new Intl.Collator(locale);
  return countries.map((c) => ({ value: c.code, label: localName(c, locale) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** The name of one country in the interface language, or its code when it is unknown. */
export function countryName(country: CountryInfo | undefined, code: string, locale: string): string {
  return country ? localName(country, locale) : code;
}
