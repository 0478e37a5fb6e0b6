import type { countries, regions, visaRegimes } from "@/db/schema";
import { WorkingCalendar, type CalendarDay } from "./calendar";

export type CountryRow = typeof countries.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;
export type VisaRegimeRow = typeof visaRegimes.$inferSelect;
export type PassportType = VisaRegimeRow["passportType"];

export interface CountryInfo {
  code: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
}

export interface VisaRegime {
  regime: VisaRegimeRow["regime"];
  /** Maximum visa-free days for "visa_free_days", otherwise null. */
  days: number | null;
}

/** Small, slowly changing tables every rule check may consult. Built once and shared (see load.ts). */
export interface ReferenceData {
  calendar: WorkingCalendar;
  country(code: string): CountryInfo | undefined;
  /** All countries (and the stateless pseudo-country XXA), ordered by code. */
  countries(): CountryInfo[];
  /** Whether the country is a member of the Eurasian Economic Union on that date (both ends inclusive). */
  isEaeuMember(code: string, onDate: string): boolean;
  /**
   * The regime for entering Kazakhstan with this citizenship and passport type on that date; null
   * when the table has no entry (the caller decides what an unknown regime means).
   */
  visaRegime(country: string, passportType: PassportType, onDate: string): VisaRegime | null;
  region(code: string): RegionRow | undefined;
  /** Regions and cities of republican significance that exist on that date, ordered by code. */
  regions(onDate: string): RegionRow[];
}

export interface ReferenceRows {
  countries: readonly CountryRow[];
  visaRegimes: readonly VisaRegimeRow[];
  regions: readonly RegionRow[];
  calendarDays: readonly CalendarDay[];
}

function inForce(from: string | null, to: string | null, onDate: string): boolean {
  return from !== null && from <= onDate && (to === null || onDate <= to);
}

export function referenceDataFrom(rows: ReferenceRows): ReferenceData {
  const calendar = new WorkingCalendar(rows.calendarDays);
  const countryByCode = new Map(rows.countries.map((c) => [c.code, c]));
  const regionByCode = new Map(rows.regions.map((r) => [r.code, r]));
  const regionList = [...rows.regions].sort((a, b) => a.code.localeCompare(b.code));
  const countryList = [...rows.countries]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code, nameKk, nameRu, nameEn }) => ({ code, nameKk, nameRu, nameEn }));

  // Per country and passport type, latest start first: when periods overlap the newer row wins.
  const regimes = new Map<string, VisaRegimeRow[]>();
  for (const row of rows.visaRegimes) {
    const key = `${row.country}/${row.passportType}`;
    const list = regimes.get(key) ?? [];
    list.push(row);
    regimes.set(key, list);
  }
  for (const list of regimes.values()) list.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1));

  return {
    calendar,
    country(code) {
      const row = countryByCode.get(code.toUpperCase());
      return row && { code: row.code, nameKk: row.nameKk, nameRu: row.nameRu, nameEn: row.nameEn };
    },
    countries: () => countryList.map((c) => ({ ...c })),
    isEaeuMember(code, onDate) {
      const row = countryByCode.get(code.toUpperCase());
      return row !== undefined && inForce(row.eaeuFrom, row.eaeuTo, onDate);
    },
    visaRegime(country, passportType, onDate) {
      const row = regimes
        .get(`${country.toUpperCase()}/${passportType}`)
        ?.find((r) => inForce(r.effectiveFrom, r.effectiveTo, onDate));
      return row ? { regime: row.regime, days: row.regime === "visa_free_days" ? row.days : null } : null;
    },
    region: (code) => regionByCode.get(code),
    regions: (onDate) => regionList.filter((r) => inForce(r.validFrom, r.validTo, onDate)),
  };
}
