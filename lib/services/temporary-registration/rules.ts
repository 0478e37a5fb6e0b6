import { addCalendarDays, daysBetween } from "@/lib/rules/dates";
import type { ParameterReader } from "@/lib/rules/parameters";
import type { ReferenceData } from "@/lib/rules/reference";
import type { RuleViolation } from "@/lib/engine/types";
import type { TrApplication } from "./schema";

/** Pure rule functions of temporary registration (domain §2.1). Every number comes from parameters. */

export const TR_FLAGS = {
  lateFiling: "late_filing",
  lateTierA: "late_tier_a",
  lateTierB: "late_tier_b",
  eaeuWorker: "eaeu_worker",
  overstay: "overstay",
  protectedPerson: "protected_person",
} as const;

export const KAZAKHSTAN = "KAZ";

/** TR-01: the service is for foreigners and stateless persons only. */
export function tr01NotACitizen(citizenship: string): RuleViolation | null {
  return citizenship === KAZAKHSTAN ? { rule: "TR-01", messageKey: "rules.tr01CitizenRefused", path: ["person", "citizenship"] } : null;
}

/** TR-05: an EAEU citizen who came to work need not register for the first 30 days. */
export function isEaeuWorker(app: Pick<TrApplication, "person" | "stay">, ref: ReferenceData): boolean {
  return app.stay.eaeuWorker && ref.isEaeuMember(app.person.citizenship, app.stay.entryDate);
}

export interface RegistrationDeadline {
  /** Last day on which registration is on time (the day of entry is day 0). */
  deadline: string;
  rule: "TR-02" | "TR-05";
}

/** TR-02 / TR-05: entry on 1 Mar → on time up to and including 6 Mar (5 days); EAEU workers 30 days. */
export function registrationDeadline(entryDate: string, eaeuWorker: boolean, params: ParameterReader): RegistrationDeadline {
  const rule = eaeuWorker ? "TR-05" : "TR-02";
  const days = params.number(eaeuWorker ? "tr_eaeu_worker_deadline_days" : "tr_registration_deadline_days", entryDate);
  return { deadline: addCalendarDays(entryDate, days), rule };
}

export type LateTier = "A" | "B";

/** TR-09: tier A while up to `tr_late_tier_a_days` past the deadline, tier B after. */
export function lateness(deadline: string, filedOn: string, params: ParameterReader): { daysLate: number; tier: LateTier | null } {
  const daysLate = Math.max(0, daysBetween(deadline, filedOn));
  if (daysLate === 0) return { daysLate, tier: null };
  return { daysLate, tier: daysLate <= params.number("tr_late_tier_a_days", filedOn) ? "A" : "B" };
}

/** Flags set when an application is filed: late filing (TR-02/TR-09), EAEU worker (TR-05). X-09 suppresses lateness. */
export function filingFlags(app: TrApplication, filedOn: string, params: ParameterReader, ref: ReferenceData, protectedPerson: boolean): string[] {
  const eaeu = isEaeuWorker(app, ref);
  const flags: string[] = eaeu ? [TR_FLAGS.eaeuWorker] : [];
  if (protectedPerson) return flags;
  const { deadline } = registrationDeadline(app.stay.entryDate, eaeu, params);
  const { tier } = lateness(deadline, filedOn, params);
  if (tier) flags.push(TR_FLAGS.lateFiling, tier === "A" ? TR_FLAGS.lateTierA : TR_FLAGS.lateTierB);
  return flags;
}

export interface PermittedStay {
  /** Last day of the permitted stay, or null when no stay is permitted without a visa. */
  until: string | null;
  basis: "visa" | "visa_free_days" | "visa_free_unlimited" | "none";
}

/**
 * TR-07: the stay permitted by a recorded visa, or by the visa-free regime for the citizenship and
 * passport type on the entry date. A stay of N days counts the day of entry as day 1.
 */
export function permittedStay(app: Pick<TrApplication, "person" | "passport" | "stay">, params: ParameterReader, ref: ReferenceData): PermittedStay {
  if (app.stay.visaNumber && app.stay.visaValidUntil) return { until: app.stay.visaValidUntil, basis: "visa" };
  const regime = ref.visaRegime(app.person.citizenship, app.passport.passportType, app.stay.entryDate);
  if (!regime || regime.regime === "visa_required") return { until: null, basis: "none" };
  if (regime.regime === "visa_free_unlimited") {
    const cap = params.number("tr_unlimited_visa_free_max_days", app.stay.entryDate);
    return { until: addCalendarDays(app.stay.entryDate, cap - 1), basis: "visa_free_unlimited" };
  }
  return { until: addCalendarDays(app.stay.entryDate, (regime.days ?? 0) - 1), basis: "visa_free_days" };
}

export function tr07WithinPermittedStay(
  app: Pick<TrApplication, "person" | "passport" | "stay">,
  endDate: string,
  params: ParameterReader,
  ref: ReferenceData,
  path: (string | number)[] = ["stay", "requestedEndDate"],
): RuleViolation | null {
  // A citizen is refused by TR-01; a permitted stay means nothing for them.
  if (app.person.citizenship === KAZAKHSTAN) return null;
  const stay = permittedStay(app, params, ref);
  if (stay.until === null) return { rule: "TR-07", messageKey: "rules.tr07VisaRequired", path: ["stay", "visaNumber"] };
  if (endDate > stay.until) return { rule: "TR-07", messageKey: "rules.tr07StayExceedsPermitted", values: { until: stay.until }, path };
  return null;
}

/** The entry stamp (TR-04, X-02) cannot be dated after the day of filing. */
export function tr04EntryNotInFuture(entryDate: string, today: string): RuleViolation | null {
  return entryDate > today ? { rule: "TR-04", messageKey: "rules.tr04EntryInFuture", path: ["stay", "entryDate"] } : null;
}

/** TR-08: no exit recorded more than `tr_overstay_grace_days` after the end of the stay is an overstay. */
export function tr08IsOverstay(validUntil: string, today: string, params: ParameterReader): boolean {
  return daysBetween(validUntil, today) > params.number("tr_overstay_grace_days", validUntil);
}

export type EligibilityOutcome =
  | { kind: "citizen" }
  | { kind: "not_yet_required"; until: string; rule: "TR-05" }
  | { kind: "required"; deadline: string; rule: "TR-02" | "TR-05" }
  | { kind: "late"; deadline: string; tier: LateTier; rule: "TR-09" };

/** The public eligibility check: whether and by when a person must register. */
export function eligibility(
  input: { citizenship: string; entryDate: string; eaeuWorker: boolean },
  today: string,
  params: ParameterReader,
  ref: ReferenceData,
): EligibilityOutcome {
  if (input.citizenship === KAZAKHSTAN) return { kind: "citizen" };
  const eaeu = input.eaeuWorker && ref.isEaeuMember(input.citizenship, input.entryDate);
  const { deadline, rule } = registrationDeadline(input.entryDate, eaeu, params);
  const late = lateness(deadline, today, params);
  if (late.tier) return { kind: "late", deadline, tier: late.tier, rule: "TR-09" };
  if (eaeu) return { kind: "not_yet_required", until: deadline, rule: "TR-05" };
  return { kind: "required", deadline, rule };
}
