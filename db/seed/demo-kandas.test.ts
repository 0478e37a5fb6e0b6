import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { accommodationCentres, caseParties, cases, people } from "@/db/schema";
import { quotaOfYear } from "@/lib/dal/kandas";
import { todayInKazakhstan } from "@/lib/rules/dates";
import "@/lib/services";
import { KD_SERVICE } from "@/lib/services/ids";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { NEARLY_FULL_REGION, seedDemoKandas } from "./demo-kandas";
import { seedUsers } from "./users";

describe.each(TEST_ENGINES)("kandas demo seed on %s", (engine) => {
  let t: TestDatabase;
  let made = 0;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    made = await seedDemoKandas(t.db, await seedUsers(t.db));
  }, 120_000);
  afterAll(async () => t?.close());

  it("seeds this year's quota with one region nearly full, through the engine's quota decisions", async () => {
    expect(made).toBeGreaterThan(15);
    const quota = await quotaOfYear(t.db, Number(todayInKazakhstan().slice(0, 4)));
    expect(quota.national).toBe(quota.allocated);
    expect(quota.regions.find((r) => r.region === NEARLY_FULL_REGION)).toMatchObject({ allocated: 4, used: 3, free: 1 });
    const inQuota = await t.db.select({ n: sql<number>`count(*)::int` }).from(cases).where(sql`${cases.service} = ${KD_SERVICE} and ${cases.data} ? 'quota'`);
    expect(inQuota[0]!.n).toBe(quota.used);
  });

  it("seeds the four centres of §6.3 with their capacities and residents, plus the families placed", async () => {
    const centres = await t.db.select().from(accommodationCentres);
    expect(centres.map((c) => [c.code, c.capacityUnit, c.capacity]).sort()).toEqual([
      ["CAIO-AKSUKENT", "persons", 140],
      ["CAIO-AKTAU", "families", 200],
      ["CAIO-KARAGANDA", "persons", 120],
      ["CAIO-SHYMKENT", "persons", 170],
    ]);
    expect(centres.find((c) => c.code === "CAIO-AKTAU")!.occupiedFamilies).toBeGreaterThanOrEqual(156);
  });

  it("families come from the §6.3 origins, Uzbekistan first", async () => {
    const rows = await t.db
      .select({ citizenship: people.citizenship })
      .from(caseParties)
      .innerJoin(people, eq(people.id, caseParties.personId))
      .innerJoin(cases, eq(cases.id, caseParties.caseId))
      .where(sql`${cases.service} = ${KD_SERVICE} and ${caseParties.role} = 'applicant'`);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.citizenship, (counts.get(r.citizenship) ?? 0) + 1);
    expect(counts.get("UZB")).toBeGreaterThanOrEqual(Math.max(...[...counts.entries()].filter(([c]) => c !== "UZB").map(([, n]) => n)));
  });

  it("runs once: a second run adds nothing", async () => {
    expect(await seedDemoKandas(t.db, await seedUsers(t.db))).toBe(0);
  });
});
