import type { regions } from "@/db/schema";

/**
 * Regions (oblys) and cities of republican significance of Kazakhstan. Codes follow the older
 * ISO 3166-2:KZ letter codes where one exists and the same style for regions created since.
 *
 * valid_from: for regions that already existed at independence it is 16 Dec 1991, the start of
 * this register, not a founding date; boundary changes without a new name (1997 mergers, the 2022
 * splits) keep the code. Astana is listed from 10 Dec 1997, when the capital moved there
 * (domain.md §0.3), under its current name.
 */
export const REGIONS: readonly (typeof regions.$inferInsert)[] = [
  { code: "KZ-AST", kind: "city", nameKk: "Астана", nameRu: "Астана", nameEn: "Astana", validFrom: "1997-12-10", validTo: null },
  { code: "KZ-ALA", kind: "city", nameKk: "Алматы", nameRu: "Алматы", nameEn: "Almaty", validFrom: "1991-12-16", validTo: null },
  // Decree of 19 June 2018 "On some issues of the administrative-territorial structure".
  { code: "KZ-SHY", kind: "city", nameKk: "Шымкент", nameRu: "Шымкент", nameEn: "Shymkent", validFrom: "2018-06-19", validTo: null },

  { code: "KZ-AKM", kind: "region", nameKk: "Ақмола облысы", nameRu: "Акмолинская область", nameEn: "Akmola Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-AKT", kind: "region", nameKk: "Ақтөбе облысы", nameRu: "Актюбинская область", nameEn: "Aktobe Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-ALM", kind: "region", nameKk: "Алматы облысы", nameRu: "Алматинская область", nameEn: "Almaty Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-ATY", kind: "region", nameKk: "Атырау облысы", nameRu: "Атырауская область", nameEn: "Atyrau Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-ZAP", kind: "region", nameKk: "Батыс Қазақстан облысы", nameRu: "Западно-Казахстанская область", nameEn: "West Kazakhstan Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-ZHA", kind: "region", nameKk: "Жамбыл облысы", nameRu: "Жамбылская область", nameEn: "Zhambyl Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-KAR", kind: "region", nameKk: "Қарағанды облысы", nameRu: "Карагандинская область", nameEn: "Karaganda Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-KUS", kind: "region", nameKk: "Қостанай облысы", nameRu: "Костанайская область", nameEn: "Kostanay Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-KZY", kind: "region", nameKk: "Қызылорда облысы", nameRu: "Кызылординская область", nameEn: "Kyzylorda Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-MAN", kind: "region", nameKk: "Маңғыстау облысы", nameRu: "Мангистауская область", nameEn: "Mangystau Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-PAV", kind: "region", nameKk: "Павлодар облысы", nameRu: "Павлодарская область", nameEn: "Pavlodar Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-SEV", kind: "region", nameKk: "Солтүстік Қазақстан облысы", nameRu: "Северо-Казахстанская область", nameEn: "North Kazakhstan Region", validFrom: "1991-12-16", validTo: null },
  { code: "KZ-VOS", kind: "region", nameKk: "Шығыс Қазақстан облысы", nameRu: "Восточно-Казахстанская область", nameEn: "East Kazakhstan Region", validFrom: "1991-12-16", validTo: null },
  // South Kazakhstan was renamed Turkestan (and Shymkent split off) by the decree of 19 June 2018.
  { code: "KZ-YUZ", kind: "region", nameKk: "Оңтүстік Қазақстан облысы", nameRu: "Южно-Казахстанская область", nameEn: "South Kazakhstan Region", validFrom: "1991-12-16", validTo: "2018-06-18" },
  { code: "KZ-TUR", kind: "region", nameKk: "Түркістан облысы", nameRu: "Туркестанская область", nameEn: "Turkestan Region", validFrom: "2018-06-19", validTo: null },
  // Created by the decree of 3 May 2022, in force from 8 June 2022.
  { code: "KZ-ABY", kind: "region", nameKk: "Абай облысы", nameRu: "область Абай", nameEn: "Abai Region", validFrom: "2022-06-08", validTo: null },
  { code: "KZ-ZHT", kind: "region", nameKk: "Жетісу облысы", nameRu: "область Жетісу", nameEn: "Zhetisu Region", validFrom: "2022-06-08", validTo: null },
  { code: "KZ-ULT", kind: "region", nameKk: "Ұлытау облысы", nameRu: "область Ұлытау", nameEn: "Ulytau Region", validFrom: "2022-06-08", validTo: null },
];
