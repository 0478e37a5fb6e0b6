import type { ParameterReader } from "@/lib/rules/parameters";
import type { ReferenceData } from "@/lib/rules/reference";
import { addCalendarDays, addMonthsClamped, daysBetween } from "@/lib/rules/dates";
import type { DeadlineDefinition } from "./types";

export interface ClockState {
  dueOn: string | null;
  clockRemainingDays: number | null;
}

/** The due date of a fresh term, in the definition's unit. */
function addTerm(def: DeadlineDefinition, ref: ReferenceData, from: string, term: number): string {
  if (def.unit === "calendar_months") return addMonthsClamped(from, term);
  return addRemaining(def, ref, from, term);
}

/** The due date when a stopped clock restarts with what was left (kept in days for month terms). */
function addRemaining(def: DeadlineDefinition, ref: ReferenceData, from: string, days: number): string {
  return def.unit === "working_days" ? ref.calendar.addWorkingDays(from, days) : addCalendarDays(from, days);
}

function remaining(def: DeadlineDefinition, ref: ReferenceData, today: string, dueOn: string): number {
  return def.unit === "working_days" ? ref.calendar.workingDaysBetween(today, dueOn) : daysBetween(today, dueOn);
}

/**
 * The statutory clock after a transition: started by the definition's start actions, stopped
 * (remaining time kept) while the case waits for the applicant, restarted with what was left,
 * and cleared in final states. The same stored date is shown to officer, supervisor and applicant.
 */
export function nextClock(
  def: DeadlineDefinition | undefined,
  args: { action: string; fromStatus: string; toStatus: string; today: string; current: ClockState; params: ParameterReader; ref: ReferenceData },
): ClockState {
  if (!def) return args.current;
  const { action, fromStatus, toStatus, today, current, params, ref } = args;
  if (def.clearedIn.includes(toStatus)) return { dueOn: null, clockRemainingDays: null };
  if (def.stoppedIn.includes(toStatus) && !def.stoppedIn.includes(fromStatus)) {
    const left = current.dueOn ? Math.max(0, remaining(def, ref, today, current.dueOn)) : null;
    return { dueOn: null, clockRemainingDays: left };
  }
  if (def.stoppedIn.includes(fromStatus) && !def.stoppedIn.includes(toStatus) && current.clockRemainingDays !== null) {
    return { dueOn: addRemaining(def, ref, today, current.clockRemainingDays), clockRemainingDays: null };
  }
  // A start action that leaves the case waiting for the applicant does not start the clock.
  if (def.startOn.includes(action) && current.dueOn === null && !def.stoppedIn.includes(toStatus)) {
    return { dueOn: addTerm(def, ref, today, params.number(def.termParam, today)), clockRemainingDays: null };
  }
  return current;
}

/** How a case stands against its statutory date, the same for officer, supervisor and applicant. */
export type DeadlineState = "on_time" | "due_soon" | "overdue" | "stopped" | "none";

/**
 * Overdue once the due date has passed (Kazakhstan civil date); due soon when it is at most
 * `deadline_warning_working_days` working days away (today included); stopped while the case waits
 * for the applicant (remaining time kept); none when there is no running term.
 */
export function deadlineState(
  c: { dueOn: string | null; clockRemainingDays: number | null },
  today: string,
  params: ParameterReader,
  ref: ReferenceData,
): DeadlineState {
  if (!c.dueOn) return c.clockRemainingDays !== null ? "stopped" : "none";
  if (c.dueOn < today) return "overdue";
  return ref.calendar.workingDaysBetween(today, c.dueOn) <= params.number("deadline_warning_working_days", today) ? "due_soon" : "on_time";
}
