import type { CalendarDay } from "./calendar";
import { addCalendarDays, isoWeekday } from "./dates";

/**
 * Generates Kazakhstan's calendar exceptions (domain.md §11). Editable data: the seed writes these
 * rows into calendar_days once, and an administrator corrects or extends them there.
 */

/** State and national holidays in force since 2022 (Law "On holidays in the Republic of Kazakhstan"). */
const STATE_HOLIDAYS: readonly { monthDay: string; name: string }[] = [
  { monthDay: "01-01", name: "New Year" },
  { monthDay: "01-02", name: "New Year" },
  { monthDay: "03-08", name: "International Women's Day" },
  { monthDay: "03-21", name: "Nauryz meyramy" },
  { monthDay: "03-22", name: "Nauryz meyramy" },
  { monthDay: "03-23", name: "Nauryz meyramy" },
  { monthDay: "05-01", name: "Kazakhstan People's Unity Day" },
  { monthDay: "05-07", name: "Defender of the Fatherland Day" },
  { monthDay: "05-09", name: "Victory Day" },
  { monthDay: "07-06", name: "Capital Day" },
  { monthDay: "08-30", name: "Constitution Day" },
  { monthDay: "10-25", name: "Republic Day" },
  { monthDay: "12-16", name: "Independence Day" },
];

/**
 * First day of Kurban Ait (a lunar date, announced each year by the Spiritual Administration of
 * Muslims of Kazakhstan). A day off under the Labour Code, not a state holiday: never moved.
 */
export const KURBAN_AIT_FIRST_DAY: Readonly<Record<number, string>> = {
  2025: "2025-06-06",
  2026: "2026-05-27",
  2027: "2027-05-16",
};

/**
 * Transfers decreed by the government or the labour ministry for a particular year. Only transfers
 * confirmed from published sources are listed; later ones are entered by an administrator.
 */
export const GOVERNMENT_TRANSFERS: readonly CalendarDay[] = [
  // Order of the Minister of Labour and Social Protection of the Population (November 2024), as
  // reported by kz.kursiv.media (23 Dec 2024) and informburo.kz: the rest day of Sunday 5 January
  // 2025 moved to Friday 3 January 2025.
  { day: "2025-01-03", kind: "moved_day_off", name: "Day off moved from Sunday 5 January 2025" },
  { day: "2025-01-05", kind: "moved_working_day", name: "Working day moved from Friday 3 January 2025" },
];

function isWeekend(d: string): boolean {
  return isoWeekday(d) >= 6;
}

/** Calendar exceptions for the given years, sorted by day. Throws for a year without a known Kurban Ait date. */
export function kazakhstanCalendar(years: readonly number[]): CalendarDay[] {
  const wanted = [...new Set(years)].sort((a, b) => a - b);
  const rows = new Map<string, CalendarDay>();

  for (const year of wanted) {
    const kurban = KURBAN_AIT_FIRST_DAY[year];
    if (!kurban) throw new Error(`The first day of Kurban Ait in ${year} is not known: add it to KURBAN_AIT_FIRST_DAY`);
    for (const h of STATE_HOLIDAYS) {
      const day = `${year}-${h.monthDay}`;
      rows.set(day, { day, kind: "holiday", name: h.name });
    }
    for (const [day, name] of [
      [`${year}-01-07`, "Orthodox Christmas"],
      [kurban, "Kurban Ait"],
    ] as const) {
      // A state holiday on the same date already makes it a non-working day, and one that can move.
      if (!rows.has(day)) rows.set(day, { day, kind: "day_off", name });
    }
  }

  // Law "On holidays", art. 5: a state holiday on a Saturday or Sunday gives a day off on the next
  // working day. Consecutive holidays (Nauryz) each take the next free working day, in date order.
  const weekendHolidays = [...rows.values()]
    .filter((r) => r.kind === "holiday" && isWeekend(r.day))
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  for (const holiday of weekendHolidays) {
    let day = addCalendarDays(holiday.day, 1);
    while (isWeekend(day) || rows.has(day)) day = addCalendarDays(day, 1);
    rows.set(day, { day, kind: "moved_day_off", name: `Day off for ${holiday.name} (${holiday.day})` });
  }

  for (const transfer of GOVERNMENT_TRANSFERS) {
    if (wanted.includes(Number(transfer.day.slice(0, 4)))) rows.set(transfer.day, transfer);
  }

  return [...rows.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
}
