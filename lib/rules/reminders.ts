import type { WorkingCalendar } from "./calendar";
import { addCalendarDays } from "./dates";

/**
 * When reminders before a deadline go out. A rule parameter gives the offsets and their unit: a
 * term counted in working days counts its reminders on the working-day calendar too (and sends
 * them on working days), a term in calendar days counts every day.
 */
export interface ReminderOffsets {
  offsets: number[];
  unit: "calendar_days" | "working_days";
}

/** The day the reminder `offset` (calendar or working) days before `due` is sent. */
export function reminderDay(due: string, offset: number, unit: ReminderOffsets["unit"], calendar: WorkingCalendar): string {
  if (unit === "calendar_days") return addCalendarDays(due, -offset);
  // The latest working day d with `offset` working days in (d, due], as calendar.workingDaysBetween counts them.
  let day = due;
  let between = 0;
  for (;;) {
    if (between === offset && calendar.isWorkingDay(day)) return day;
    if (calendar.isWorkingDay(day)) between += 1;
    day = addCalendarDays(day, -1);
  }
}

/**
 * The reminder due today for a deadline, if any: the offset whose day has come, the nearest one
 * when several have (a missed run sends one message, not a burst). Nothing after the deadline.
 */
export function dueReminder(due: string, today: string, rule: ReminderOffsets, calendar: WorkingCalendar): { offset: number; sendOn: string } | null {
  if (today > due) return null;
  const reached = rule.offsets
    .map((offset) => ({ offset, sendOn: reminderDay(due, offset, rule.unit, calendar) }))
    .filter((r) => r.sendOn <= today)
    .sort((a, b) => a.offset - b.offset);
  return reached[0] ?? null;
}
