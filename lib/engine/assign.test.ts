import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, caseEvents, cases, notifications } from "@/db/schema";
import { assignCase, bulkReassign, claimCase, releaseCase } from "@/lib/engine/assign";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";

const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3600_000);

describe.each(TEST_ENGINES)("assignment leases on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officerA: Viewer;
  let officerB: Viewer;
  let officerAstana: Viewer;
  let supervisor: Viewer;
  const start = at("2026-03-03");

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officerA = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    officerB = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    officerAstana = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
  });
  afterAll(async () => t?.close());

  async function fileCase(): Promise<CaseSnapshot> {
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: start });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.case;
  }
  const load = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;

  it("an officer claims a case: the hold is recorded as an internal event, and another officer cannot act on it", async () => {
    const c = await fileCase();
    const claimed = await claimCase(t.db, officerA, c.id, c.version, start);
    expect(claimed.ok && claimed.case.assigneeId).toBe(officerA.userId);
    expect(claimed.ok && claimed.case.leaseExpiresAt?.getTime()).toBe(hours(start, 4).getTime());
    const [event] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "claim")));
    expect(event).toMatchObject({ visibleToApplicant: false, fromStatus: "submitted", toStatus: "submitted" });

    const row = await load(c.id);
    const other = await perform(t.db, officerB, c.id, "start_review", {}, row.version, { now: hours(start, 1) });
    expect(other).toMatchObject({ ok: false, error: "rule_violation", violations: [{ rule: "ASSIGNMENT" }] });
    expect(await claimCase(t.db, officerB, c.id, row.version, hours(start, 1))).toMatchObject({ ok: false, error: "rule_violation" });
    // The supervisor answers for the region and may act.
    const bySupervisor = await perform(t.db, supervisor, c.id, "start_review", {}, row.version, { now: hours(start, 1) });
    expect(bySupervisor.ok).toBe(true);
  });

  it("acting on the case keeps the hold; after the idle time it lapses, another officer takes it and the first is told", async () => {
    const c = await fileCase();
    const claimed = await claimCase(t.db, officerA, c.id, c.version, start);
    if (!claimed.ok) throw new Error("claim failed");
    const acted = await perform(t.db, officerA, c.id, "start_review", {}, claimed.case.version, { now: hours(start, 3) });
    expect(acted.ok && acted.case.leaseExpiresAt?.getTime()).toBe(hours(start, 7).getTime());

    const row = await load(c.id);
    expect(await claimCase(t.db, officerB, c.id, row.version, hours(start, 6.9))).toMatchObject({ ok: false });
    const taken = await claimCase(t.db, officerB, c.id, row.version, hours(start, 7.1));
    expect(taken.ok && taken.case.assigneeId).toBe(officerB.userId);
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, officerA.userId!), eq(notifications.caseId, c.id)));
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ template: "staff.assignment.takenNotice", params: { reference: c.reference } });
  });

  it("the holder or a supervisor releases; nobody else can", async () => {
    const c = await fileCase();
    const claimed = await claimCase(t.db, officerA, c.id, c.version, start);
    if (!claimed.ok) throw new Error("claim failed");
    expect(await releaseCase(t.db, officerB, c.id, claimed.case.version, start)).toMatchObject({ ok: false, error: "forbidden" });
    const released = await releaseCase(t.db, officerA, c.id, claimed.case.version, start);
    expect(released.ok && released.case.assigneeId).toBeNull();
  });

  it("a supervisor assigns only to staff of the case's region and service", async () => {
    const c = await fileCase();
    expect(await assignCase(t.db, supervisor, c.id, officerAstana.userId!, c.version, null, start)).toMatchObject({
      ok: false,
      violations: [{ messageKey: "rules.assigneeNotEntitled" }],
    });
    expect(await assignCase(t.db, officerA, c.id, officerB.userId!, c.version, null, start)).toMatchObject({ ok: false, error: "forbidden" });
    const ok = await assignCase(t.db, supervisor, c.id, officerB.userId!, c.version, "Officer A is on leave.", start);
    expect(ok.ok && ok.case.assigneeId).toBe(officerB.userId);
  });

  it("bulk reassignment moves every selected case with one event each, or none when one of them changed meanwhile", async () => {
    const three = [await fileCase(), await fileCase(), await fileCase()];
    const moved = await bulkReassign(t.db, supervisor, three.map((c) => ({ caseId: c.id, version: c.version })), officerA.userId!, "Balancing the load.", start);
    expect(moved).toEqual({ ok: true, reassigned: 3 });
    for (const c of three) {
      expect((await load(c.id)).assigneeId).toBe(officerA.userId);
      const events = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "assign")));
      expect(events).toHaveLength(1);
    }

    const stale = three.map((c) => ({ caseId: c.id, version: c.version + 1 }));
    stale[2] = { caseId: three[2]!.id, version: three[2]!.version }; // this one moved on since
    const refused = await bulkReassign(t.db, supervisor, stale, officerB.userId!, null, start);
    expect(refused).toEqual({ ok: false, error: "version_conflict", reference: three[2]!.reference });
    for (const c of three) expect((await load(c.id)).assigneeId).toBe(officerA.userId);
    expect(await bulkReassign(t.db, officerA, stale, officerB.userId!, null, start)).toEqual({ ok: false, error: "forbidden" });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, "case.bulk_reassign"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: supervisor.userId, target: officerA.userId, details: { references: three.map((c) => c.reference), reason: "Balancing the load." } });
  });

  it("bulk reassignment to someone outside the cases' region names the case and moves nothing", async () => {
    const two = [await fileCase(), await fileCase()];
    const refused = await bulkReassign(t.db, supervisor, two.map((c) => ({ caseId: c.id, version: c.version })), officerAstana.userId!, null, start);
    expect(refused).toEqual({ ok: false, error: "rule_violation", reference: two[0]!.reference, messageKey: "rules.assigneeNotEntitled" });
    for (const c of two) expect((await load(c.id)).assigneeId).toBeNull();
    expect(await bulkReassign(t.db, supervisor, [], officerA.userId!, null, start)).toEqual({ ok: false, error: "empty" });
  });
});
