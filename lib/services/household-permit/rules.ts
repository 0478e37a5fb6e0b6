import { addCalendarDays, addMonthsClamped, daysBetween } from "@/lib/rules/dates";
import { checkIinOrBin } from "@/lib/rules/iin";
import type { ParameterReader } from "@/lib/rules/parameters";
import type { PassportType, ReferenceData } from "@/lib/rules/reference";
import type { RuleViolation } from "@/lib/engine/types";
import type { HpApplication, WorkCategory } from "./schema";

/**
 * Pure rule functions of the household labour permit (domain §2.2). Every number comes from the
 * parameters; dates are civil dates in Kazakhstan. A term of N months that starts on day D ends on
 * the day before the same date N months later (1 Mar + 1 month = 31 Mar), the way a stay counts the
 * day of entry as its first day.
 */

export const HP_FLAGS = {
  criminalRecord: "criminal_record_entries",
  /** a nurse or nanny with entries in the criminal record needs a supervisor's look. */
  childCareCheck: "child_care_record_check",
} as const;

export interface Term {
  from: string;
  until: string;
}

export function termOf(from: string, months: number): Term {
  return { from, until: addCalendarDays(addMonthsClamped(from, months), -1) };
}

export type Hp02Outcome =
  | { kind: "eaeu"; rule: "HP-03" }
  | { kind: "eligible"; rule: "HP-02"; days: number | null }
  | { kind: "too_short"; rule: "HP-02"; days: number; minDays: number }
  | { kind: "visa_required"; rule: "HP-02"; minDays: number };

/**
 * HP-02 / HP-03: EAEU citizens need no permit; everyone else must hold a citizenship whose visa-free
 * regime (for the passport type, on the date) allows at least `hp_min_visa_free_days`.
 */
export function nationalityOutcome(citizenship: string, passportType: PassportType, onDate: string, params: ParameterReader, ref: ReferenceData): Hp02Outcome {
  if (ref.isEaeuMember(citizenship, onDate)) return { kind: "eaeu", rule: "HP-03" };
  const minDays = params.number("hp_min_visa_free_days", onDate);
  const regime = ref.visaRegime(citizenship, passportType, onDate);
  if (!regime || regime.regime === "visa_required") return { kind: "visa_required", rule: "HP-02", minDays };
  if (regime.regime === "visa_free_unlimited") return { kind: "eligible", rule: "HP-02", days: null };
  const days = regime.days ?? 0;
  return days >= minDays ? { kind: "eligible", rule: "HP-02", days } : { kind: "too_short", rule: "HP-02", days, minDays };
}

/** HP-02 as a violation (an EAEU citizen is not refused here: HP-03 makes the outcome "not required"). */
export function hp02Nationality(app: Pick<HpApplication, "person" | "passport">, onDate: string, params: ParameterReader, ref: ReferenceData): RuleViolation | null {
  const outcome = nationalityOutcome(app.person.citizenship, app.passport.passportType, onDate, params, ref);
  const path = ["person", "citizenship"];
  if (outcome.kind === "too_short") return { rule: "HP-02", messageKey: "hp.rules.hp02TooShort", values: { days: outcome.days, minDays: outcome.minDays }, path };
  if (outcome.kind === "visa_required") return { rule: "HP-02", messageKey: "hp.rules.hp02VisaRequired", values: { minDays: outcome.minDays }, path };
  return null;
}

/** HP-03: whether the application ends as "no permit required". */
export function hp03PermitNotRequired(citizenship: string, onDate: string, ref: ReferenceData): boolean {
  return ref.isEaeuMember(citizenship, onDate);
}

/** HP-05: the criminal-record certificate must be there and issued no later than the filing day. */
export function hp05CriminalRecord(app: Pick<HpApplication, "certificates">, today: string): RuleViolation | null {
  const c = app.certificates;
  if (!c.criminalRecordNumber) return { rule: "HP-05", messageKey: "hp.rules.hp05Missing", path: ["certificates", "criminalRecordNumber"] };
  if (c.criminalRecordIssuedOn > today) return { rule: "HP-05", messageKey: "hp.rules.certificateInFuture", path: ["certificates", "criminalRecordIssuedOn"] };
  return null;
}

/**
 * HP-06: the medical certificate clears the holder for one occupation; it must name the category
 * applied for. When the category is changed, the old certificate (same number) no longer counts.
 */
