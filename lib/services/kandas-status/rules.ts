import type { RuleViolation } from "@/lib/engine/types";
import { addCalendarDays } from "@/lib/rules/dates";
import type { ParameterReader } from "@/lib/rules/parameters";
import { KAZAKHSTAN_CODE } from "./constants";
import type { DocumentCode, KdApplication } from "./schema";

/** Pure rule functions of the kandas status (domain §2.4). Every number and date comes from parameters. */

export type EligibilityInput = {
  birthDate: string;
  ethnicKazakh: boolean;
  basis: KdApplication["origin"]["basis"];
  residenceOnCutoff: string;
  parentEthnicKazakh: boolean;
};

/**
 * KD-01: an ethnic Kazakh who lived permanently abroad on the cut-off day (16 Dec 1991), or one born
 * abroad after that day to such a parent. Someone born on the cut-off day or earlier is judged by
 * where they themselves lived on it.
 */
export function kd01Eligibility(input: EligibilityInput, params: ParameterReader, onDate: string): RuleViolation | null {
  const cutoff = params.get<string>("kd_sovereignty_cutoff_date", onDate);
  if (!input.ethnicKazakh) return { rule: "KD-01", messageKey: "kd.rules.kd01NotEthnicKazakh", path: ["principal", "ethnicKazakh"] };
  const bornAfter = input.birthDate > cutoff;
  if (input.basis === "born_abroad_after_cutoff" && !bornAfter) {
    return { rule: "KD-01", messageKey: "kd.rules.kd01BornBeforeCutoff", values: { cutoff }, path: ["origin", "basis"] };
  }
  if (input.basis === "resident_abroad_at_cutoff" && bornAfter) {
    return { rule: "KD-01", messageKey: "kd.rules.kd01BornAfterCutoff", values: { cutoff }, path: ["origin", "basis"] };
  }
  if (input.residenceOnCutoff === KAZAKHSTAN_CODE) {
    return { rule: "KD-01", messageKey: "kd.rules.kd01ResidentInKazakhstan", values: { cutoff }, path: ["origin", "residenceOnCutoff"] };
  }
  if (input.basis === "born_abroad_after_cutoff" && !input.parentEthnicKazakh) {
    return { rule: "KD-01", messageKey: "kd.rules.kd01ParentNotEligible", path: ["origin", "parentEthnicKazakh"] };
  }
  return null;
}

export function kd01OfApplication(app: KdApplication, params: ParameterReader, onDate: string): RuleViolation | null {
  return kd01Eligibility(
    {
      birthDate: app.principal.birthDate,
      ethnicKazakh: app.principal.ethnicKazakh,
      basis: app.origin.basis,
      residenceOnCutoff: app.origin.residenceOnCutoff,
      parentEthnicKazakh: app.origin.parentEthnicKazakh,
    },
    params,
    onDate,
  );
}

/** KD-02: long-standing diaspora only; a family that left Kazakhstan after the set date emigrated recently. */
export function kd02LongStandingDiaspora(
  origin: Pick<KdApplication["origin"], "familyHistory" | "emigrationDate">,
  params: ParameterReader,
  onDate: string,
): RuleViolation | null {
  if (origin.familyHistory !== "emigrated_from_kazakhstan") return null;
  const latest = params.get<string>("kd_latest_emigration_date", onDate);
  if (!origin.emigrationDate || origin.emigrationDate > latest) {
    return { rule: "KD-02", messageKey: "kd.rules.kd02RecentEmigrant", values: { latest }, path: ["origin", "emigrationDate"] };
  }
  return null;
}

export interface DocumentRequirement {
  code: DocumentCode;
  when: "always" | "resident_at_cutoff" | "born_after_cutoff" | "with_family" | "priority_claim";
}

/** Whether the applicant claims quota priority (KD-06): any education beyond none, a qualification or experience. */
export function claimsPriority(q: KdApplication["qualifications"]): boolean {
  return q.education !== "none" || !!q.qualification || q.yearsOfExperience > 0;
}

/** KD-17: the documents this application needs, from the parameterised checklist. */
export function requiredDocuments(app: KdApplication, params: ParameterReader, onDate: string): DocumentCode[] {
  const list = params.get<DocumentRequirement[]>("kd_required_documents", onDate);
  const applies: Record<DocumentRequirement["when"], boolean> = {
    always: true,
    resident_at_cutoff: app.origin.basis === "resident_abroad_at_cutoff",
    born_after_cutoff: app.origin.basis === "born_abroad_after_cutoff",
    with_family: app.members.length > 0,
    priority_claim: claimsPriority(app.qualifications),
  };
  return list.filter((r) => applies[r.when]).map((r) => r.code);
}

