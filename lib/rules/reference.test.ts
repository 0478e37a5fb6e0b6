import { describe, expect, it } from "vitest";
import { COUNTRIES } from "@/db/seed/data/countries";
import { REGIONS } from "@/db/seed/data/regions";
import { VISA_REGIMES } from "@/db/seed/data/visa-regimes";
import { kazakhstanCalendar } from "./kz-holidays";
import { referenceDataFrom, type CountryRow, type RegionRow, type VisaRegimeRow } from "./reference";

// The seed data as the database returns it (defaults filled in).
const countries: CountryRow[] = COUNTRIES.map((c) => ({ eaeuFrom: null, eaeuTo: null, ...c }));
const regions: RegionRow[] = REGIONS.map((r) => ({ validTo: null, ...r }));
const visaRegimes: VisaRegimeRow[] = VISA_REGIMES.map((v, i) => ({
  id: String(i),
  days: null,
  effectiveTo: null,
  note: null,
  ...v,
}));
const ref = referenceDataFrom({ countries, regions, visaRegimes, calendarDays: kazakhstanCalendar([2026]) });

describe("reference data", () => {
  it("X-05: EAEU membership by date (Armenia from 2 Jan 2015, Kyrgyzstan from 12 Aug 2015)", () => {
    expect(ref.isEaeuMember("RUS", "2015-01-01")).toBe(true);
    expect(ref.isEaeuMember("RUS", "2014-12-31")).toBe(false);
    expect(ref.isEaeuMember("ARM", "2015-01-01")).toBe(false);
    expect(ref.isEaeuMember("ARM", "2015-01-02")).toBe(true);
    expect(ref.isEaeuMember("KGZ", "2015-08-11")).toBe(false);
    expect(ref.isEaeuMember("kgz", "2015-08-12")).toBe(true);
    expect(ref.isEaeuMember("UZB", "2026-03-01")).toBe(false);
    expect(ref.isEaeuMember("ZZZ", "2026-03-01")).toBe(false);
  });

  it("X-05: membership ends on eaeu_to, inclusive", () => {
    const left = referenceDataFrom({
      countries: [{ code: "AAA", nameKk: "A", nameRu: "A", nameEn: "A", eaeuFrom: "2015-01-01", eaeuTo: "2020-12-31" }],
      regions: [],
      visaRegimes: [],
      calendarDays: [],
    });
    expect(left.isEaeuMember("AAA", "2020-12-31")).toBe(true);
    expect(left.isEaeuMember("AAA", "2021-01-01")).toBe(false);
  });

  it("TR-07/X-06: visa regime by citizenship, passport type and date", () => {
    expect(ref.visaRegime("TUR", "national", "2026-03-01")).toEqual({ regime: "visa_free_days", days: 30 });
    expect(ref.visaRegime("UZB", "national", "2026-03-01")).toEqual({ regime: "visa_free_unlimited", days: null });
    expect(ref.visaRegime("KOR", "national", "2026-03-01")).toEqual({ regime: "visa_required", days: null });
    expect(ref.visaRegime("KOR", "official", "2026-03-01")).toEqual({ regime: "visa_free_days", days: 90 });
    expect(ref.visaRegime("EGY", "diplomatic", "2026-03-01")).toEqual({ regime: "visa_free_days", days: 30 });
    // One-sided regime (footnote *): Malaysians need a Kazakh visa.
    expect(ref.visaRegime("MYS", "national", "2026-03-01")).toEqual({ regime: "visa_required", days: null });
    // Before the table's date, and for citizenships it does not list, the regime is unknown.
    expect(ref.visaRegime("TUR", "national", "2010-04-20")).toBeNull();
    expect(ref.visaRegime("USA", "national", "2026-03-01")).toBeNull();
  });

  it("X-06: a newer regime row replaces the old one from its start date", () => {
    const changed = referenceDataFrom({
      countries,
      regions: [],
      calendarDays: [],
      visaRegimes: [
        ...visaRegimes,
        { id: "new", country: "TUR", passportType: "national", regime: "visa_free_days", days: 90, effectiveFrom: "2025-01-01", effectiveTo: null, note: null },
      ],
    });
    expect(changed.visaRegime("TUR", "national", "2024-12-31")).toEqual({ regime: "visa_free_days", days: 30 });
    expect(changed.visaRegime("TUR", "national", "2025-01-01")).toEqual({ regime: "visa_free_days", days: 90 });
  });

  it("looks countries up by code, including the stateless pseudo-country", () => {
    expect(ref.country("kaz")).toEqual({ code: "KAZ", nameKk: "Қазақстан", nameRu: "Казахстан", nameEn: "Kazakhstan" });
    expect(ref.country("XXA")?.nameEn).toBe("Stateless person");
    expect(ref.country("ZZZ")).toBeUndefined();
    expect(ref.countries().map((c) => c.code)).toContain("AFG");
  });

  it("lists the regions that exist on a date: 17 regions and 3 cities today", () => {
    const today = ref.regions("2026-03-01");
    expect(today.filter((r) => r.kind === "region")).toHaveLength(17);
    expect(today.filter((r) => r.kind === "city").map((r) => r.code).sort()).toEqual(["KZ-ALA", "KZ-AST", "KZ-SHY"]);
    expect(today.map((r) => r.code)).not.toContain("KZ-YUZ");

    const in2017 = ref.regions("2017-01-01").map((r) => r.code);
    expect(in2017).toContain("KZ-YUZ");
    expect(in2017).not.toContain("KZ-TUR");
    expect(in2017).not.toContain("KZ-SHY");
    expect(ref.regions("2022-06-07").map((r) => r.code)).not.toContain("KZ-ULT");
    expect(ref.regions("2022-06-08").map((r) => r.code)).toContain("KZ-ULT");
    expect(ref.region("KZ-YUZ")?.validTo).toBe("2018-06-18");
  });

  it("carries the working calendar", () => {
    expect(ref.calendar.isWorkingDay("2026-03-24")).toBe(false);
    expect(ref.calendar.isWorkingDay("2026-03-26")).toBe(true);
  });
});
