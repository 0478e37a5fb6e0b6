import type { accommodationCentres } from "@/db/schema";

/**
 * The adaptation and integration centres for kandas (CAIO) with their capacity and residents as of
 * 1 Oct 2015 (domain §6.3, 001_0338c7585608927b.txt:1107-1141). Each counts capacity as its own
 * table does: Aktau in families, the others in persons. South Kazakhstan's centres are filed under
 * today's Shymkent city and Turkestan region.
 */
export const KANDAS_CENTRES: readonly (typeof accommodationCentres.$inferInsert)[] = [
  {
    code: "CAIO-AKTAU",
    kind: "caio",
    region: "KZ-MAN",
    nameKk: "Ақтау бейімдеу және интеграциялау орталығы",
    nameRu: "Центр адаптации и интеграции, Актау",
    nameEn: "Aktau adaptation and integration centre",
    capacityUnit: "families",
    capacity: 200,
    occupiedFamilies: 156,
    occupiedPersons: 650,
  },
  {
    code: "CAIO-KARAGANDA",
    kind: "caio",
    region: "KZ-KAR",
    nameKk: "Қарағанды бейімдеу және интеграциялау орталығы",
    nameRu: "Центр адаптации и интеграции, Караганда",
    nameEn: "Karaganda adaptation and integration centre",
    capacityUnit: "persons",
    capacity: 120,
    occupiedFamilies: 15,
    occupiedPersons: 55,
  },
  {
    code: "CAIO-SHYMKENT",
    kind: "caio",
    region: "KZ-SHY",
    nameKk: "Шымкент бейімдеу және интеграциялау орталығы",
    nameRu: "Центр адаптации и интеграции, Шымкент",
    nameEn: "Shymkent adaptation and integration centre",
    capacityUnit: "persons",
    capacity: 170,
    occupiedFamilies: 12,
    occupiedPersons: 48,
  },
  {
    code: "CAIO-AKSUKENT",
    kind: "caio",
    region: "KZ-TUR",
    nameKk: "Ақсукент бейімдеу және интеграциялау орталығы (Сайрам ауданы)",
    nameRu: "Центр адаптации и интеграции, с. Аксукент (Сайрамский район)",
    nameEn: "Aksukent adaptation and integration centre (Sairam district)",
    capacityUnit: "persons",
    capacity: 140,
    occupiedFamilies: 4,
    occupiedPersons: 12,
  },
];