export function kd17MissingDocuments(app: KdApplication, params: ParameterReader, onDate: string): RuleViolation | null {
  const handedIn = new Set(app.documents);
  const missing = requiredDocuments(app, params, onDate).filter((code) => !handedIn.has(code));
  return missing.length ? { rule: "KD-17", messageKey: "kd.rules.kd17MissingDocuments", values: { count: missing.length }, path: ["documents"] } : null;
}

export interface PriorityWeights {
  education: Record<KdApplication["qualifications"]["education"], number>;
  qualification: number;
  neededSector: number;
  perYearOfExperience: number;
  maxYearsOfExperience: number;
}

/** KD-06: the wait-list priority score from education, qualification, a needed sector and experience. */
export function kd06PriorityScore(q: KdApplication["qualifications"], params: ParameterReader, onDate: string): number {
  const w = params.get<PriorityWeights>("kd_priority_weights", onDate);
  const needed = params.get<string[]>("kd_needed_sectors", onDate);
  const years = Math.min(q.yearsOfExperience, w.maxYearsOfExperience);
  return (w.education[q.education] ?? 0) + (q.qualification ? w.qualification : 0) + (needed.includes(q.sector) ? w.neededSector : 0) + years * w.perYearOfExperience;
}

/** KD-05, KD-13: a family takes one place in the quota, however many members come with the applicant. */
export const QUOTA_PLACES_PER_FAMILY = 1;

/** Persons a family brings to a centre: the applicant and every member. */
export function familySize(app: Pick<KdApplication, "members">): number {
  return 1 + app.members.length;
}

export interface QuotaRow {
  familiesAllocated: number;
  familiesUsed: number;
}

/** KD-04: a family fits into the region's quota for the year while used + 1 ≤ allocated. */
export function kd04QuotaHasPlace(quota: QuotaRow | null, region: string, year: number): RuleViolation | null {
  if (!quota) return { rule: "KD-04", messageKey: "kd.rules.kd04NoQuota", values: { year }, path: [] };
  if (quota.familiesUsed + QUOTA_PLACES_PER_FAMILY > quota.familiesAllocated) {
    return { rule: "KD-04", messageKey: "kd.rules.kd04QuotaFull", values: { year, region } };
  }
  return null;
}

export interface CentreRow {
  capacityUnit: "families" | "persons";
  capacity: number;
  occupiedFamilies: number;
  occupiedPersons: number;
}

/** KD-10: a family fits into a centre when the centre's own unit (families or persons) stays within capacity. */
export function kd10CentreHasRoom(centre: CentreRow, persons: number): RuleViolation | null {
  const after = centre.capacityUnit === "families" ? centre.occupiedFamilies + 1 : centre.occupiedPersons + persons;
  if (after > centre.capacity) {
    const free = centre.capacity - (centre.capacityUnit === "families" ? centre.occupiedFamilies : centre.occupiedPersons);
    return { rule: "KD-10", messageKey: `kd.rules.kd10CentreFull.${centre.capacityUnit}`, values: { free: Math.max(0, free) }, path: ["centreId"] };
  }
  return null;
}

/** KD-08: a refusal may be challenged before the ministry within the complaint period. */
export function kd08ComplaintInTime(refusedOn: string, today: string, params: ParameterReader): RuleViolation | null {
  const last = addCalendarDays(refusedOn, params.number("kd_complaint_days", refusedOn));
  return today > last ? { rule: "KD-08", messageKey: "kd.rules.kd08ComplaintLate", values: { last } } : null;
}

export type PublicEligibility =
  | { kind: "eligible"; rule: "KD-01"; basis: KdApplication["origin"]["basis"] }
  | { kind: "ineligible"; violation: RuleViolation };

/** The public eligibility check (no personal data kept): the same KD-01 and KD-02 rules the engine runs. */
export function publicEligibility(
  input: EligibilityInput & Pick<KdApplication["origin"], "familyHistory" | "emigrationDate">,
  params: ParameterReader,
  today: string,
): PublicEligibility {
  const violation = kd01Eligibility(input, params, today) ?? kd02LongStandingDiaspora(input, params, today);
  return violation ? { kind: "ineligible", violation } : { kind: "eligible", rule: "KD-01", basis: input.basis };
}
