import { describe, expect, it } from "vitest";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { seededParams as params } from "@/test/reference";
import { kdApplication, kdMember } from "@/test/kandas-fixtures";
import {
  familySize,
  kd01Eligibility,
  kd01OfApplication,
  kd02LongStandingDiaspora,
  kd04QuotaHasPlace,
  kd06PriorityScore,
  kd08ComplaintInTime,
  kd10CentreHasRoom,
  kd17MissingDocuments,
  publicEligibility,
  QUOTA_PLACES_PER_FAMILY,
  requiredDocuments,
} from "./rules";
import { kdApplicationSchema, type KdApplication } from "./schema";

const app = (o: Parameters<typeof kdApplication>[0] = {}): KdApplication => kdApplicationSchema.parse(kdApplication(o));
const TODAY = "2026-11-23";
const base = { ethnicKazakh: true, basis: "resident_abroad_at_cutoff" as const, residenceOnCutoff: "UZB", parentEthnicKazakh: false };

describe("kandas status rules", () => {
  it("KD-01: an ethnic Kazakh living in Uzbekistan on 16 Dec 1991 is eligible", () => {
    expect(kd01Eligibility({ ...base, birthDate: "1978-02-11" }, params, TODAY)).toBeNull();
    expect(kd01OfApplication(app(), params, TODAY)).toBeNull();
  });

  it("KD-01: a permanent resident of Kazakhstan on 16 Dec 1991 who is not a descendant is ineligible", () => {
    expect(kd01Eligibility({ ...base, birthDate: "1978-02-11", residenceOnCutoff: "KAZ" }, params, TODAY)).toMatchObject({
      rule: "KD-01",
      messageKey: "kd.rules.kd01ResidentInKazakhstan",
      path: ["origin", "residenceOnCutoff"],
    });
  });

  it("KD-01: boundary — born on 16 Dec 1991 is judged by their own residence; born on 17 Dec 1991 by the parent", () => {
    expect(kd01Eligibility({ ...base, birthDate: "1991-12-16" }, params, TODAY)).toBeNull();
    expect(kd01Eligibility({ ...base, birthDate: "1991-12-16", basis: "born_abroad_after_cutoff", parentEthnicKazakh: true }, params, TODAY)).toMatchObject({
      rule: "KD-01",
      messageKey: "kd.rules.kd01BornBeforeCutoff",
    });
    expect(kd01Eligibility({ ...base, birthDate: "1991-12-17", basis: "born_abroad_after_cutoff", parentEthnicKazakh: true }, params, TODAY)).toBeNull();
    expect(kd01Eligibility({ ...base, birthDate: "1991-12-17" }, params, TODAY)).toMatchObject({ rule: "KD-01", messageKey: "kd.rules.kd01BornAfterCutoff" });
  });

  it("KD-01: a child born abroad after the cut-off needs an eligible ethnic-Kazakh parent", () => {
    const child = { ...base, birthDate: "2001-05-05", basis: "born_abroad_after_cutoff" as const };
    expect(kd01Eligibility({ ...child, parentEthnicKazakh: false }, params, TODAY)).toMatchObject({ messageKey: "kd.rules.kd01ParentNotEligible" });
    expect(kd01Eligibility({ ...child, parentEthnicKazakh: true, residenceOnCutoff: "KAZ" }, params, TODAY)).toMatchObject({ messageKey: "kd.rules.kd01ResidentInKazakhstan" });
    expect(kd01Eligibility({ ...child, parentEthnicKazakh: true }, params, TODAY)).toBeNull();
  });

  it("KD-01: without the declaration of Kazakh ethnicity nobody is eligible", () => {
    expect(kd01Eligibility({ ...base, birthDate: "1978-02-11", ethnicKazakh: false }, params, TODAY)).toMatchObject({ messageKey: "kd.rules.kd01NotEthnicKazakh" });
  });

  it("KD-01: the cut-off is a parameter date with effective dates", () => {
    const moved = parameterReaderFrom([{ key: "kd_sovereignty_cutoff_date", value: "1991-12-20", effectiveFrom: "2000-01-01", effectiveTo: null }]);
    expect(kd01Eligibility({ ...base, birthDate: "1991-12-18" }, moved, TODAY)).toBeNull();
    expect(kd01Eligibility({ ...base, birthDate: "1991-12-18" }, params, TODAY)).toMatchObject({ messageKey: "kd.rules.kd01BornAfterCutoff" });
  });

  it("KD-02: a family abroad for generations is long-standing diaspora", () => {
    expect(kd02LongStandingDiaspora({ familyHistory: "abroad_for_generations", emigrationDate: undefined }, params, TODAY)).toBeNull();
  });

  it("KD-02: emigrated on 16 Dec 1991 is diaspora; on 17 Dec 1991 or later is a recent emigrant", () => {
    const emigrated = (emigrationDate: string) => kd02LongStandingDiaspora({ familyHistory: "emigrated_from_kazakhstan", emigrationDate }, params, TODAY);
    expect(emigrated("1931-04-01")).toBeNull();
    expect(emigrated("1991-12-16")).toBeNull();
    expect(emigrated("1991-12-17")).toMatchObject({ rule: "KD-02", path: ["origin", "emigrationDate"] });
    expect(emigrated("2005-01-01")).toMatchObject({ rule: "KD-02" });
  });

  it("KD-17: the checklist depends on the basis, the family and the priority claim", () => {
    expect(requiredDocuments(app(), params, TODAY)).toEqual(["identity_document", "ethnicity_proof", "residence_abroad_proof", "education_proof", "employment_record"]);
    const withFamily = app({ members: [kdMember(1, "spouse")] });
    expect(requiredDocuments(withFamily, params, TODAY)).toContain("family_documents");
    const young = app({ origin: { basis: "born_abroad_after_cutoff", parentName: "ABDIMANAPOV ERLAN", parentEthnicKazakh: true }, qualifications: { education: "none", qualification: "", yearsOfExperience: 0 } });
    expect(requiredDocuments(young, params, TODAY)).toEqual(["identity_document", "ethnicity_proof", "birth_certificate", "parent_eligibility_proof"]);
  });

  it("KD-17: a missing document is refused with the number missing; a complete set passes", () => {
    expect(kd17MissingDocuments(app(), params, TODAY)).toBeNull();
    expect(kd17MissingDocuments(app({ documents: ["identity_document"] }), params, TODAY)).toMatchObject({ rule: "KD-17", values: { count: 4 }, path: ["documents"] });
  });

  it("KD-17: the checklist is a parameter", () => {
    const short = parameterReaderFrom([{ key: "kd_required_documents", value: [{ code: "identity_document", when: "always" }], effectiveFrom: "2000-01-01", effectiveTo: null }]);
    expect(kd17MissingDocuments(app({ documents: ["identity_document"] }), short, TODAY)).toBeNull();
  });

  it("KD-06: priority score = education + qualification + needed sector + capped experience", () => {
    // higher 5 + qualification 2 + agriculture 4 + min(12, 10) × 1
    expect(kd06PriorityScore(app().qualifications, params, TODAY)).toBe(21);
    expect(kd06PriorityScore({ education: "secondary", qualification: undefined, sector: "trade", yearsOfExperience: 3 }, params, TODAY)).toBe(4);
    expect(kd06PriorityScore({ education: "none", qualification: undefined, sector: "other", yearsOfExperience: 0 }, params, TODAY)).toBe(0);
  });

  it("KD-05, KD-13: a family with three members takes one quota place and brings four persons", () => {
    const family = app({ members: [kdMember(1, "spouse"), kdMember(2), kdMember(3)] });
    expect(QUOTA_PLACES_PER_FAMILY).toBe(1);
    expect(familySize(family)).toBe(4);
    expect(kd04QuotaHasPlace({ familiesAllocated: 5, familiesUsed: 4 }, "KZ-MAN", 2026)).toBeNull();
  });

  it("KD-04: once used = allocated, a further inclusion is refused; without a quota it is refused too", () => {
    expect(kd04QuotaHasPlace({ familiesAllocated: 5, familiesUsed: 5 }, "KZ-MAN", 2026)).toMatchObject({ rule: "KD-04", messageKey: "kd.rules.kd04QuotaFull" });
    expect(kd04QuotaHasPlace({ familiesAllocated: 0, familiesUsed: 0 }, "KZ-MAN", 2026)).toMatchObject({ rule: "KD-04" });
    expect(kd04QuotaHasPlace(null, "KZ-MAN", 2026)).toMatchObject({ rule: "KD-04", messageKey: "kd.rules.kd04NoQuota" });
  });

  it("KD-10: a centre counted in families takes the last family whatever its size, and no more", () => {
    const aktau = { capacityUnit: "families" as const, capacity: 200, occupiedFamilies: 199, occupiedPersons: 650 };
    expect(kd10CentreHasRoom(aktau, 6)).toBeNull();
    expect(kd10CentreHasRoom({ ...aktau, occupiedFamilies: 200 }, 1)).toMatchObject({ rule: "KD-10", messageKey: "kd.rules.kd10CentreFull.families", values: { free: 0 } });
  });

  it("KD-10: a centre counted in persons takes a family only if all its persons fit", () => {
    const karaganda = { capacityUnit: "persons" as const, capacity: 120, occupiedFamilies: 15, occupiedPersons: 116 };
    expect(kd10CentreHasRoom(karaganda, 4)).toBeNull();
    expect(kd10CentreHasRoom(karaganda, 5)).toMatchObject({ rule: "KD-10", messageKey: "kd.rules.kd10CentreFull.persons", values: { free: 4 } });
  });

  it("KD-08: a complaint is in time up to 30 days after the refusal and late on day 31", () => {
    expect(kd08ComplaintInTime("2026-03-01", "2026-03-31", params)).toBeNull();
    expect(kd08ComplaintInTime("2026-03-01", "2026-04-01", params)).toMatchObject({ rule: "KD-08", values: { last: "2026-03-31" } });
  });

  it("KD-01, KD-02: the public check explains the same rules", () => {
    const input = { ...base, birthDate: "1970-01-01", familyHistory: "abroad_for_generations" as const, emigrationDate: undefined };
    expect(publicEligibility(input, params, TODAY)).toEqual({ kind: "eligible", rule: "KD-01", basis: "resident_abroad_at_cutoff" });
    expect(publicEligibility({ ...input, residenceOnCutoff: "KAZ" }, params, TODAY)).toMatchObject({ kind: "ineligible", violation: { rule: "KD-01" } });
    expect(publicEligibility({ ...input, familyHistory: "emigrated_from_kazakhstan", emigrationDate: "1999-01-01" }, params, TODAY)).toMatchObject({
      kind: "ineligible",
      violation: { rule: "KD-02" },
    });
  });
});
