import { describe, expect, it } from "vitest";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { seededParams as params, seededRef as ref } from "@/test/reference";
import { EMPLOYER_BIN, EMPLOYER_IIN, hpApplication } from "@/test/household-permit";
import {
  applicationViolations,
  continuousStayDays,
  continuousStayLimit,
  eligibility,
  filingFlags,
  hp02Nationality,
  hp03PermitNotRequired,
  hp05CriminalRecord,
  hp06MedicalCertificate,
  hp07Insurance,
  hp08ContinuousStay,
  hp09IndividualEmployer,
  hp10SameRegion,
  hp11EmployerCap,
  hp17TermOption,
  paymentDueOn,
  permitFeeKzt,
  termOf,
} from "./rules";
import { hpApplicationSchema, type HpApplication } from "./schema";

const app = (o: Parameters<typeof hpApplication>[0] = {}): HpApplication => hpApplicationSchema.parse(hpApplication(o));
const TODAY = "2026-03-03";

describe("household permit rules", () => {
  it("the reference application passes every rule", () => {
    expect(applicationViolations(app(), TODAY, params, ref)).toEqual([]);
  });

  it("HP-02: Uzbekistan (visa-free, no limit) and Georgia (90 days) are eligible; Turkey (30 days) is not", () => {
    expect(hp02Nationality(app(), TODAY, params, ref)).toBeNull();
    expect(hp02Nationality(app({ person: { citizenship: "GEO" } }), TODAY, params, ref)).toBeNull();
    expect(hp02Nationality(app({ person: { citizenship: "TUR" } }), TODAY, params, ref)).toMatchObject({
      rule: "HP-02",
      messageKey: "hp.rules.hp02TooShort",
      values: { days: 30, minDays: 90 },
      path: ["person", "citizenship"],
    });
  });

  it("HP-02: a citizenship that needs a visa for the passport type is refused; the passport type matters", () => {
    expect(hp02Nationality(app({ person: { citizenship: "KOR" } }), TODAY, params, ref)).toMatchObject({ rule: "HP-02", messageKey: "hp.rules.hp02VisaRequired" });
    expect(hp02Nationality(app({ person: { citizenship: "KOR" }, passport: { passportType: "official" } }), TODAY, params, ref)).toBeNull();
  });

  it("HP-02: the boundary is the parameter: 90 days pass at 90 and fail at 91", () => {
    const at91 = parameterReaderFrom([{ key: "hp_min_visa_free_days", value: 91, effectiveFrom: "2000-01-01", effectiveTo: null }]);
    expect(hp02Nationality(app({ person: { citizenship: "GEO" } }), TODAY, params, ref)).toBeNull();
    expect(hp02Nationality(app({ person: { citizenship: "GEO" } }), TODAY, at91, ref)).toMatchObject({ rule: "HP-02", values: { days: 90, minDays: 91 } });
  });

  it("HP-03: EAEU citizens need no permit (Kyrgyzstan from its accession on 12 Aug 2015, not before)", () => {
    expect(hp03PermitNotRequired("KGZ", TODAY, ref)).toBe(true);
    expect(hp03PermitNotRequired("RUS", TODAY, ref)).toBe(true);
    expect(hp03PermitNotRequired("UZB", TODAY, ref)).toBe(false);
    expect(hp03PermitNotRequired("KGZ", "2015-08-11", ref)).toBe(false);
    expect(hp03PermitNotRequired("KGZ", "2015-08-12", ref)).toBe(true);
  });

  it("HP-02/HP-03: the public check tells EAEU, eligible and ineligible citizenships apart", () => {
    expect(eligibility("KGZ", "national", TODAY, params, ref)).toEqual({ kind: "not_required", rule: "HP-03" });
    expect(eligibility("UZB", "national", TODAY, params, ref)).toMatchObject({ kind: "eligible", minDays: 90, maxStayMonths: 12, maxWorkers: 5 });
    expect(eligibility("TUR", "national", TODAY, params, ref)).toEqual({ kind: "ineligible", rule: "HP-02", days: 30, minDays: 90 });
  });

  it("HP-05: the criminal-record certificate is required and cannot be dated after filing", () => {
    expect(hp05CriminalRecord(app(), TODAY)).toBeNull();
    expect(hp05CriminalRecord({ certificates: { ...app().certificates, criminalRecordNumber: "" } }, TODAY)).toMatchObject({ rule: "HP-05", path: ["certificates", "criminalRecordNumber"] });
    expect(hp05CriminalRecord(app({ certificates: { criminalRecordIssuedOn: "2026-03-04" } }), TODAY)).toMatchObject({ rule: "HP-05" });
    expect(hp05CriminalRecord(app({ certificates: { criminalRecordIssuedOn: TODAY } }), TODAY)).toBeNull();
  });

  it("HP-05: entries in the record do not refuse; they flag the case, and X-10 adds a check for nurses and nannies", () => {
    expect(filingFlags(app({ certificates: { criminalRecordHasEntries: true } }))).toEqual(["criminal_record_entries"]);
    expect(filingFlags(app({ certificates: { criminalRecordHasEntries: true, medicalCategory: "nurse_nanny" }, work: { category: "nurse_nanny" } }))).toEqual([
      "criminal_record_entries",
      "child_care_record_check",
    ]);
    expect(filingFlags(app())).toEqual([]);
  });

  it("HP-06: the medical certificate must name the category applied for", () => {
    expect(hp06MedicalCertificate(app(), TODAY)).toBeNull();
    expect(hp06MedicalCertificate(app({ work: { category: "cook" } }), TODAY)).toMatchObject({ rule: "HP-06", messageKey: "hp.rules.hp06CategoryMismatch" });
  });

  it("HP-06: changing the category invalidates the certificate filed for the old one, even if relabelled", () => {
    const previous = app();
    const relabelled = app({ work: { category: "cook" }, certificates: { medicalCategory: "cook" } });
    expect(hp06MedicalCertificate(relabelled, TODAY, previous)).toMatchObject({ rule: "HP-06", messageKey: "hp.rules.hp06CategoryChanged" });
    const newCertificate = app({ work: { category: "cook" }, certificates: { medicalCategory: "cook", medicalNumber: "MC-2077" } });
    expect(hp06MedicalCertificate(newCertificate, TODAY, previous)).toBeNull();
  });

  it("HP-07: the insurance must cover the whole term; ending one day before the term ends is refused", () => {
    const term = termOf("2026-03-03", 6);
    expect(term).toEqual({ from: "2026-03-03", until: "2026-09-02" });
    expect(hp07Insurance(app({ insurance: { validUntil: "2026-09-02" } }).insurance, term, params)).toBeNull();
    expect(hp07Insurance(app({ insurance: { validUntil: "2026-09-01" } }).insurance, term, params)).toMatchObject({ rule: "HP-07", messageKey: "hp.rules.hp07EndsEarly", values: { until: "2026-09-02" } });
    expect(hp07Insurance(app({ insurance: { validFrom: "2026-03-04" } }).insurance, term, params)).toMatchObject({ rule: "HP-07", messageKey: "hp.rules.hp07StartsLate" });
  });

  it("HP-07: insurance is required only from 1 Jan 2017", () => {
    const noPolicy = app({ insurance: { validFrom: "2016-01-01", validUntil: "2016-01-02" } }).insurance;
    expect(hp07Insurance(noPolicy, termOf("2016-12-01", 3), params)).toBeNull();
    expect(hp07Insurance(noPolicy, termOf("2017-01-01", 3), params)).toMatchObject({ rule: "HP-07" });
  });

  it("HP-08: exactly 12 months of continuous stay is allowed, 12 months and 1 day is refused", () => {
    expect(continuousStayLimit("2026-03-01", params)).toBe("2027-02-28");
    expect(hp08ContinuousStay("2026-03-01", "2027-02-28", params)).toBeNull();
    expect(hp08ContinuousStay("2026-03-01", "2027-03-01", params)).toMatchObject({ rule: "HP-08", values: { limit: "2027-02-28", months: 12 } });
    expect(continuousStayDays("2026-03-01", "2027-02-28")).toBe(365);
  });

  it("HP-08: a 12-month term filed two days after entry runs past the limit; an 11-month one does not", () => {
    expect(applicationViolations(app({ work: { termMonths: 12 }, insurance: { validUntil: "2027-12-31" } }), TODAY, params, ref)).toEqual([
      expect.objectContaining({ rule: "HP-08", path: ["work", "termMonths"] }),
    ]);
    const shorter = parameterReaderFrom([
      ...["hp_min_visa_free_days", "hp_max_continuous_stay_months", "hp_insurance_required"].map((key) => ({ key, value: key === "hp_insurance_required" ? true : key === "hp_min_visa_free_days" ? 90 : 12, effectiveFrom: "2000-01-01", effectiveTo: null })),
      { key: "hp_term_options_months", value: [11], effectiveFrom: "2000-01-01", effectiveTo: null },
    ]);
    expect(applicationViolations(app({ work: { termMonths: 11 } }), TODAY, shorter, ref)).toEqual([]);
  });

  it("HP-09: an employer identified by a BIN is refused; an IIN is accepted", () => {
    expect(hp09IndividualEmployer(EMPLOYER_IIN)).toBeNull();
    expect(hp09IndividualEmployer(EMPLOYER_BIN)).toMatchObject({ rule: "HP-09", messageKey: "hp.rules.hp09Business", path: ["employer", "iin"] });
    expect(applicationViolations(app({ employer: { iin: EMPLOYER_BIN } }), TODAY, params, ref)).toEqual([expect.objectContaining({ rule: "HP-09" })]);
  });

  it("HP-10: a householder in another region than the permit's is refused", () => {
    expect(hp10SameRegion("KZ-ALA", "KZ-ALA")).toBeNull();
    expect(hp10SameRegion("KZ-ALA", "KZ-ALM")).toMatchObject({ rule: "HP-10", path: ["employer", "region"] });
    expect(applicationViolations(app({ employer: { region: "KZ-AST" } }), TODAY, params, ref)).toEqual([expect.objectContaining({ rule: "HP-10" })]);
  });

  it("HP-11: the 5th contract is accepted (4 active), the 6th is refused (5 active)", () => {
    expect(hp11EmployerCap(4, TODAY, params)).toBeNull();
    expect(hp11EmployerCap(5, TODAY, params)).toMatchObject({ rule: "HP-11", messageKey: "hp.rules.hp11EmployerCap", values: { max: 5 } });
  });

  it("HP-14: the fee is months × the monthly rate of the region in force on the day", () => {
    expect(permitFeeKzt(6, "KZ-ALA", TODAY, params)).toEqual({ monthlyRate: 10_000, amount: 60_000 });
    expect(permitFeeKzt(6, "KZ-KAR", TODAY, params)).toEqual({ monthlyRate: 8_000, amount: 48_000 });
    expect(permitFeeKzt(3, "KZ-ALA", "2025-12-31", params)).toEqual({ monthlyRate: 5_000, amount: 15_000 });
    expect(paymentDueOn(TODAY, params)).toBe("2026-03-13");
  });

  it("HP-17: only the term options in the parameters", () => {
    expect(hp17TermOption(6, TODAY, params)).toBeNull();
    expect(hp17TermOption(5, TODAY, params)).toMatchObject({ rule: "HP-17", values: { options: "1, 2, 3, 6, 9, 12" } });
  });
});
