import { describe, expect, it } from "vitest";
import { WorkingCalendar } from "./calendar";
import { kazakhstanCalendar } from "./kz-holidays";
import { dueReminder, reminderDay } from "./reminders";

// March 2026: Sunday 8 March is International Women's Day, so Monday 9 March is a day off.
const calendar = new WorkingCalendar(kazakhstanCalendar([2026]));

describe("reminder days before a deadline", () => {
  it("calendar-day offsets count every day, weekends and holidays included", () => {
    expect(reminderDay("2026-03-12", 3, "calendar_days", calendar)).toBe("2026-03-09");
    expect(reminderDay("2026-03-12", 0, "calendar_days", calendar)).toBe("2026-03-12");
  });

  it("working-day offsets skip weekends and holidays, and the reminder goes out on a working day", () => {
    // Thursday 12 March, 2 working days before: Wed 11 and Tue 10 lie in between → Tuesday 10 March.
    expect(reminderDay("2026-03-12", 2, "working_days", calendar)).toBe("2026-03-10");
    // 3 working days: Monday 9 March is off, so Friday 6 March.
    expect(reminderDay("2026-03-12", 3, "working_days", calendar)).toBe("2026-03-06");
    // A deadline on a Sunday: 0 working days before is the Friday.
    expect(reminderDay("2026-03-15", 0, "working_days", calendar)).toBe("2026-03-13");
    // The inverse of the calendar's own count.
    const day = reminderDay("2026-03-20", 5, "working_days", calendar);
    expect(calendar.workingDaysBetween(day, "2026-03-20")).toBe(5);
  });

  it("the nearest reached offset is due; a missed run sends one reminder, not two; nothing after the deadline", () => {
    const rule = { offsets: [30, 7], unit: "calendar_days" as const };
    expect(dueReminder("2026-05-01", "2026-03-31", rule, calendar)).toBeNull();
    expect(dueReminder("2026-05-01", "2026-04-01", rule, calendar)).toEqual({ offset: 30, sendOn: "2026-04-01" });
    expect(dueReminder("2026-05-01", "2026-04-26", rule, calendar)).toEqual({ offset: 7, sendOn: "2026-04-24" });
    expect(dueReminder("2026-05-01", "2026-05-01", rule, calendar)).toMatchObject({ offset: 7 });
    expect(dueReminder("2026-05-01", "2026-05-02", rule, calendar)).toBeNull();
  });
});
