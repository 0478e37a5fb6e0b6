import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { caseApprovals, caseEvents, cases, decisions, notifications } from "@/db/schema";
import { approveProposal, rejectProposal, withdrawProposal } from "@/lib/engine/approvals";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import { allServices } from "@/lib/engine/registry";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { hearingWaived } from "@/test/hearing";

const REFUSAL = { reasonCode: "address_not_confirmed", reason: "The host denied that the applicant lives at the address." };

describe("four-eyes marks in the service definitions", () => {
  it("every refusal and revocation needs approval, and every approving role may perform the action itself", () => {
    const marked: string[] = [];
    for (const service of allServices()) {
      for (const [name, action] of Object.entries(service.actions)) {
        if (/^(refuse|revoke|cancel_registration)/.test(name)) expect(action.approval, `${service.id}.${name}`).toBeDefined();
        if (!action.approval) continue;
        marked.push(`${service.id}.${name}`);
        for (const role of action.approval.by) expect(action.allowed, `${service.id}.${name} approved by ${role}`).toContain(role);
      }
    }
    expect(marked.length).toBeGreaterThanOrEqual(7);
  });
});

describe.each(TEST_ENGINES)("four-eyes approvals on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer: Viewer;
  let supervisorA: Viewer;
  let supervisorB: Viewer;
  let supervisorAstana: Viewer;
  const day = "2026-03-03";

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    supervisorA = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    supervisorB = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    supervisorAstana = await makeUser(t.db, "supervisor", { regions: ["KZ-AST"], services: [TR_SERVICE] });
  });
  afterAll(async () => t?.close());

  async function caseReadyForRefusal(): Promise<CaseSnapshot> {
    const filed = await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: at(day) });
    if (!filed.ok) throw new Error(JSON.stringify(filed));
    const r = await perform(t.db, officer, filed.case.id, "start_review", {}, filed.case.version, { now: at(day, "11:00:00") });
    if (!r.ok) throw new Error(JSON.stringify(r));
    // The right to be heard comes first (X-HEAR-03): the refusal may be proposed once the hearing is waived.
    return hearingWaived(t.db, officer, applicant, r.case, { grounds: "address_not_confirmed", now: at(day, "11:30:00") });
  }

  async function propose(viewer: Viewer, c: CaseSnapshot) {
    const r = await perform(t.db, viewer, c.id, "refuse", REFUSAL, c.version, { now: at(day, "12:00:00") });
    if (r.ok || r.error !== "approval_requested") throw new Error(`expected a proposal: ${JSON.stringify(r)}`);
    return r;
  }

  const rowOf = async (id: string) => (await t.db.select().from(cases).where(eq(cases.id, id)))[0]!;
  const eventsOf = (id: string) => t.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.version);

  it("a refusal by an officer is recorded as a pending proposal with a staff-only event; the case keeps its state", async () => {
    const c = await caseReadyForRefusal();
    const r = await propose(officer, c);
    expect(r.case.status).toBe("preliminary_refusal");
    expect(r.case.version).toBe(c.version + 1);
    const [approval] = await t.db.select().from(caseApprovals).where(eq(caseApprovals.id, r.approvalId));
    expect(approval).toMatchObject({ status: "pending", action: "refuse", proposedBy: officer.userId, expectedVersion: c.version + 1, input: REFUSAL });
    const last = (await eventsOf(c.id)).at(-1)!;
    expect(last).toMatchObject({ action: "approval_requested", visibleToApplicant: false, fromStatus: "preliminary_refusal", toStatus: "preliminary_refusal", reason: REFUSAL.reason });
    expect(await t.db.select().from(decisions).where(eq(decisions.caseId, c.id))).toHaveLength(0);
  });

  it("the guards run before a proposal is recorded: an invalid refusal records nothing", async () => {
    const c = await caseReadyForRefusal();
    const r = await perform(t.db, officer, c.id, "refuse", { reasonCode: "address_not_confirmed", reason: "" }, c.version);
    expect(r).toMatchObject({ ok: false, error: "validation_failed" });
    expect(await t.db.select().from(caseApprovals).where(eq(caseApprovals.caseId, c.id))).toHaveLength(0);
    expect((await rowOf(c.id)).version).toBe(c.version);
  });

  it("approving performs the action as the approver: state, decision, event naming the proposer, proposer told", async () => {
    const c = await caseReadyForRefusal();
    const p = await propose(officer, c);
    const r = await approveProposal(t.db, supervisorA, p.approvalId, at(day, "15:00:00"));
    expect(r.ok && r.case.status).toBe("refused");
    const [approval] = await t.db.select().from(caseApprovals).where(eq(caseApprovals.id, p.approvalId));
    expect(approval).toMatchObject({ status: "approved", decidedBy: supervisorA.userId });
    const refused = (await eventsOf(c.id)).at(-1)!;
    expect(refused).toMatchObject({ action: "refuse", actorId: supervisorA.userId, toStatus: "refused" });
    expect((refused.payload as { approval: { proposedBy: string } }).approval.proposedBy).toBe(officer.userId);
    const [decision] = await t.db.select().from(decisions).where(eq(decisions.caseId, c.id));
    expect(decision).toMatchObject({ outcome: "refused", decidedBy: supervisorA.userId });
    const told = await t.db.select().from(notifications).where(and(eq(notifications.userId, officer.userId!), eq(notifications.template, "approvals.notifications.approved")));
    expect(told.length).toBeGreaterThan(0);
  });

  it("a supervisor's own refusal needs approval too, and the engine refuses self-approval", async () => {
    const c = await caseReadyForRefusal();
    const p = await propose(supervisorA, c);
    const self = await approveProposal(t.db, supervisorA, p.approvalId);
    expect(self).toMatchObject({ ok: false, error: "rule_violation", violations: [{ rule: "FOUR-EYES", messageKey: "approvals.errors.ownProposal" }] });
    expect(await rejectProposal(t.db, supervisorA, p.approvalId, "no")).toMatchObject({ ok: false, error: "rule_violation" });
    expect((await rowOf(c.id)).status).toBe("preliminary_refusal");
    // An officer is no approver; a supervisor of another region does not see the case.
    expect(await approveProposal(t.db, officer, p.approvalId)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await approveProposal(t.db, supervisorAstana, p.approvalId)).toMatchObject({ ok: false, error: "not_found" });
    expect((await approveProposal(t.db, supervisorB, p.approvalId)).ok).toBe(true);
  });

  it("the database refuses an approval by the proposer (CHECK decided_by <> proposed_by), on insert and on update", async () => {
    const c = await caseReadyForRefusal();
    const p = await propose(officer, c);
    await expect(
      t.db.update(caseApprovals).set({ status: "approved", decidedBy: officer.userId, decidedAt: new Date() }).where(eq(caseApprovals.id, p.approvalId)),
    ).rejects.toThrow();
    await expect(
      t.db.insert(caseApprovals).values({
        caseId: c.id,
        action: "refuse",
        input: REFUSAL,
        expectedVersion: 1,
        proposedBy: supervisorA.userId!,
        proposedAt: new Date(),
        status: "approved",
        decidedBy: supervisorA.userId,
        decidedAt: new Date(),
      }),
    ).rejects.toThrow();
    const [still] = await t.db.select().from(caseApprovals).where(eq(caseApprovals.id, p.approvalId));
    expect(still!.status).toBe("pending");
  });

  it("one pending proposal per case: a second one is refused, by the engine and by the unique index", async () => {
    const c = await caseReadyForRefusal();
    const p = await propose(officer, c);
    const again = await perform(t.db, supervisorA, c.id, "refuse", REFUSAL, p.case.version);
    expect(again).toMatchObject({ ok: false, error: "rule_violation", violations: [{ messageKey: "approvals.errors.alreadyPending" }] });
    await expect(
      t.db.insert(caseApprovals).values({ caseId: c.id, action: "refuse", input: REFUSAL, expectedVersion: p.case.version, proposedBy: supervisorA.userId!, proposedAt: new Date() }),
    ).rejects.toThrow();
  });

  it("rejecting sends the proposal back with a reason: nothing happens to the case state, the proposer is told", async () => {
    const c = await caseReadyForRefusal();
    const p = await propose(officer, c);
    expect(await rejectProposal(t.db, supervisorA, p.approvalId, "  ")).toMatchObject({ ok: false, error: "validation_failed", issues: [{ path: ["reason"] }] });
    const r = await rejectProposal(t.db, supervisorA, p.approvalId, "Ask the host again first.");
    expect(r.ok && r.case.status).toBe("preliminary_refusal");
    const [approval] = await t.db.select().from(caseApprovals).where(eq(caseApprovals.id, p.approvalId));
    expect(approval).toMatchObject({ status: "rejected", decidedBy: supervisorA.userId, reason: "Ask the host again first." });
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({ action: "approval_rejected", visibleToApplicant: false, reason: "Ask the host again first." });
    const [told] = await t.db.select().from(notifications).where(and(eq(notifications.userId, officer.userId!), eq(notifications.template, "approvals.notifications.rejected")));
    expect(told!.params).toMatchObject({ reason: "Ask the host again first." });
    // Decided once: it can no longer be approved, and a new proposal may be made.
    expect(await approveProposal(t.db, supervisorB, p.approvalId)).toMatchObject({ ok: false, error: "rule_violation", violations: [{ messageKey: "approvals.errors.notPending" }] });
    await propose(officer, { ...c, version: (await rowOf(c.id)).version });
  });

  it("a proposal made stale by a later change of the case is a version conflict; the proposer may withdraw it", async () => {
    const c = await caseReadyForRefusal();
    const p = await propose(officer, c);
    const moved = await perform(t.db, officer, c.id, "withdraw_preliminary_refusal", { reason: "The host has confirmed the address after all." }, p.case.version);
    expect(moved.ok).toBe(true);
    expect(await approveProposal(t.db, supervisorA, p.approvalId)).toMatchObject({ ok: false, error: "version_conflict" });
    expect((await rowOf(c.id)).status).toBe("under_review");
    expect(await withdrawProposal(t.db, supervisorA, p.approvalId)).toMatchObject({ ok: false, error: "forbidden" });
    expect((await withdrawProposal(t.db, officer, p.approvalId)).ok).toBe(true);
    const [approval] = await t.db.select().from(caseApprovals).where(eq(caseApprovals.id, p.approvalId));
    expect(approval).toMatchObject({ status: "withdrawn", decidedBy: null });
  });

  it("two approvers at once: exactly one performs the action, the other is told", async () => {
    const c = await caseReadyForRefusal();
    const p = await propose(officer, c);
    const results = await Promise.all([approveProposal(t.db, supervisorA, p.approvalId), approveProposal(t.db, supervisorB, p.approvalId)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok)!;
    expect(loser.ok).toBe(false);
    expect(["rule_violation", "version_conflict"]).toContain(!loser.ok && loser.error);
    expect((await eventsOf(c.id)).filter((e) => e.action === "refuse")).toHaveLength(1);
    expect(await t.db.select().from(decisions).where(eq(decisions.caseId, c.id))).toHaveLength(1);
  });
});
