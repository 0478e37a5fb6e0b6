import type { RuleViolation } from "@/lib/engine/types";
import { addCalendarDays, addMonthsClamped, daysBetween } from "@/lib/rules/dates";
import type { ParameterReader } from "@/lib/rules/parameters";
import type { ReferenceData } from "@/lib/rules/reference";

/** Pure rule functions of refugee status renewal (domain §2.3). Every number comes from parameters. */

export const RF_FLAGS = {
  /** Filed later than one month before the status ends (RF-05). */
  lateFiling: "late_filing",
  /** The country-of-origin assessment says "changed" (RF-04). */
  originChanged: "origin_changed",
} as const;

/** Case states in which the renewal is still open: the status and registration stay valid (RF-08). */
// Waiting for the refugee's answer or hearing (lib/engine/conversation.ts) is part of the open procedure too.
export const RF_PENDING_STATES = ["draft", "submitted", "returned_for_correction", "under_review", "commission_review", "awaiting_information", "preliminary_refusal", "refused", "complaint_filed"] as const;

export type EndConvention = "day_before_anniversary" | "anniversary";

export interface Term {
  startsOn: string;
  /** Last day on which the status is valid (inclusive). */
  endsOn: string;
}

function lastDay(startsOn: string, months: number, convention: EndConvention): string {
  const anniversary = addMonthsClamped(startsOn, months);
  return convention === "anniversary" ? anniversary : addCalendarDays(anniversary, -1);
}

/** RF-02: the term of a status granted on `grantedOn`, per rf_status_term_months and rf_status_end_convention. */
export function rf02GrantTerm(grantedOn: string, params: ParameterReader): Term {
  const months = params.number("rf_status_term_months", grantedOn);
  const convention = params.get<EndConvention>("rf_status_end_convention", grantedOn);
  return { startsOn: grantedOn, endsOn: lastDay(grantedOn, months, convention) };
}

/**
 * RF-03: an extension continues the day after the current term's last day, for
 * rf_extension_term_months, however many extensions came before.
 */
export function rf03ExtensionTerm(currentEndsOn: string, decidedOn: string, params: ParameterReader): Term {
  const startsOn = addCalendarDays(currentEndsOn, 1);
  const months = params.number("rf_extension_term_months", decidedOn);
  const convention = params.get<EndConvention>("rf_status_end_convention", decidedOn);
  return { startsOn, endsOn: lastDay(startsOn, months, convention) };
}

/**
 * RF-05: an extension can be filed from rf_filing_window_open_days before the end up to the last
 * day of the status. Earlier is refused; after the end there is nothing left to extend.
 */
export function rf05FilingWindow(endsOn: string, today: string, params: ParameterReader): RuleViolation | null {
  const opensOn = addCalendarDays(endsOn, -params.number("rf_filing_window_open_days", today));
  if (today < opensOn) return { rule: "RF-05", messageKey: "rf.rules.rf05WindowNotOpen", values: { opensOn }, path: ["status", "endsOn"] };
  if (today > endsOn) return { rule: "RF-05", messageKey: "rf.rules.rf05StatusEnded", values: { endsOn }, path: ["status", "endsOn"] };
  return null;
}

/** RF-05: filed fewer than rf_late_filing_days before the end → accepted, flagged late. 30 days before is on time. */
export function rf05IsLate(endsOn: string, filedOn: string, params: ParameterReader): boolean {
  return daysBetween(filedOn, endsOn) < params.number("rf_late_filing_days", filedOn);
}

export interface Assessment {
  situation: "unchanged" | "changed";
  justification: string;
  sources: string;
  preparedBy: string | null;
}

export interface Override {
  note: string;
  by: string | null;
}

/** RF-04: the file goes to the commission only with the country-of-origin assessment. */
export function rf04AssessmentRecorded(assessment: Assessment | undefined): RuleViolation | null {
  return assessment ? null : { rule: "RF-04", messageKey: "rf.rules.rf04AssessmentMissing" };
}

