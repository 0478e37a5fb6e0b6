import { addCalendarDays, addMonthsClamped } from "@/lib/rules/dates";
import type { ParameterReader } from "@/lib/rules/parameters";

/** KD-14: the decision is due 3 calendar months after submission (31 Jan → 30 Apr; 30 Nov → 28/29 Feb). */
export function kcDueOn(submittedOn: string, params: ParameterReader): string {
  return addMonthsClamped(submittedOn, params.number("kc_decision_months", submittedOn));
}

/** KD-14: the officers are alerted half a month before the term ends, about 2.5 months after submission. */
export function kcAlertOn(dueOn: string, params: ParameterReader, onDate: string): string {
  return addCalendarDays(dueOn, -params.number("kc_alert_days_before_due", onDate));
}
