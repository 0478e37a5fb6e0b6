import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accommodationCentres, kandasNationalQuotas, kandasQuotas } from "@/db/schema";
import { KANDAS_CENTRES } from "@/db/seed/data/kandas-centres";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { KD_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser } from "@/test/fixtures";
import { kdApplication } from "@/test/kandas-fixtures";
import { supervisorDashboard } from "../dashboard";
import { runReport } from "./reports";

const MARCH = { from: "2026-03", to: "2026-03" } as const;

function ok(r: PerformResult): CaseSnapshot {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.case;
}

describe.each(TEST_ENGINES)("kandas figures on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer: Viewer;
  let supervisor: Viewer;
  let otherSupervisor: Viewer;

  async function decided(origin: string, outcome: "grant" | "refuse", day: string): Promise<CaseSnapshot> {
    let c = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication({ origin: { currentCountry: origin } }), { channel: "online", submit: true, now: at("2026-03-02") }));
    c = ok(await perform(t.db, officer, c.id, "start_review", {}, c.version, { now: at("2026-03-02", "11:00:00") }));
    const proposal = outcome === "grant" ? { outcome, reason: "Residence abroad in 1991 is documented." } : { outcome, reasonCode: "documents_not_genuine", reason: "The birth record is not genuine." };
    c = ok(await perform(t.db, officer, c.id, "propose_decision", proposal, c.version, { now: at("2026-03-02", "12:00:00") }));
    return ok(await perform(t.db, supervisor, c.id, "approve_decision", {}, c.version, { now: at(day, "13:00:00") }));
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-MAN"], services: [KD_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-MAN"], services: [KD_SERVICE] });
    otherSupervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-KAR"], services: [KD_SERVICE] });
    await t.db.insert(accommodationCentres).values([...KANDAS_CENTRES]);
    await t.db.insert(kandasNationalQuotas).values({ year: 2026, families: 100 });
    await t.db.insert(kandasQuotas).values({ year: 2026, region: "KZ-MAN", familiesAllocated: 10 });

    let granted = await decided("UZB", "grant", "2026-03-03");
    granted = ok(await perform(t.db, officer, granted.id, "start_quota_review", {}, granted.version, { now: at("2026-03-04") }));
    ok(await perform(t.db, officer, granted.id, "include_in_quota", {}, granted.version, { now: at("2026-03-04", "12:00:00") }));
    await decided("UZB", "refuse", "2026-03-03");
    await decided("CHN", "grant", "2026-03-03");
  }, 120_000);
  afterAll(async () => t?.close());

  it("kandas decisions by region and country of origin", async () => {
    const r = await runReport(t.db, supervisor, "kandas-status", MARCH);
    expect(r!.rows).toEqual([
      { region: "KZ-MAN", origin: "CHN", granted: 1, refused: 0, inQuota: 0, waitlisted: 0, quotaRefused: 0 },
      { region: "KZ-MAN", origin: "UZB", granted: 1, refused: 1, inQuota: 1, waitlisted: 0, quotaRefused: 0 },
    ]);
    expect((await runReport(t.db, otherSupervisor, "kandas-status", MARCH))!.rows).toEqual([]);
  });

  it("the quota decision keeps whether the status decision met its term; refusal reasons and quota use on the dashboard", async () => {
    const d = await supervisorDashboard(t.db, supervisor, MARCH, { now: at("2026-03-05") });
    expect(d!.term).toEqual([{ region: "KZ-MAN", service: KD_SERVICE, within: 3, late: 0, noTerm: 0 }]);
    expect(d!.refusals).toEqual([{ service: KD_SERVICE, reasonCode: "documents_not_genuine", count: 1 }]);
    expect(d!.kandas!.quotas.map((q) => [q.region, q.allocated, q.used])).toEqual([["KZ-MAN", 10, 1]]);
    expect(d!.kandas!.centres.map((c) => c.region)).toEqual(["KZ-MAN"]);
    // The granted family waiting for its quota decision and the one in quota awaiting support are still open.
    expect(d!.workload.totals.open).toBe(2);
  });
});
