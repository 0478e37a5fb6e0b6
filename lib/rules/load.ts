// Server code only (engine, DAL, jobs, seed scripts). It has no `import "server-only"` guard
// because that guard throws under plain `tsx` scripts.
import type { DbOrTx } from "@/db/client";
import { calendarDays, countries, regions, ruleParameters, visaRegimes } from "@/db/schema";
import { parameterReaderFrom, type ParameterReader } from "./parameters";
import { referenceDataFrom, type ReferenceData } from "./reference";

export const REFERENCE_CACHE_MS = 60_000;

export async function loadParameters(db: DbOrTx): Promise<ParameterReader> {
  const rows = await db
    .select({
      key: ruleParameters.key,
      value: ruleParameters.value,
      effectiveFrom: ruleParameters.effectiveFrom,
      effectiveTo: ruleParameters.effectiveTo,
    })
    .from(ruleParameters);
  return parameterReaderFrom(rows);
}

async function readReferenceData(db: DbOrTx): Promise<ReferenceData> {
  const [countryRows, visaRows, regionRows, calendarRows] = await Promise.all([
    db.select().from(countries),
    db.select().from(visaRegimes),
    db.select().from(regions),
    db.select().from(calendarDays),
  ]);
  return referenceDataFrom({ countries: countryRows, visaRegimes: visaRows, regions: regionRows, calendarDays: calendarRows });
}

// One process serves one database, so a single entry suffices, and it also serves callers that
// pass a transaction (the engine reads reference data inside its transaction). Tests that use
// several databases in one process seed the same reference data; a test that edits it calls
// invalidateReferenceCache().
let cache: { loadedAt: number; data: Promise<ReferenceData> } | null = null;

/**
 * Reference data (countries, visa regimes, regions, calendar), cached for REFERENCE_CACHE_MS: the
 * tables are small, rarely change, and are read on every engine call.
 */
export function loadReferenceData(db: DbOrTx, now: number = Date.now()): Promise<ReferenceData> {
  const age = cache ? now - cache.loadedAt : -1;
  if (cache && age >= 0 && age < REFERENCE_CACHE_MS) return cache.data;
  const entry = { loadedAt: now, data: readReferenceData(db) };
  cache = entry;
  // A failed read must not be served from the cache.
  entry.data.catch(() => {
    if (cache === entry) cache = null;
  });
  return entry.data;
}

/** Call after an administrator edits reference data, so the next read sees it at once. */
export function invalidateReferenceCache(): void {
  cache = null;
}
