import { addCalendarDays } from "@/lib/rules/dates";
import type { ParameterReader } from "@/lib/rules/parameters";
import { rf05FilingWindow, rf05IsLate } from "@/lib/services/refugee-renewal/rules";

export interface RefugeeRenewalEligibility {
  /** open: file now; late: file now, it is accepted but marked late; not_yet: the window has not opened; ended: nothing left to extend. */
  kind: "open" | "late" | "not_yet" | "ended";
  opensOn: string;
  endsOn: string;
  /** From this day on a filing counts as late. */
  lateFrom: string;
}

/** RF-05 for the public check: the engine's own window and lateness rules, on today's parameters. */
export function refugeeRenewalEligibility(endsOn: string, today: string, params: ParameterReader): RefugeeRenewalEligibility {
  const opensOn = addCalendarDays(endsOn, -params.number("rf_filing_window_open_days", today));
  const lateFrom = addCalendarDays(endsOn, -params.number("rf_late_filing_days", today) + 1);
  const violation = rf05FilingWindow(endsOn, today, params);
  const kind = violation ? (today > endsOn ? "ended" : "not_yet") : rf05IsLate(endsOn, today, params) ? "late" : "open";
  return { kind, opensOn, endsOn, lateFrom };
}
