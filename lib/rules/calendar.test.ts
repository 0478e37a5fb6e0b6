import { describe, expect, it } from "vitest";
import { WorkingCalendar, type CalendarDay } from "./calendar";
import { isoWeekday } from "./dates";
import { GOVERNMENT_TRANSFERS, kazakhstanCalendar } from "./kz-holidays";

const kz = new WorkingCalendar(kazakhstanCalendar([2025, 2026, 2027]));
const kinds = (rows: CalendarDay[]) => Object.fromEntries(rows.map((r) => [r.day, r.kind]));

describe("WorkingCalendar", () => {
  const plain = new WorkingCalendar([]);

  it("§11: Saturday and Sunday are not working days, Monday to Friday are", () => {
    expect(plain.isWorkingDay("2026-11-20")).toBe(true); // Friday
    expect(plain.isWorkingDay("2026-11-21")).toBe(false); // Saturday
    expect(plain.isWorkingDay("2026-11-22")).toBe(false); // Sunday
    expect(plain.isWorkingDay("2026-11-23")).toBe(true); // Monday
  });

  it("§11: a decision on Friday + 5 working days is the next Friday when there is no holiday", () => {
    expect(plain.addWorkingDays("2026-11-20", 5)).toBe("2026-11-27");
    expect(kz.addWorkingDays("2026-11-20", 5)).toBe("2026-11-27");
  });

  it("§11: a holiday in between pushes the end of the term back", () => {
    // Friday 11 Dec 2026 + 5 working days crosses Independence Day, Wednesday 16 Dec.
    expect(plain.addWorkingDays("2026-12-11", 5)).toBe("2026-12-18");
    expect(kz.addWorkingDays("2026-12-11", 5)).toBe("2026-12-21");
  });

  it("§11: a holiday on a Friday is not a working day and the term skips the weekend after it", () => {
    // Friday 1 May 2026, Unity Day.
    expect(kz.isWorkingDay("2026-05-01")).toBe(false);
    expect(kz.nextWorkingDay("2026-04-30")).toBe("2026-05-04");
    expect(kz.addWorkingDays("2026-04-30", 1)).toBe("2026-05-04");
  });

  it("counts the start day as day 0 and accepts n = 0", () => {
    expect(kz.addWorkingDays("2026-03-21", 0)).toBe("2026-03-21");
    expect(() => kz.addWorkingDays("2026-03-21", -1)).toThrow(RangeError);
    expect(() => kz.addWorkingDays("2026-03-21", 1.5)).toThrow(RangeError);
  });

  it("a moved working day opens a Sunday", () => {
    expect(kz.isWorkingDay("2025-01-05")).toBe(true);
    expect(kz.nextWorkingDay("2025-01-02")).toBe("2025-01-05");
  });

  it("workingDaysBetween is the inverse of addWorkingDays", () => {
    for (const [start, n] of [
      ["2026-03-20", 3],
      ["2026-12-11", 5],
      ["2025-01-01", 10],
      ["2027-05-01", 7],
    ] as const) {
      const end = kz.addWorkingDays(start, n);
      expect(kz.workingDaysBetween(start, end)).toBe(n);
      expect(kz.workingDaysBetween(end, start)).toBe(-n);
    }
    expect(kz.workingDaysBetween("2026-03-21", "2026-03-25")).toBe(0);
    expect(kz.workingDaysBetween("2026-03-25", "2026-03-21")).toBe(0);
  });

  it("explains a day off through its exception row", () => {
    expect(kz.exception("2026-03-24")).toMatchObject({ kind: "moved_day_off" });
    expect(kz.exception("2026-03-26")).toBeUndefined();
  });

  it("refuses two rows for the same day", () => {
    expect(
      () =>
        new WorkingCalendar([
          { day: "2026-01-01", kind: "holiday", name: "New Year" },
          { day: "2026-01-01", kind: "day_off", name: "duplicate" },
        ]),
    ).toThrow(/two entries/);
  });
});

