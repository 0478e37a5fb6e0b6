import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kandasNationalQuotas, kandasQuotas } from "@/db/schema";
import { claimCase } from "@/lib/engine/assign";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { KD_SERVICE, TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { supervisorDashboard } from "./dashboard";
import { OPEN_STATES } from "./reports/open-states";
import { allServices } from "@/lib/engine/registry";

const MARCH = { from: "2026-03", to: "2026-03" } as const;

function must(r: PerformResult, what: string): CaseSnapshot {
  if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r)}`);
  return r.case;
}

describe("OPEN_STATES", () => {
  it("names only states of each service that are not final, for every registered service", () => {
    for (const s of allServices()) {
      const open = OPEN_STATES[s.id];
      expect(open, s.id).toBeDefined();
      for (const state of open!) {
        expect(s.states, `${s.id}.${state}`).toContain(state);
        expect(s.finalStates, `${s.id}.${state}`).not.toContain(state);
      }
    }
  });
});

describe.each(TEST_ENGINES)("supervisorDashboard on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer1: Viewer;
  let officer2: Viewer;
  let officerAstana: Viewer;
  let supervisor: Viewer;
  let supervisorAstana: Viewer;
  let auditor: Viewer;
  let admin: Viewer;

  async function file(region: string, day: string): Promise<CaseSnapshot> {
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication({ address: { region }, stay: { entryDate: "2026-03-01" } }), { channel: "online", submit: true, now: at(day) });
    if (!r.ok) throw new Error(`filing failed: ${JSON.stringify(r)}`);
    return r.case;
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officer1 = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    officer2 = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    officerAstana = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA", "KZ-ALM"], services: [TR_SERVICE, KD_SERVICE] });
    supervisorAstana = await makeUser(t.db, "supervisor", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    auditor = await makeUser(t.db, "auditor");
    admin = await makeUser(t.db, "admin");

    // The term is 1 working day (tr_decision_working_days); 9 March 2026 is a moved day off (8 March is a Sunday).
    const c1 = await file("KZ-ALA", "2026-03-03"); // due 4 March
    const c2 = await file("KZ-ALA", "2026-03-04"); // due 5 March
    await file("KZ-ALA", "2026-03-05"); // due 6 March, nobody holds it
    const c4 = await file("KZ-ALA", "2026-03-06"); // due 10 March
    await file("KZ-ALA", "2026-03-10"); // due 11 March: due soon on 6 March only because 9 March is off
    const returned = await file("KZ-ALA", "2026-03-03");
    must(await perform(t.db, officer1, returned.id, "return_for_correction", { reason: "The flat number is missing." }, returned.version, { now: at("2026-03-03", "11:00:00") }), "return");
    const onTime = await file("KZ-ALA", "2026-03-03");
    const r1 = must(await perform(t.db, officer1, onTime.id, "start_review", {}, onTime.version, { now: at("2026-03-03", "11:00:00") }), "start_review");
    must(await perform(t.db, officer1, onTime.id, "register", {}, r1.version, { now: at("2026-03-04", "17:00:00") }), "register");
    const late = await file("KZ-ALA", "2026-03-03");
    const r2 = must(await perform(t.db, officer1, late.id, "start_review", {}, late.version, { now: at("2026-03-03", "11:00:00") }), "start_review");
    must(await perform(t.db, officer1, late.id, "refuse", { reasonCode: "address_not_confirmed", reason: "The host denied it." }, r2.version, { now: at("2026-03-05", "09:00:00") }), "refuse");
    await file("KZ-ALM", "2026-03-03"); // due 4 March, overdue, in the supervisor's second region
    await file("KZ-AST", "2026-03-03"); // another region altogether

    // Holds taken on the morning of 6 March (a lease lasts 240 idle minutes).
    must(await claimCase(t.db, officer1, c1.id, c1.version, at("2026-03-06", "11:00:00")), "claim");
    must(await claimCase(t.db, officer2, c2.id, c2.version, at("2026-03-06", "11:00:00")), "claim");
    must(await claimCase(t.db, supervisor, c4.id, c4.version, at("2026-03-06", "11:00:00")), "claim");

    await t.db.insert(kandasNationalQuotas).values({ year: 2026, families: 100 });
    await t.db.insert(kandasQuotas).values([
      { year: 2026, region: "KZ-ALA", familiesAllocated: 40, familiesUsed: 10 },
      { year: 2026, region: "KZ-AST", familiesAllocated: 60, familiesUsed: 5 },
    ]);
  });
  afterAll(async () => t?.close());

  const noon6 = at("2026-03-06", "12:00:00");

  it("counts open, unallocated, overdue, due soon and mine per team on the working-day calendar", async () => {
    const d = await supervisorDashboard(t.db, supervisor, MARCH, { now: noon6 });
    expect(d!.workload.dueSoonUntil).toBe("2026-03-11");
    expect(d!.workload.warningDays).toBe(2);
    expect(d!.workload.teams).toEqual([
      { region: "KZ-ALA", service: TR_SERVICE, open: 6, unallocated: 3, overdue: 2, dueSoon: 3, mine: 1 },
      { region: "KZ-ALM", service: TR_SERVICE, open: 1, unallocated: 1, overdue: 1, dueSoon: 0, mine: 0 },
    ]);
    expect(d!.workload.totals).toEqual({ open: 7, unallocated: 4, overdue: 3, dueSoon: 3, mine: 1 });
  });

  it("counts per officer only the cases they hold now", async () => {
    const d = await supervisorDashboard(t.db, supervisor, MARCH, { now: noon6 });
    const byId = Object.fromEntries(d!.workload.officers.map((o) => [o.userId, { open: o.open, overdue: o.overdue, dueSoon: o.dueSoon }]));
    expect(byId).toEqual({
      [officer1.userId!]: { open: 1, overdue: 1, dueSoon: 0 },
      [officer2.userId!]: { open: 1, overdue: 1, dueSoon: 0 },
      [supervisor.userId!]: { open: 1, overdue: 0, dueSoon: 1 },
    });
    // Once the leases lapse nobody holds anything.
    const later = await supervisorDashboard(t.db, supervisor, MARCH, { now: at("2026-03-06", "15:01:00") });
    expect(later!.workload.officers).toEqual([]);
    expect(later!.workload.totals.unallocated).toBe(7);
  });

  it("due today is due soon, not overdue; the day after the warning window is neither", async () => {
    const d = await supervisorDashboard(t.db, supervisor, { ...MARCH, region: "KZ-ALA" }, { now: at("2026-03-04", "12:00:00") });
    // On 4 March: window up to 6 March; due 4, 5 and 6 March are due soon, 10 and 11 March are not.
    expect(d!.workload.dueSoonUntil).toBe("2026-03-06");
    expect(d!.workload.totals).toMatchObject({ overdue: 0, dueSoon: 3 });
    const dayAfter = await supervisorDashboard(t.db, supervisor, { ...MARCH, region: "KZ-ALA" }, { now: at("2026-03-05", "12:00:00") });
    expect(dayAfter!.workload.totals).toMatchObject({ overdue: 1, dueSoon: 3 });
  });

  it("shares decisions within the statutory term by region and service", async () => {
    const d = await supervisorDashboard(t.db, supervisor, MARCH, { now: noon6 });
    expect(d!.term).toEqual([{ region: "KZ-ALA", service: TR_SERVICE, within: 1, late: 1, noTerm: 0 }]);
    const february = await supervisorDashboard(t.db, supervisor, { from: "2026-02", to: "2026-02" }, { now: noon6 });
    expect(february!.term).toEqual([]);
  });

  it("puts open cases into age buckets by days since filing", async () => {
    const d = await supervisorDashboard(t.db, supervisor, { ...MARCH, region: "KZ-ALA" }, { now: at("2026-03-13", "12:00:00") });
    // Filed 3 March (×2: one returned) → 10 days; 4, 5, 6 March → 9, 8, 7 days; 10 March → 3 days.
    expect(d!.ages.map((b) => b.count)).toEqual([0, 1, 5, 0, 0, 0, 0]);
    const dayLater = await supervisorDashboard(t.db, supervisor, { ...MARCH, region: "KZ-ALA" }, { now: at("2026-03-14", "12:00:00") });
    expect(dayLater!.ages.map((b) => b.count)).toEqual([0, 1, 3, 2, 0, 0, 0]);
  });

  it("lists refusal reasons of the period", async () => {
    const d = await supervisorDashboard(t.db, supervisor, MARCH, { now: noon6 });
    expect(d!.refusals).toEqual([{ service: TR_SERVICE, reasonCode: "address_not_confirmed", count: 1 }]);
  });

  it("shows the kandas quota and centres of the supervisor's regions only", async () => {
    const d = await supervisorDashboard(t.db, supervisor, MARCH, { now: noon6 });
    expect(d!.kandas!.quotas.map((q) => [q.region, q.allocated, q.used])).toEqual([["KZ-ALA", 40, 10]]);
    expect(d!.kandas!.centres.every((c) => ["KZ-ALA", "KZ-ALM"].includes(c.region))).toBe(true);
    const astana = await supervisorDashboard(t.db, supervisorAstana, MARCH, { now: noon6 });
    expect(astana!.kandas).toBeNull();
  });

  it("another region's supervisor sees none of these cases; officers and admins get no dashboard", async () => {
    const astana = await supervisorDashboard(t.db, supervisorAstana, MARCH, { now: noon6 });
    expect(astana!.workload.teams).toEqual([{ region: "KZ-AST", service: TR_SERVICE, open: 1, unallocated: 1, overdue: 1, dueSoon: 0, mine: 0 }]);
    expect(astana!.term).toEqual([]);
    expect(astana!.refusals).toEqual([]);
    // Asking for a region outside one's own gives nothing rather than that region.
    const foreign = await supervisorDashboard(t.db, supervisorAstana, { ...MARCH, region: "KZ-ALA" }, { now: noon6 });
    expect(foreign!.workload.totals.open).toBe(0);
    expect(foreign!.ages.every((b) => b.count === 0)).toBe(true);
    expect(await supervisorDashboard(t.db, officer1, MARCH, { now: noon6 })).toBeNull();
    expect(await supervisorDashboard(t.db, officerAstana, MARCH, { now: noon6 })).toBeNull();
    expect(await supervisorDashboard(t.db, admin, MARCH, { now: noon6 })).toBeNull();
  });

  it("the auditor sees every region, read-only", async () => {
    const d = await supervisorDashboard(t.db, auditor, MARCH, { now: noon6 });
    expect(d!.workload.teams.map((r) => r.region)).toEqual(["KZ-ALA", "KZ-ALM", "KZ-AST"]);
    expect(d!.workload.totals.mine).toBe(0);
  });
});
