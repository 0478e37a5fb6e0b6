import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accommodationCentres } from "@/db/schema";
import { KANDAS_CENTRES } from "@/db/seed/data/kandas-centres";
import type { Viewer } from "@/lib/engine/types";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { makeUser } from "@/test/fixtures";
import { centreOccupancy, quotaOfYear, setNationalQuota, setRegionalQuota } from "./kandas";

describe.each(TEST_ENGINES)("kandas quotas and centres on %s", (engine) => {
  let t: TestDatabase;
  let planner: Viewer;
  let officer: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    planner = await makeUser(t.db, "quota_planner");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-KAR"], services: ["kandas_status"] });
    await t.db.insert(accommodationCentres).values([...KANDAS_CENTRES]);
  });
  afterAll(async () => t?.close());

  it("KD-04: only the quota planner enters quotas", async () => {
    expect(await setNationalQuota(t.db, officer, { year: 2026, families: 100 })).toEqual({ ok: false, error: "forbidden" });
  });

  it("KD-04: the regional split never exceeds the national quota, and the national quota never falls below the split", async () => {
    expect(await setRegionalQuota(t.db, planner, { year: 2026, region: "KZ-MAN", families: 10 })).toMatchObject({ violation: { messageKey: "kd.rules.kd04NoNationalQuota" } });
    expect(await setNationalQuota(t.db, planner, { year: 2026, families: 100, basis: "Decree No. 1" })).toEqual({ ok: true });
    expect(await setRegionalQuota(t.db, planner, { year: 2026, region: "KZ-MAN", families: 60 })).toEqual({ ok: true });
    expect(await setRegionalQuota(t.db, planner, { year: 2026, region: "KZ-TUR", families: 41 })).toMatchObject({ violation: { rule: "KD-04", values: { left: 40 } } });
    expect(await setRegionalQuota(t.db, planner, { year: 2026, region: "KZ-TUR", families: 40 })).toEqual({ ok: true });
    expect(await setNationalQuota(t.db, planner, { year: 2026, families: 99 })).toMatchObject({ violation: { values: { split: 100 } } });
    // Changing a region's own share counts the others only.
    expect(await setRegionalQuota(t.db, planner, { year: 2026, region: "KZ-MAN", families: 55 })).toEqual({ ok: true });
    const year = await quotaOfYear(t.db, 2026);
    expect(year).toMatchObject({ national: 100, allocated: 95, used: 0 });
    expect(year.regions.map((r) => [r.region, r.allocated, r.free])).toEqual([
      ["KZ-MAN", 55, 55],
      ["KZ-TUR", 40, 40],
    ]);
  });

  it("KD-10: occupancy per centre in its own unit; regional staff see their regions' centres", async () => {
    const mine = await centreOccupancy(t.db, officer);
    expect(mine.map((c) => [c.code, c.capacityUnit, c.capacity, c.free])).toEqual([["CAIO-KARAGANDA", "persons", 120, 65]]);
    const all = await centreOccupancy(t.db, planner);
    expect(all.find((c) => c.code === "CAIO-AKTAU")).toMatchObject({ capacityUnit: "families", capacity: 200, free: 44 });
  });
});