/** RF-04: "changed" circumstances cannot lead to an extension without a recorded supervisor override. */
export function rf04MayExtend(assessment: Assessment | undefined, override: Override | undefined): RuleViolation | null {
  if (!assessment) return { rule: "RF-04", messageKey: "rf.rules.rf04AssessmentMissing" };
  if (assessment.situation === "changed" && !override) return { rule: "RF-04", messageKey: "rf.rules.rf04ChangedNeedsOverride", path: ["decision"] };
  return null;
}

export interface Vote {
  memberId: string;
  decision: "extend" | "refuse";
  legalGround: string;
  reason: string;
  at: string;
}

/** RF-C1 (four eyes): the officer who prepared the file cannot sit on the commission for it. */
export function rfFourEyes(preparedBy: string | null | undefined, memberId: string | null): RuleViolation | null {
  return memberId !== null && preparedBy === memberId ? { rule: "RF-C1", messageKey: "rf.rules.rfPreparerCannotVote" } : null;
}

/** RF-C2: each member votes once; the quorum counts different members. */
export function rfOneVotePerMember(votes: readonly Vote[], memberId: string | null): RuleViolation | null {
  return memberId === null || votes.some((v) => v.memberId === memberId) ? { rule: "RF-C2", messageKey: "rf.rules.rfAlreadyVoted" } : null;
}

/**
 * RF-C3: the commission has decided when rf_commission_quorum different members voted the same
 * way; until then the case stays with the commission.
 */
export function rfCommissionOutcome(votes: readonly Vote[], preparedBy: string | null | undefined, today: string, params: ParameterReader): "extend" | "refuse" | null {
  const quorum = params.number("rf_commission_quorum", today);
  for (const decision of ["extend", "refuse"] as const) {
    const members = new Set(votes.filter((v) => v.decision === decision && v.memberId !== preparedBy).map((v) => v.memberId));
    if (members.size >= quorum) return decision;
  }
  return null;
}

/** RF-06: the certificate is due within rf_certificate_working_days working days of the decision. */
export function rf06CertificateDueOn(decidedOn: string, params: ParameterReader, ref: ReferenceData): string {
  return ref.calendar.addWorkingDays(decidedOn, params.number("rf_certificate_working_days", decidedOn));
}

/** RF-09: last day on which a refusal can be complained about. */
export function rf09ComplaintDeadline(refusedOn: string, params: ParameterReader): string {
  return addCalendarDays(refusedOn, params.number("rf_complaint_days", refusedOn));
}

export function rf09ComplaintInTime(refusedOn: string, today: string, params: ParameterReader): RuleViolation | null {
  const until = rf09ComplaintDeadline(refusedOn, params);
  return today > until ? { rule: "RF-09", messageKey: "rf.rules.rf09ComplaintTooLate", values: { until } } : null;
}

/** RF-09: a refusal nobody complained about becomes final only after the complaint period. */
export function rf09RefusalMayBecomeFinal(refusedOn: string, today: string, params: ParameterReader): RuleViolation | null {
  const until = rf09ComplaintDeadline(refusedOn, params);
  return today > until ? null : { rule: "RF-09", messageKey: "rf.rules.rf09ComplaintPeriodRunning", values: { until } };
}

/** RF-08: while a renewal or complaint is open, no step that ends the status or starts a removal may be taken. */
export function rf08Protected(caseStatus: string): boolean {
  return (RF_PENDING_STATES as readonly string[]).includes(caseStatus);
}

/**
 * RF-05: the reminder to send today for a status ending on `endsOn`. Every offset already reached
 * counts as covered, so a status found late gets one reminder, not two at once or one a day.
 */
export function rf05DueReminder(endsOn: string, today: string, sent: readonly number[], params: ParameterReader): { offset: number; covers: number[] } | null {
  const left = daysBetween(today, endsOn);
  if (left < 0) return null;
  const reached = params.get<number[]>("rf_reminder_offsets_days", today).filter((o) => left <= o && !sent.includes(o));
  return reached.length ? { offset: Math.min(...reached), covers: reached } : null;
}
