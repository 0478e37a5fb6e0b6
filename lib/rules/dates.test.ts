import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addMonthsClamped,
  compareDates,
  daysBetween,
  fromEpochDay,
  isoWeekday,
  isoWeekdayOfEpochDay,
  isValidCivilDate,
  todayInKazakhstan,
  toEpochDay,
} from "./dates";

describe("civil dates", () => {
  it("todayInKazakhstan uses UTC+5: 19:00 UTC is already the next day in Almaty", () => {
    expect(todayInKazakhstan(new Date("2026-03-01T18:59:59Z"))).toBe("2026-03-01");
    expect(todayInKazakhstan(new Date("2026-03-01T19:00:00Z"))).toBe("2026-03-02");
  });

  it("validates real calendar dates only", () => {
    expect(isValidCivilDate("2024-02-29")).toBe(true);
    expect(isValidCivilDate("2025-02-29")).toBe(false);
    expect(isValidCivilDate("2025-04-31")).toBe(false);
    expect(isValidCivilDate("2025-13-01")).toBe(false);
    expect(isValidCivilDate("2025-1-01")).toBe(false);
    expect(isValidCivilDate("2025-01-01T00:00")).toBe(false);
    expect(isValidCivilDate(20250101)).toBe(false);
  });

  it("adds calendar days across months, years and leap days", () => {
    expect(addCalendarDays("2026-03-01", 5)).toBe("2026-03-06");
    expect(addCalendarDays("2025-12-30", 3)).toBe("2026-01-02");
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(() => addCalendarDays("2026-02-30", 1)).toThrow(RangeError);
  });

  it("clamps month arithmetic to the end of the month", () => {
    expect(addMonthsClamped("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonthsClamped("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonthsClamped("2026-04-15", 12)).toBe("2027-04-15");
    expect(addMonthsClamped("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("TR-02: counts days from entry (day 0) to filing", () => {
    expect(daysBetween("2026-03-01", "2026-03-06")).toBe(5);
    expect(daysBetween("2026-03-06", "2026-03-01")).toBe(-5);
    expect(daysBetween("2025-12-31", "2026-01-01")).toBe(1);
  });

  it("compares dates and rejects invalid ones", () => {
    expect(compareDates("2026-01-01", "2026-01-02")).toBe(-1);
    expect(compareDates("2026-01-02", "2026-01-02")).toBe(0);
    expect(compareDates("2026-10-01", "2026-09-30")).toBe(1);
    expect(() => compareDates("2026-13-01", "2026-01-01")).toThrow(RangeError);
  });

  it("epoch days round-trip and give the right weekday", () => {
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(fromEpochDay(toEpochDay("2026-03-21"))).toBe("2026-03-21");
    expect(isoWeekday("2026-03-21")).toBe(6);
    for (const d of ["1969-12-28", "2026-03-21", "2026-03-23", "2027-01-02"]) {
      expect(isoWeekdayOfEpochDay(toEpochDay(d))).toBe(isoWeekday(d));
    }
  });
});
