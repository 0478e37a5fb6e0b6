import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDb, openDb, type DbHandle } from "@/db/client";
import { calendarDays, countries, regions, ruleParameters, visaRegimes } from "@/db/schema";
import { invalidateReferenceCache, loadParameters, loadReferenceData, REFERENCE_CACHE_MS } from "@/lib/rules/load";
import { TEST_ENGINES } from "@/test/db";
import { RULE_PARAMETERS } from "./data/rule-parameters";
import { seedReference } from "./reference";

interface Target {
  open(): Promise<DbHandle>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  return { open: () => openDb({ url: "", pgliteDir: "memory://" }), cleanup: async () => {} };
}

/** A fresh database on the shared server for this file; the shared database itself is never touched. */
function postgresTarget(url: string): Target {
  const name = `x_seed_ref_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  return {
    async open() {
      await admin.unsafe(`CREATE DATABASE ${name}`);
      const own = new URL(url);
      own.pathname = `/${name}`;
      return openDb({ url: own.toString() });
    },
    async cleanup() {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}

// PostgreSQL joins when DATABASE_URL is set (test/db.ts decides, for every integration test alike).
const targets = TEST_ENGINES.map((engine) => [engine, engine === "pglite" ? pgliteTarget : () => postgresTarget(process.env.DATABASE_URL!)] as const);

async function count(handle: DbHandle, table: typeof regions | typeof countries | typeof visaRegimes | typeof calendarDays | typeof ruleParameters) {
  const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(table);
  return row!.n;
}

describe.each(targets)("seedReference on %s", (_name, makeTarget) => {
  let target: Target;
  let handle: DbHandle;

  beforeAll(async () => {
    target = makeTarget();
    handle = await target.open();
    await migrateDb(handle);
  });

  afterAll(async () => {
    await handle.close();
    await target.cleanup();
  });

  it("runs twice without error and writes the expected rows", async () => {
    const first = await seedReference(handle.db);
    const second = await seedReference(handle.db);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ regions: 21, countries: 50, visaRegimes: 108, ruleParameters: RULE_PARAMETERS.length });

    expect(await count(handle, regions)).toBe(first.regions);
    expect(await count(handle, countries)).toBe(first.countries);
    expect(await count(handle, visaRegimes)).toBe(first.visaRegimes);
    expect(await count(handle, calendarDays)).toBe(first.calendarDays);
    expect(await count(handle, ruleParameters)).toBe(first.ruleParameters);
    expect(first.calendarDays).toBeGreaterThan(3 * 15);
  });

  it("keeps administrator edits to parameters and restores names of regions", async () => {
    await handle.db.update(ruleParameters).set({ value: 6 }).where(eq(ruleParameters.key, "tr_registration_deadline_days"));
    await handle.db.update(regions).set({ nameEn: "changed" }).where(eq(regions.code, "KZ-AST"));
    await seedReference(handle.db);
    const [param] = await handle.db.select().from(ruleParameters).where(eq(ruleParameters.key, "tr_registration_deadline_days"));
    const [region] = await handle.db.select().from(regions).where(eq(regions.code, "KZ-AST"));
    expect(param!.value).toBe(6);
    expect(region!.nameEn).toBe("Astana");
    await handle.db.update(ruleParameters).set({ value: 5 }).where(eq(ruleParameters.key, "tr_registration_deadline_days"));
  });

  it("loads parameters and reference data back from the database", async () => {
    const params = await loadParameters(handle.db);
    expect(params.number("tr_registration_deadline_days", "2026-03-01")).toBe(5);
    expect(params.get("login_max_attempts_per_account", "2026-03-01")).toEqual({ points: 5, durationSeconds: 900 });
    expect(() => params.number("tr_eaeu_worker_deadline_days", "2014-12-31")).toThrow(/in force/);

    invalidateReferenceCache();
    const ref = await loadReferenceData(handle.db);
    expect(ref.isEaeuMember("KGZ", "2026-03-01")).toBe(true);
    expect(ref.visaRegime("TUR", "national", "2026-03-01")).toEqual({ regime: "visa_free_days", days: 30 });
    expect(ref.calendar.addWorkingDays("2026-03-20", 1)).toBe("2026-03-26");
    expect(ref.regions("2026-03-01")).toHaveLength(20);
  });

  it("serves reference data from the cache for a minute, and again after invalidation", async () => {
    invalidateReferenceCache();
    const t0 = 1_000_000;
    const first = await loadReferenceData(handle.db, t0);
    await handle.db.insert(calendarDays).values({ day: "2026-11-20", kind: "day_off", name: "test" });
    try {
      const cached = await loadReferenceData(handle.db, t0 + REFERENCE_CACHE_MS - 1);
      expect(cached).toBe(first);
      expect(cached.calendar.isWorkingDay("2026-11-20")).toBe(true);

      const expired = await loadReferenceData(handle.db, t0 + REFERENCE_CACHE_MS);
      expect(expired).not.toBe(first);
      expect(expired.calendar.isWorkingDay("2026-11-20")).toBe(false);

      invalidateReferenceCache();
      expect(await loadReferenceData(handle.db, t0 + REFERENCE_CACHE_MS)).not.toBe(expired);
    } finally {
      await handle.db.delete(calendarDays).where(eq(calendarDays.day, "2026-11-20"));
    }
  });
});
