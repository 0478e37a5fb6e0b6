import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, isNull } from "drizzle-orm";
import { accessGrants, cases, duplicateCandidates, people } from "@/db/schema";
import { listDuplicatePairs } from "@/lib/dal/duplicates";
import "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { backfillNameKeys, seedDemoIntegrity } from "./demo-integrity";
import { seedUsers, viewerOf } from "./users";

describe.each(TEST_ENGINES)("duplicate and break-glass demo seed on %s", (engine) => {
  let t: TestDatabase;
  let accounts: Awaited<ReturnType<typeof seedUsers>>;
  let seeded: { duplicates: number; grants: number };
  beforeAll(async () => {
    t = await createTestDatabase(engine);
    accounts = await seedUsers(t.db);
    seeded = await seedDemoIntegrity(t.db, accounts);
  }, 120_000);
  afterAll(async () => t?.close());

  it("files four pairs under two spellings, each second filing flagged, and one grant waiting for review", async () => {
    expect(seeded).toEqual({ duplicates: 4, grants: 1 });
    const flagged = await t.db.select().from(cases).where(eq(cases.region, "KZ-ALA"));
    expect(flagged.filter((c) => c.flags.includes("potential_duplicate"))).toHaveLength(4);
    const [grant] = await t.db.select().from(accessGrants);
    expect(grant).toMatchObject({ userId: accounts.get("officer.astana@demo.kz")!.id, reviewedAt: null });
  });

  it("the Almaty officer sees the Astana match only as existing there", async () => {
    const officer = viewerOf(accounts.get("officer.almaty@demo.kz")!);
    const candidates = await t.db.select().from(duplicateCandidates);
    const pairs = (await Promise.all(candidates.map((c) => listDuplicatePairs(t.db, officer, c.caseId)))).flat();
    expect(pairs.filter((p) => p.other.visible)).toHaveLength(3);
    const hidden = pairs.find((p) => !p.other.visible);
    expect(hidden?.other).toEqual({ visible: false, region: "KZ-AST" });
    expect(pairs.every((p) => !p.mirrored)).toBe(true);
  });

  it("the earlier case shows the pair from its side, to be decided on the newer case", async () => {
    const officer = viewerOf(accounts.get("officer.almaty@demo.kz")!);
    const [candidate] = await t.db.select().from(duplicateCandidates).where(eq(duplicateCandidates.matchKinds, ["document", "name_birth_date"]));
    const [pair] = await listDuplicatePairs(t.db, officer, candidate!.otherCaseId);
    expect(pair).toMatchObject({ id: candidate!.id, mirrored: true, person: { surname: "AKHMEDOV" }, other: { visible: true, person: { surname: "AHMEDOV" }, case: { id: candidate!.caseId } } });
  });

  it("fills missing name keys in batches", async () => {
    await t.db.insert(people).values([
      { surname: "ХАСАНОВ", givenNames: "РУСТАМ", birthDate: "1980-01-01", sex: "M", citizenship: "UZB" },
      { surname: "Kovalenko", givenNames: "Yuliya", birthDate: "1980-01-01", sex: "F", citizenship: "UKR" },
    ]);
    expect(await backfillNameKeys(t.db)).toBe(2);
    expect(await t.db.select().from(people).where(isNull(people.nameKey))).toHaveLength(0);
    const keys = (await t.db.select({ k: people.nameKey }).from(people).where(eq(people.birthDate, "1980-01-01"))).map((r) => r.k).sort();
    expect(keys).toEqual(["hasanov rustam", "kovalenko iulia"]);
  });
});