export function hp06MedicalCertificate(app: Pick<HpApplication, "certificates" | "work">, today: string, previous?: Pick<HpApplication, "certificates" | "work">): RuleViolation | null {
  const c = app.certificates;
  const path = ["certificates", "medicalCategory"];
  if (!c.medicalNumber) return { rule: "HP-06", messageKey: "hp.rules.hp06Missing", path: ["certificates", "medicalNumber"] };
  if (c.medicalIssuedOn > today) return { rule: "HP-06", messageKey: "hp.rules.certificateInFuture", path: ["certificates", "medicalIssuedOn"] };
  if (previous && previous.work.category !== app.work.category && previous.certificates.medicalNumber === c.medicalNumber) {
    return { rule: "HP-06", messageKey: "hp.rules.hp06CategoryChanged", path: ["certificates", "medicalNumber"] };
  }
  if (c.medicalCategory !== app.work.category) return { rule: "HP-06", messageKey: "hp.rules.hp06CategoryMismatch", path };
  return null;
}

/** HP-07: from the date the parameter requires it, the insurance policy must cover the whole permit term. */
export function hp07Insurance(insurance: HpApplication["insurance"], term: Term, params: ParameterReader, path: (string | number)[] = ["insurance", "validUntil"]): RuleViolation | null {
  if (!params.get<boolean>("hp_insurance_required", term.from)) return null;
  if (insurance.validFrom > term.from) return { rule: "HP-07", messageKey: "hp.rules.hp07StartsLate", values: { from: term.from }, path: ["insurance", "validFrom"] };
  if (insurance.validUntil < term.until) return { rule: "HP-07", messageKey: "hp.rules.hp07EndsEarly", values: { until: term.until }, path };
  return null;
}

/** HP-08: the last day the current continuous stay may reach (entry date + 12 months − 1 day). */
export function continuousStayLimit(entryDate: string, params: ParameterReader): string {
  return termOf(entryDate, params.number("hp_max_continuous_stay_months", entryDate)).until;
}

/** HP-08: the permit (with every extension) may not run past the continuous-stay limit. */
export function hp08ContinuousStay(entryDate: string, termUntil: string, params: ParameterReader, path: (string | number)[] = ["work", "termMonths"]): RuleViolation | null {
  const limit = continuousStayLimit(entryDate, params);
  if (termUntil <= limit) return null;
  return { rule: "HP-08", messageKey: "hp.rules.hp08TooLong", values: { limit, months: params.number("hp_max_continuous_stay_months", entryDate) }, path };
}

/** Days of the current continuous stay up to a day (the entry day counts as day 1). */
export function continuousStayDays(entryDate: string, onDate: string): number {
  return Math.max(0, daysBetween(entryDate, onDate) + 1);
}

/** HP-17: only the term options in the parameters. */
export function hp17TermOption(months: number, onDate: string, params: ParameterReader, path: (string | number)[] = ["work", "termMonths"]): RuleViolation | null {
  const options = params.get<number[]>("hp_term_options_months", onDate);
  return options.includes(months) ? null : { rule: "HP-17", messageKey: "hp.rules.hp17TermOption", values: { options: options.join(", ") }, path };
}

/** HP-09: the employer is a natural person identified by an IIN, not a business by a BIN. */
export function hp09IndividualEmployer(iin: string, path: (string | number)[] = ["employer", "iin"]): RuleViolation | null {
  const check = checkIinOrBin(iin);
  if (check.ok && check.kind === "iin") return null;
  return { rule: "HP-09", messageKey: check.ok ? "hp.rules.hp09Business" : "hp.rules.hp09NotAnIin", path };
}

/** HP-10: a contract only with a householder whose household is in the region where the permit is issued. */
export function hp10SameRegion(permitRegion: string, householdRegion: string, path: (string | number)[] = ["employer", "region"]): RuleViolation | null {
  return permitRegion === householdRegion ? null : { rule: "HP-10", messageKey: "hp.rules.hp10OtherRegion", path };
}

/** HP-11: an employer with `hp_max_workers_per_employer` active contracts cannot take another one. */
export function hp11EmployerCap(activeContracts: number, onDate: string, params: ParameterReader): RuleViolation | null {
  const max = params.number("hp_max_workers_per_employer", onDate);
  return activeContracts < max ? null : { rule: "HP-11", messageKey: "hp.rules.hp11EmployerCap", values: { max }, path: ["iin"] };
}