describe("kazakhstanCalendar", () => {
  const rows = kazakhstanCalendar([2025, 2026, 2027]);
  const byDay = kinds(rows);

  it("§11: Nauryz 2026 on Saturday and Sunday gives days off on Tuesday 24 and Wednesday 25 March", () => {
    expect(byDay["2026-03-21"]).toBe("holiday");
    expect(byDay["2026-03-22"]).toBe("holiday");
    expect(byDay["2026-03-23"]).toBe("holiday");
    expect(byDay["2026-03-24"]).toBe("moved_day_off");
    expect(byDay["2026-03-25"]).toBe("moved_day_off");
    expect(kz.nextWorkingDay("2026-03-20")).toBe("2026-03-26");
  });

  it("§11: Nauryz 2027 with only 21 March on a Sunday moves one day, past the holidays, to 24 March", () => {
    expect(byDay["2027-03-24"]).toBe("moved_day_off");
    expect(byDay["2027-03-25"]).toBeUndefined();
  });

  it("§11: other state holidays on a weekend move to the following Monday", () => {
    expect(byDay["2025-03-10"]).toBe("moved_day_off"); // 8 March 2025, Saturday
    expect(byDay["2025-10-27"]).toBe("moved_day_off"); // Republic Day 2025, Saturday
    expect(byDay["2026-05-11"]).toBe("moved_day_off"); // Victory Day 2026, Saturday
    expect(byDay["2027-01-04"]).toBe("moved_day_off"); // 2 January 2027, Saturday
  });

  it("§11: religious days off are not moved when they fall on a weekend", () => {
    expect(byDay["2027-05-16"]).toBe("day_off"); // Kurban Ait 2027, Sunday
    expect(byDay["2027-05-17"]).toBeUndefined();
    expect(kz.isWorkingDay("2027-05-17")).toBe(true);
    expect(byDay["2026-01-07"]).toBe("day_off"); // Orthodox Christmas, Wednesday
    expect(byDay["2025-06-06"]).toBe("day_off"); // Kurban Ait 2025, Friday
    expect(byDay["2026-05-27"]).toBe("day_off");
  });

  it("§11: every state holiday is present each year, and every moved day off is a weekday", () => {
    for (const year of [2025, 2026, 2027]) {
      for (const md of ["01-01", "01-02", "03-08", "03-21", "03-22", "03-23", "05-01", "05-07", "05-09", "07-06", "08-30", "10-25", "12-16"]) {
        expect(byDay[`${year}-${md}`]).toBe("holiday");
      }
    }
    for (const row of rows.filter((r) => r.kind === "moved_day_off")) expect(isoWeekday(row.day)).toBeLessThanOrEqual(5);
    // One moved day off per state holiday on a weekend, plus the decreed transfers.
    const weekendHolidays = rows.filter((r) => r.kind === "holiday" && isoWeekday(r.day) >= 6).length;
    const decreed = GOVERNMENT_TRANSFERS.filter((t) => t.kind === "moved_day_off").length;
    expect(rows.filter((r) => r.kind === "moved_day_off")).toHaveLength(weekendHolidays + decreed);
  });

  it("includes the 2025 New Year transfer only when 2025 is asked for", () => {
    expect(byDay["2025-01-03"]).toBe("moved_day_off");
    expect(byDay["2025-01-05"]).toBe("moved_working_day");
    expect(kinds(kazakhstanCalendar([2026]))["2025-01-03"]).toBeUndefined();
  });

  it("returns rows sorted by day, without duplicates", () => {
    const days = rows.map((r) => r.day);
    expect(days).toEqual([...new Set(days)].sort());
  });

  it("refuses a year whose Kurban Ait date is unknown rather than leaving it out", () => {
    expect(() => kazakhstanCalendar([2030])).toThrow(/Kurban Ait/);
  });
});
