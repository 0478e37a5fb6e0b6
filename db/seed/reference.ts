import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { calendarDays, countries, regions, ruleParameters, visaRegimes } from "@/db/schema";
import { kazakhstanCalendar } from "@/lib/rules/kz-holidays";
import { COUNTRIES } from "./data/countries";
import { REGIONS } from "./data/regions";
import { RULE_PARAMETERS } from "./data/rule-parameters";
import { VISA_REGIMES } from "./data/visa-regimes";

/** Years of the working-day calendar written by the seed; later years are added by an administrator. */
export const CALENDAR_YEARS = [2025, 2026, 2027] as const;

/** SET col = excluded.col for every column except the conflict key. */
function updateFromExcluded(columns: Record<string, PgColumn>, key: string): Record<string, SQL> {
  return Object.fromEntries(
    Object.entries(columns)
      .filter(([name]) => name !== key)
      .map(([name, column]) => [name, sql.raw(`excluded."${column.name}"`)]),
  );
}

export interface ReferenceSeedCounts {
  regions: number;
  countries: number;
  visaRegimes: number;
  calendarDays: number;
  ruleParameters: number;
}

/**
 * Writes the reference data; safe to run again. Regions and countries follow the code (names are
 * updated). Visa regimes, calendar days and rule parameters are administrator-edited after the
 * first seed, so existing rows are left as they are and only missing ones are added.
 */
export async function seedReference(db: DbOrTx): Promise<ReferenceSeedCounts> {
  const calendar = kazakhstanCalendar(CALENDAR_YEARS);
  await db.transaction(async (tx) => {
    await tx
      .insert(regions)
      .values([...REGIONS])
      .onConflictDoUpdate({ target: regions.code, set: updateFromExcluded(getTableColumns(regions), "code") });
    await tx
      .insert(countries)
      .values([...COUNTRIES])
      .onConflictDoUpdate({ target: countries.code, set: updateFromExcluded(getTableColumns(countries), "code") });
    await tx
      .insert(visaRegimes)
      .values([...VISA_REGIMES])
      .onConflictDoNothing({ target: [visaRegimes.country, visaRegimes.passportType, visaRegimes.effectiveFrom] });
    await tx.insert(calendarDays).values(calendar).onConflictDoNothing({ target: calendarDays.day });
    await tx
      .insert(ruleParameters)
      .values([...RULE_PARAMETERS])
      .onConflictDoNothing({ target: [ruleParameters.key, ruleParameters.effectiveFrom] });
  });
  return {
    regions: REGIONS.length,
    countries: COUNTRIES.length,
    visaRegimes: VISA_REGIMES.length,
    calendarDays: calendar.length,
    ruleParameters: RULE_PARAMETERS.length,
  };
}
