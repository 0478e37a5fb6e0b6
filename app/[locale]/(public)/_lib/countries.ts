import type { CountryInfo } from "@/lib/rules/reference";

export interface Option {
  value: string;
  label: string;
}

/** Country names in the interface language, in that language's alphabetical order. */
export function countryOptions(countries: readonly CountryInfo[], locale: string): Option[] {
  const nameOf = (c: CountryInfo) => (locale === "kk" ? c.nameKk : locale === "ru" ? c.nameRu : c.nameEn);
  const collator = new Intl.Collator(locale);
  return countries.map((c) => ({ value: c.code, label: nameOf(c) })).sort((a, b) => collator.compare(a.label, b.label));
}

/** The name of one country in the interface language, or its code when it is unknown. */
export function countryName(country: CountryInfo | undefined, code: string, locale: string): string {
  if (!country) return code;
  return locale === "kk" ? country.nameKk : locale === "ru" ? country.nameRu : country.nameEn;
}
