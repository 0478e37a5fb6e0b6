import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { Viewer } from "@/lib/engine/types";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { queueStats } from "./queue-stats";

describe.each(TEST_ENGINES)("queueStats on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officerAlmaty: Viewer;
  let officerAstana: Viewer;
  let supervisor: Viewer;
  let auditor: Viewer;
  let admin: Viewer;

  async function file(region: string, now = at("2026-03-03")) {
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication({ address: { region } }), { channel: "online", submit: true, now });
    if (!r.ok) throw new Error(`filing failed: ${JSON.stringify(r)}`);
    return r.case;
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officerAlmaty = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    officerAstana = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA", "KZ-ALM"], services: [TR_SERVICE] });
    auditor = await makeUser(t.db, "auditor");
    admin = await makeUser(t.db, "admin");

    // Almaty city: 2 submitted (due 4 March), 1 under review, 1 returned (clock stopped), 1 registered.
    await file("KZ-ALA");
    await file("KZ-ALA");
    const reviewed = await file("KZ-ALA");
    const r1 = await perform(t.db, officerAlmaty, reviewed.id, "start_review", {}, reviewed.version, { now: at("2026-03-03", "11:00:00") });
    expect(r1.ok).toBe(true);
    const returned = await file("KZ-ALA");
    const r2 = await perform(t.db, officerAlmaty, returned.id, "return_for_correction", { reason: "The flat number is missing." }, returned.version, { now: at("2026-03-03", "11:00:00") });
    expect(r2.ok).toBe(true);
    const decided = await file("KZ-ALA");
    const r3 = await perform(t.db, officerAlmaty, decided.id, "start_review", {}, decided.version, { now: at("2026-03-03", "11:00:00") });
    if (!r3.ok) throw new Error("start_review failed");
    const r4 = await perform(t.db, officerAlmaty, decided.id, "register", {}, r3.case.version, { now: at("2026-03-03", "12:00:00") });
    expect(r4.ok).toBe(true);
    // Astana: 3 submitted. Almaty region: 1 submitted, filed later (due 10 March: 9 March is a moved day off).
    await file("KZ-AST");
    await file("KZ-AST");
    await file("KZ-AST");
    await file("KZ-ALM", at("2026-03-06"));
  });
  afterAll(async () => t?.close());

  it("an officer of region X does not count the cases of region Y", async () => {
    const stats = await queueStats(t.db, officerAlmaty, { today: "2026-03-03" });
    expect(stats.totals).toEqual({ submitted: 2, underReview: 1, returned: 1, overdue: 0 });
    expect(stats.byRegion.map((r) => r.region)).toEqual(["KZ-ALA"]);

    const astana = await queueStats(t.db, officerAstana, { today: "2026-03-03" });
    expect(astana.totals).toEqual({ submitted: 3, underReview: 0, returned: 0, overdue: 0 });
    expect(astana.byRegion.map((r) => r.region)).toEqual(["KZ-AST"]);
  });

  it("overdue counts running clocks due before today; a stopped clock or a decided case is never overdue", async () => {
    // Due 4 March: on 5 March the 2 submitted and the 1 under review are overdue, the returned one is not.
    const stats = await queueStats(t.db, officerAlmaty, { today: "2026-03-05" });
    expect(stats.totals).toEqual({ submitted: 2, underReview: 1, returned: 1, overdue: 3 });
    // On the due date itself nothing is overdue yet.
    expect((await queueStats(t.db, officerAlmaty, { today: "2026-03-04" })).totals.overdue).toBe(0);
  });

  it("a supervisor of two regions gets one row per region with cases", async () => {
    const stats = await queueStats(t.db, supervisor, { today: "2026-03-05" });
    expect(stats.byRegion).toEqual([
      { region: "KZ-ALA", submitted: 2, underReview: 1, returned: 1, overdue: 3 },
      { region: "KZ-ALM", submitted: 1, underReview: 0, returned: 0, overdue: 0 },
    ]);
    expect(stats.totals).toEqual({ submitted: 3, underReview: 1, returned: 1, overdue: 3 });
  });

  it("an auditor counts every region; administrators and applicants without cases count nothing", async () => {
    const all = await queueStats(t.db, auditor, { today: "2026-03-05" });
    expect(all.totals).toEqual({ submitted: 6, underReview: 1, returned: 1, overdue: 6 });
    expect(all.byRegion.map((r) => r.region)).toEqual(["KZ-ALA", "KZ-ALM", "KZ-AST"]);

    for (const viewer of [await makeUser(t.db, "applicant"), admin]) {
      expect(await queueStats(t.db, viewer, { today: "2026-03-05" })).toEqual({ totals: { submitted: 0, underReview: 0, returned: 0, overdue: 0 }, byRegion: [] });
    }
  });

  it("filters by service", async () => {
    const none = await queueStats(t.db, officerAlmaty, { service: "household_permit", today: "2026-03-03" });
    expect(none.totals).toEqual({ submitted: 0, underReview: 0, returned: 0, overdue: 0 });
    const tr = await queueStats(t.db, officerAlmaty, { service: TR_SERVICE, today: "2026-03-03" });
    expect(tr.totals.submitted).toBe(2);
  });
});
