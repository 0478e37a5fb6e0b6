import type { countries } from "@/db/schema";

type CountrySeed = typeof countries.$inferInsert;

// Treaty on the Eurasian Economic Union: in force 1 Jan 2015 for Belarus, Kazakhstan and Russia;
// Armenia acceded on 2 Jan 2015 and Kyrgyzstan on 12 Aug 2015 (domain.md X-05).
const EAEU_FOUNDING = "2015-01-01";

/**
 * Citizenships used by the services: every country of the 2010 visa table (domain.md §6.5), the
 * main countries of origin in the seed statistics (§6.2–6.4), and "XXA" for stateless persons
 * (the ICAO code for a stateless holder of a travel document).
 */
export const COUNTRIES: readonly CountrySeed[] = [
  { code: "KAZ", nameKk: "Қазақстан", nameRu: "Казахстан", nameEn: "Kazakhstan", eaeuFrom: EAEU_FOUNDING },
  { code: "RUS", nameKk: "Ресей", nameRu: "Россия", nameEn: "Russia", eaeuFrom: EAEU_FOUNDING },
  { code: "BLR", nameKk: "Беларусь", nameRu: "Беларусь", nameEn: "Belarus", eaeuFrom: EAEU_FOUNDING },
  { code: "ARM", nameKk: "Армения", nameRu: "Армения", nameEn: "Armenia", eaeuFrom: "2015-01-02" },
  { code: "KGZ", nameKk: "Қырғызстан", nameRu: "Кыргызстан", nameEn: "Kyrgyzstan", eaeuFrom: "2015-08-12" },
  { code: "AZE", nameKk: "Әзербайжан", nameRu: "Азербайджан", nameEn: "Azerbaijan" },
  { code: "TJK", nameKk: "Тәжікстан", nameRu: "Таджикистан", nameEn: "Tajikistan" },
  { code: "UZB", nameKk: "Өзбекстан", nameRu: "Узбекистан", nameEn: "Uzbekistan" },
  { code: "TKM", nameKk: "Түрікменстан", nameRu: "Туркменистан", nameEn: "Turkmenistan" },
  { code: "GEO", nameKk: "Грузия", nameRu: "Грузия", nameEn: "Georgia" },
  { code: "MDA", nameKk: "Молдова", nameRu: "Молдова", nameEn: "Moldova" },
  { code: "UKR", nameKk: "Украина", nameRu: "Украина", nameEn: "Ukraine" },
  { code: "MNG", nameKk: "Моңғолия", nameRu: "Монголия", nameEn: "Mongolia" },
  { code: "TUR", nameKk: "Түркия", nameRu: "Турция", nameEn: "Türkiye" },
  { code: "CHN", nameKk: "Қытай", nameRu: "Китай", nameEn: "China" },
  { code: "KOR", nameKk: "Корея Республикасы", nameRu: "Республика Корея", nameEn: "Republic of Korea" },
  { code: "MYS", nameKk: "Малайзия", nameRu: "Малайзия", nameEn: "Malaysia" },
  { code: "SGP", nameKk: "Сингапур", nameRu: "Сингапур", nameEn: "Singapore" },
  { code: "THA", nameKk: "Тайланд", nameRu: "Таиланд", nameEn: "Thailand" },
  { code: "VNM", nameKk: "Вьетнам", nameRu: "Вьетнам", nameEn: "Viet Nam" },
  { code: "PHL", nameKk: "Филиппин", nameRu: "Филиппины", nameEn: "Philippines" },
  { code: "IND", nameKk: "Үндістан", nameRu: "Индия", nameEn: "India" },
  { code: "PAK", nameKk: "Пәкістан", nameRu: "Пакистан", nameEn: "Pakistan" },
  { code: "BGD", nameKk: "Бангладеш", nameRu: "Бангладеш", nameEn: "Bangladesh" },
  { code: "LKA", nameKk: "Шри-Ланка", nameRu: "Шри-Ланка", nameEn: "Sri Lanka" },
  { code: "AFG", nameKk: "Ауғанстан", nameRu: "Афганистан", nameEn: "Afghanistan" },
  { code: "IRN", nameKk: "Иран", nameRu: "Иран", nameEn: "Iran" },
  { code: "IRQ", nameKk: "Ирак", nameRu: "Ирак", nameEn: "Iraq" },
  { code: "ISR", nameKk: "Израиль", nameRu: "Израиль", nameEn: "Israel" },
  { code: "OMN", nameKk: "Оман", nameRu: "Оман", nameEn: "Oman" },
  { code: "EGY", nameKk: "Мысыр", nameRu: "Египет", nameEn: "Egypt" },
  { code: "ETH", nameKk: "Эфиопия", nameRu: "Эфиопия", nameEn: "Ethiopia" },
  { code: "SOM", nameKk: "Сомали", nameRu: "Сомали", nameEn: "Somalia" },
  { code: "NGA", nameKk: "Нигерия", nameRu: "Нигерия", nameEn: "Nigeria" },
  { code: "DEU", nameKk: "Германия", nameRu: "Германия", nameEn: "Germany" },
  { code: "FRA", nameKk: "Франция", nameRu: "Франция", nameEn: "France" },
  { code: "ITA", nameKk: "Италия", nameRu: "Италия", nameEn: "Italy" },
  { code: "GBR", nameKk: "Ұлыбритания", nameRu: "Великобритания", nameEn: "United Kingdom" },
  { code: "CHE", nameKk: "Швейцария", nameRu: "Швейцария", nameEn: "Switzerland" },
  { code: "POL", nameKk: "Польша", nameRu: "Польша", nameEn: "Poland" },
  { code: "HUN", nameKk: "Венгрия", nameRu: "Венгрия", nameEn: "Hungary" },
  { code: "ROU", nameKk: "Румыния", nameRu: "Румыния", nameEn: "Romania" },
  { code: "SVK", nameKk: "Словакия", nameRu: "Словакия", nameEn: "Slovakia" },
  { code: "HRV", nameKk: "Хорватия", nameRu: "Хорватия", nameEn: "Croatia" },
  { code: "LTU", nameKk: "Литва", nameRu: "Литва", nameEn: "Lithuania" },
  { code: "EST", nameKk: "Эстония", nameRu: "Эстония", nameEn: "Estonia" },
  { code: "USA", nameKk: "Америка Құрама Штаттары", nameRu: "Соединённые Штаты Америки", nameEn: "United States of America" },
  { code: "BRA", nameKk: "Бразилия", nameRu: "Бразилия", nameEn: "Brazil" },
  { code: "CUB", nameKk: "Куба", nameRu: "Куба", nameEn: "Cuba" },
  { code: "XXA", nameKk: "Азаматтығы жоқ адам", nameRu: "Лицо без гражданства", nameEn: "Stateless person" },
];
