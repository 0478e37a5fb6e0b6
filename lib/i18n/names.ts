/** The name of a country or region in the interface language (reference data carry all three). */
export function localName(row: { nameKk: string; nameRu: string; nameEn: string }, locale: string): string {
  return locale === "ru" ? row.nameRu : locale === "en" ? row.nameEn : row.nameKk;
}