/** HP-14: the fee in tenge for a term: months × the monthly rate of the region on the day. */
export function monthlyRateKzt(region: string, onDate: string, params: ParameterReader): number {
  const rates = params.get<Record<string, number>>("hp_monthly_rate_kzt", onDate);
  const rate = rates[region] ?? rates.default;
  if (typeof rate !== "number") throw new Error(`hp_monthly_rate_kzt has no rate for ${region} on ${onDate}`);
  return rate;
}

export function permitFeeKzt(months: number, region: string, onDate: string, params: ParameterReader): { monthlyRate: number; amount: number } {
  const monthlyRate = monthlyRateKzt(region, onDate, params);
  return { monthlyRate, amount: months * monthlyRate };
}

/** HP-14: the approval lapses when the fee is not paid by this day. */
export function paymentDueOn(approvedOn: string, params: ParameterReader): string {
  return addCalendarDays(approvedOn, params.number("hp_payment_days", approvedOn));
}

/** The entry stamp cannot be dated after the day of filing. */
export function entryNotInFuture(entryDate: string, today: string): RuleViolation | null {
  return entryDate > today ? { rule: "X-02", messageKey: "hp.rules.entryInFuture", path: ["stay", "entryDate"] } : null;
}

/** Flags for the officer at filing: entries in the criminal record (HP-05), and X-10 for child care. */
export function filingFlags(app: Pick<HpApplication, "certificates" | "work">): string[] {
  if (!app.certificates.criminalRecordHasEntries) return [];
  const careWork: WorkCategory[] = ["nurse_nanny"];
  return careWork.includes(app.work.category) ? [HP_FLAGS.criminalRecord, HP_FLAGS.childCareCheck] : [HP_FLAGS.criminalRecord];
}

/** How many checks applicationChecks makes (one engine guard each, so a form shows every failure). */
export const APPLICATION_CHECK_COUNT = 9;

/** Every rule on the application data, with the requested term starting on `termStart`; null where a rule passes. */
export function applicationChecks(app: HpApplication, today: string, termStart: string, params: ParameterReader, ref: ReferenceData, previous?: HpApplication): (RuleViolation | null)[] {
  const term = termOf(termStart, app.work.termMonths);
  return [
    entryNotInFuture(app.stay.entryDate, today),
    hp02Nationality(app, today, params, ref),
    hp05CriminalRecord(app, today),
    hp06MedicalCertificate(app, today, previous),
    hp07Insurance(app.insurance, term, params),
    hp17TermOption(app.work.termMonths, today, params),
    hp08ContinuousStay(app.stay.entryDate, term.until, params),
    app.employer ? hp09IndividualEmployer(app.employer.iin) : null,
    app.employer ? hp10SameRegion(app.work.region, app.employer.region) : null,
  ];
}

export function applicationViolations(app: HpApplication, today: string, params: ParameterReader, ref: ReferenceData, previous?: HpApplication): RuleViolation[] {
  return applicationChecks(app, today, today, params, ref, previous).filter((v): v is RuleViolation => v !== null);
}

export type HpEligibility =
  | { kind: "not_required"; rule: "HP-03" }
  | { kind: "eligible"; rule: "HP-02"; days: number | null; minDays: number; maxStayMonths: number; maxWorkers: number }
  | { kind: "ineligible"; rule: "HP-02"; days: number | null; minDays: number };

/** The public eligibility check: HP-03 first, then HP-02, all from the parameters in force today. */
export function eligibility(citizenship: string, passportType: PassportType, today: string, params: ParameterReader, ref: ReferenceData): HpEligibility {
  const outcome = nationalityOutcome(citizenship, passportType, today, params, ref);
  const minDays = params.number("hp_min_visa_free_days", today);
  if (outcome.kind === "eaeu") return { kind: "not_required", rule: "HP-03" };
  if (outcome.kind === "eligible") {
    return { kind: "eligible", rule: "HP-02", days: outcome.days, minDays, maxStayMonths: params.number("hp_max_continuous_stay_months", today), maxWorkers: params.number("hp_max_workers_per_employer", today) };
  }
  return { kind: "ineligible", rule: "HP-02", days: outcome.kind === "too_short" ? outcome.days : null, minDays };
}
