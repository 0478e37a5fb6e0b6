import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { caseEvents, notifications } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { extendDeadline } from "@/lib/engine/extend-deadline";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";

describe.each(TEST_ENGINES)("supervisor deadline extension on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer: Viewer;
  let supervisor: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
  });
  afterAll(async () => t?.close());

  // Filed on Tuesday 3 March 2026: due Wednesday 4 March (1 working day).
  async function fileCase(): Promise<CaseSnapshot> {
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: at("2026-03-03") });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.case.dueOn).toBe("2026-03-04");
    return r.case;
  }

  it("a supervisor moves the date later with a reason: one event the applicant sees, and the applicant is told", async () => {
    const c = await fileCase();
    const r = await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-06", reason: "Waiting for the host's confirmation from the akimat." }, c.version, at("2026-03-04"));
    expect(r.ok && r.case.dueOn).toBe("2026-03-06");
    expect(r.ok && r.case.version).toBe(c.version + 1);
    const [event] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "extend_deadline")));
    expect(event).toMatchObject({ actorId: supervisor.userId, visibleToApplicant: true, reason: "Waiting for the host's confirmation from the akimat." });
    expect(event!.payload).toMatchObject({ previousDueOn: "2026-03-04", newDueOn: "2026-03-06", days: 2 });
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, applicant.userId!), eq(notifications.template, "deadlines.notifications.extended")));
    expect(told[0]!.params).toMatchObject({ dueOn: "2026-03-06" });
  });

  it("refuses shortening or keeping the date, a missing reason, an officer, and a stale version", async () => {
    const c = await fileCase();
    expect(await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-04", reason: "Same day" }, c.version)).toMatchObject({
      ok: false,
      error: "rule_violation",
      violations: [{ messageKey: "deadlines.errors.notLater", path: ["newDueOn"] }],
    });
    expect(await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-03", reason: "Earlier" }, c.version)).toMatchObject({ ok: false, error: "rule_violation" });
    expect(await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-06", reason: "   " }, c.version)).toMatchObject({
      ok: false,
      error: "validation_failed",
      issues: [{ path: ["reason"] }],
    });
    expect(await extendDeadline(t.db, officer, c.id, { newDueOn: "2026-03-06", reason: "Because" }, c.version)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-06", reason: "Because" }, c.version - 1)).toMatchObject({ ok: false, error: "version_conflict" });
    const events = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "extend_deadline")));
    expect(events).toHaveLength(0);
  });

  it("deadline_extension_max_working_days (10) bounds all extensions of a case together", async () => {
    const c = await fileCase();
    // 4 → 18 March: 5, 6, (8 Women's Day on Sunday moves to 9) 10, 11, 12, 13, 16, 17, 18 = 9 working days
    const first = await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-18", reason: "A long check with another state." }, c.version);
    expect(first.ok && first.case.dueOn).toBe("2026-03-18");
    if (!first.ok) return;
    const second = await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-20", reason: "Two more days." }, first.case.version);
    expect(second).toMatchObject({ ok: false, error: "rule_violation", violations: [{ messageKey: "deadlines.errors.tooLong", values: { max: 10, left: 1 } }] });
    const third = await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-19", reason: "One more day." }, first.case.version);
    expect(third.ok && third.case.dueOn).toBe("2026-03-19");
  });

  it("while the clock is stopped the extension adds to the remaining time, which counts from the restart", async () => {
    const c = await fileCase();
    const returned = await perform(t.db, officer, c.id, "return_for_correction", { reason: "The flat number is missing." }, c.version, { now: at("2026-03-03", "12:00:00") });
    if (!returned.ok) throw new Error(JSON.stringify(returned));
    expect(returned.case).toMatchObject({ dueOn: null, clockRemainingDays: 1 });
    expect(await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-20", reason: "No date while stopped" }, returned.case.version)).toMatchObject({
      ok: false,
      error: "validation_failed",
      issues: [{ path: ["addDays"] }],
    });
    const extended = await extendDeadline(t.db, supervisor, c.id, { addDays: 3, reason: "The applicant asked for time to get a notarised copy." }, returned.case.version);
    expect(extended.ok && extended.case).toMatchObject({ dueOn: null, clockRemainingDays: 4 });
    if (!extended.ok) return;
    const resubmitted = await perform(t.db, applicant, c.id, "resubmit", trApplication({ address: { flat: "12" } }), extended.case.version, { now: at("2026-03-06") });
    // Friday 6 March + 4 working days: (9 moved day off) 10, 11, 12, 13
    expect(resubmitted.ok && resubmitted.case.dueOn).toBe("2026-03-13");
  });

  it("a case without a running or stopped clock cannot be extended", async () => {
    const c = await fileCase();
    const started = await perform(t.db, officer, c.id, "start_review", {}, c.version);
    if (!started.ok) throw new Error(JSON.stringify(started));
    const registered = await perform(t.db, officer, c.id, "register", {}, started.case.version);
    if (!registered.ok) throw new Error(JSON.stringify(registered));
    expect(registered.case.dueOn).toBeNull();
    expect(await extendDeadline(t.db, supervisor, c.id, { newDueOn: "2026-03-20", reason: "Too late" }, registered.case.version)).toMatchObject({
      ok: false,
      error: "rule_violation",
      violations: [{ messageKey: "deadlines.errors.noDeadline" }],
    });
  });
});
