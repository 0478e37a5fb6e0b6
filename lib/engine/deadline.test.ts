import { describe, expect, it } from "vitest";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { seededRef } from "@/test/reference";
import { deadlineState, nextClock, type ClockState } from "./deadline";
import type { DeadlineDefinition } from "./types";

// Kazakhstan calendar 2025–2027 (holidays, moved days off, the 2025 New Year transfer).
const ref = seededRef;
const params = parameterReaderFrom([
  { key: "term_working", value: 5, effectiveFrom: "2000-01-01", effectiveTo: null },
  { key: "term_calendar", value: 10, effectiveFrom: "2000-01-01", effectiveTo: null },
  { key: "term_months", value: 3, effectiveFrom: "2000-01-01", effectiveTo: null },
  { key: "deadline_warning_working_days", value: 2, effectiveFrom: "2000-01-01", effectiveTo: null },
]);

const def = (unit: DeadlineDefinition["unit"], termParam: string): DeadlineDefinition => ({
  termParam,
  unit,
  startOn: ["submit"],
  stoppedIn: ["returned_for_correction"],
  clearedIn: ["decided"],
});
const working = def("working_days", "term_working");
const NONE: ClockState = { dueOn: null, clockRemainingDays: null };

const start = (d: DeadlineDefinition, today: string) => nextClock(d, { action: "submit", fromStatus: "draft", toStatus: "submitted", today, current: NONE, params, ref });
const stop = (d: DeadlineDefinition, today: string, current: ClockState) =>
  nextClock(d, { action: "return_for_correction", fromStatus: "under_review", toStatus: "returned_for_correction", today, current, params, ref });
const restart = (d: DeadlineDefinition, today: string, current: ClockState) =>
  nextClock(d, { action: "resubmit", fromStatus: "returned_for_correction", toStatus: "submitted", today, current, params, ref });

describe("statutory clock on the working-day calendar", () => {
  it("§11 weekends: 5 working days from Friday 20 November 2026 end on Friday 27 November", () => {
    expect(start(working, "2026-11-20").dueOn).toBe("2026-11-27");
  });

  it("§11 public holidays: Independence Day (Wednesday 16 December 2026) does not count", () => {
    // Mon 14 → 15, (16 holiday), 17, 18, 21, 22
    expect(start(working, "2026-12-14").dueOn).toBe("2026-12-22");
  });

  it("§11 moved working days: Sunday 5 January 2025 counts, the Friday it replaced and Orthodox Christmas do not", () => {
    // Thu 2 Jan (holiday) → (3 moved day off, 4 Sat) 5 Sun worked, 6, (7 Christmas), 8, 9, 10
    expect(start(working, "2025-01-02").dueOn).toBe("2025-01-10");
  });

  it("calendar-day and month terms count every day; a missing day of the month becomes its last", () => {
    expect(start(def("calendar_days", "term_calendar"), "2026-12-14").dueOn).toBe("2026-12-24");
    expect(start(def("calendar_months", "term_months"), "2026-11-30").dueOn).toBe("2027-02-28");
  });

  it("clock stop and restart: the working days left are kept and counted again from the restart, past the holidays", () => {
    const running = start(working, "2026-12-14"); // due 22 December
    const stopped = stop(working, "2026-12-15", running);
    expect(stopped).toEqual({ dueOn: null, clockRemainingDays: 4 }); // 17, 18, 21, 22
    // Restarted on Tuesday 29 December 2026: 30, 31, (1–2 January New Year, 3 Sunday, 4 the day off moved from Saturday 2) 5, 6
    expect(restart(working, "2026-12-29", stopped)).toEqual({ dueOn: "2027-01-06", clockRemainingDays: null });
  });

  it("a clock stopped after its date has passed restarts with nothing left, not with negative time", () => {
    const stopped = stop(working, "2026-12-28", { dueOn: "2026-12-22", clockRemainingDays: null });
    expect(stopped.clockRemainingDays).toBe(0);
    expect(restart(working, "2027-01-11", stopped).dueOn).toBe("2027-01-11");
  });

  it("an extended stopped clock restarts with the longer time: the extension adds to what was left", () => {
    const stopped = stop(working, "2026-12-15", start(working, "2026-12-14"));
    const extended = { ...stopped, clockRemainingDays: stopped.clockRemainingDays! + 3 };
    // 30, 31, 5, 6, (7 Orthodox Christmas) 8, 11, 12
    expect(restart(working, "2026-12-29", extended).dueOn).toBe("2027-01-12");
  });

  it("an extended running date is kept by later transitions that neither stop nor clear the clock", () => {
    const extended: ClockState = { dueOn: "2027-01-15", clockRemainingDays: null };
    expect(nextClock(working, { action: "start_review", fromStatus: "submitted", toStatus: "under_review", today: "2027-01-04", current: extended, params, ref })).toEqual(extended);
    expect(nextClock(working, { action: "decide", fromStatus: "under_review", toStatus: "decided", today: "2027-01-04", current: extended, params, ref })).toEqual(NONE);
  });
});

describe("deadline state (deadline_warning_working_days = 2)", () => {
  const state = (dueOn: string | null, today: string, clockRemainingDays: number | null = null) => deadlineState({ dueOn, clockRemainingDays }, today, params, ref);

  it("overdue the day after the due date; due today is still due soon", () => {
    expect(state("2026-11-20", "2026-11-23")).toBe("overdue");
    expect(state("2026-11-20", "2026-11-20")).toBe("due_soon");
  });

  it("due soon counts working days: from Friday, Tuesday is 2 working days away, Wednesday 3", () => {
    expect(state("2026-11-24", "2026-11-20")).toBe("due_soon");
    expect(state("2026-11-25", "2026-11-20")).toBe("on_time");
  });

  it("a holiday in between pushes a date out of the warning: Friday 18 December from Monday 14 is 3 working days", () => {
    expect(state("2026-12-17", "2026-12-14")).toBe("due_soon"); // 15, 17
    expect(state("2026-12-18", "2026-12-14")).toBe("on_time");
  });

  it("stopped while the clock waits for the applicant; none without a term", () => {
    expect(state(null, "2026-11-20", 3)).toBe("stopped");
    expect(state(null, "2026-11-20")).toBe("none");
  });
});
