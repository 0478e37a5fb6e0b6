import { addCalendarDays } from "@/lib/rules/dates";
import type { ParameterReader } from "@/lib/rules/parameters";

/** KD-14: the officers are alerted half a month before the term ends, about 2.5 months after submission. */
export function kcAlertOn(dueOn: string, params: ParameterReader, onDate: string): string {
  return addCalendarDays(dueOn, -params.number("kc_alert_days_before_due", onDate));
}
