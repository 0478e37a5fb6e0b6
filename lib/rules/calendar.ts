import type { calendarDays } from "@/db/schema";
import { fromEpochDay, isoWeekdayOfEpochDay, toEpochDay } from "./dates";

/** One exception to the ordinary Monday–Friday week (a row of calendar_days). */
export type CalendarDay = typeof calendarDays.$inferSelect;
export type CalendarDayKind = CalendarDay["kind"];

/**
 * Kazakhstan's working-day calendar: Monday–Friday are working days, Saturday and Sunday are not,
 * and the exception rows override both ways (holidays and days off close a weekday; a
 * "moved_working_day" opens a Saturday or Sunday).
 */
export class WorkingCalendar {
  private readonly exceptions = new Map<number, CalendarDay>();

  constructor(rows: readonly CalendarDay[]) {
    for (const row of rows) {
      const key = toEpochDay(row.day);
      if (this.exceptions.has(key)) throw new Error(`Calendar has two entries for ${row.day}`);
      this.exceptions.set(key, row);
    }
  }

  /** The exception row for a day (to show why it is not a working day), if any. */
  exception(d: string): CalendarDay | undefined {
    return this.exceptions.get(toEpochDay(d));
  }

  isWorkingDay(d: string): boolean {
    return this.isWorkingEpochDay(toEpochDay(d));
  }

  /**
   * The day on which a term of n working days ends. The start day itself is not counted, so a
   * decision on a Friday plus 5 working days is the next Friday in a week without holidays.
   * n = 0 returns d unchanged.
   */
  addWorkingDays(d: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${n}`);
    let day = toEpochDay(d);
    let left = n;
    while (left > 0) {
      day += 1;
      if (this.isWorkingEpochDay(day)) left -= 1;
    }
    return fromEpochDay(day);
  }

  /**
   * Working days in (a, b]: the inverse of addWorkingDays, so
   * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when b is before a.
   */
  workingDaysBetween(a: string, b: string): number {
    const from = toEpochDay(a);
    const to = toEpochDay(b);
    const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let day = lo + 1; day <= hi; day += 1) {
      if (this.isWorkingEpochDay(day)) count += 1;
    }
    return count === 0 ? 0 : sign * count;
  }

  /** The first working day strictly after d. */
  nextWorkingDay(d: string): string {
    return this.addWorkingDays(d, 1);
  }

  private isWorkingEpochDay(day: number): boolean {
    const exception = this.exceptions.get(day);
    if (exception) return exception.kind === "moved_working_day";
    return isoWeekdayOfEpochDay(day) <= 5;
  }
}
