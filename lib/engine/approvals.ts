import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { caseApprovals, users } from "@/db/schema";
import { loadParameters } from "@/lib/rules/load";
import { leaseUntil } from "./assign";
import { notify } from "./effects";
import { recordCaseEvent } from "./case-event";
import { applyAction, checkAction, loadVisibleCase, Rollback, type CheckedAction } from "./perform";
import { getService } from "./registry";
import type { CaseSnapshot, PerformResult, RuleViolation, Viewer } from "./types";

/**
 * Four-eyes. An action a service marks with `approval` is checked like any other (role, version,
 * state, input, guards) and then, instead of taking effect, recorded as a pending proposal with a
 * staff-only "approval_requested" event. A second person of an approving role performs it later
 * through the same engine path, as themselves, against the version the proposal was made on; they
 * may also reject it with a reason, and the proposer may withdraw it. The database refuses an
 * approval by the proposer (CHECK decided_by <> proposed_by) and a second pending proposal per case.
 */

export type Approval = typeof caseApprovals.$inferSelect;

const violation = (messageKey: string, values?: Record<string, string>): RuleViolation => ({ rule: "FOUR-EYES", messageKey, values });
const refuse = (messageKey: string): never => {
  throw new Rollback({ ok: false, error: "rule_violation", violations: [violation(messageKey)] });
};

/** Whether a checked action becomes a proposal. The system acts alone (jobs, history); a proposal needs a person. */
export function needsApproval(c: CheckedAction): boolean {
  return Boolean(c.action.approval) && c.viewer.kind !== "system";
}

/** Roles that approve this action of this service, or none when it needs no approval. */
export function approverRoles(service: string, action: string): readonly string[] {
  return getService(service)?.actions[action]?.approval?.by ?? [];
}

/** Writes one staff-only event on the case at the next version; the version check makes concurrent writers conflict. */
async function caseEvent(
  tx: Tx,
  viewer: Viewer,
  current: CaseSnapshot,
  expectedVersion: number,
  now: Date,
  action: string,
  payload: Record<string, unknown>,
  reason: string | null,
): Promise<CaseSnapshot> {
  const holds = current.assigneeId !== null && current.assigneeId === viewer.userId;
  // Proposing on a case one holds keeps the hold, like any other action.
  const set = holds ? { leaseExpiresAt: leaseUntil(await loadParameters(tx), now) } : {};
  return (await recordCaseEvent(tx, { viewer, current, expectedVersion, now, action, set, payload, reason })).case;
}

async function pendingOf(tx: Tx, caseId: string): Promise<Approval | undefined> {
  const [row] = await tx.select().from(caseApprovals).where(and(eq(caseApprovals.caseId, caseId), eq(caseApprovals.status, "pending")));
  return row;
}

/** Records a checked action as a proposal, in the caller's transaction. */
export async function proposeAction(tx: Tx, c: CheckedAction): Promise<PerformResult> {
  const { viewer, current, actionName, action, ctx, now } = c;
  if (!viewer.userId) return { ok: false, error: "forbidden" };
  if (await pendingOf(tx, current.id)) return { ok: false, error: "rule_violation", violations: [violation("approvals.errors.alreadyPending")] };
  const reason = (ctx.input as { reason?: unknown } | null)?.reason;
  const shown = action.eventPayload ? action.eventPayload(ctx.input) : (ctx.input as Record<string, unknown>);
  const [approval] = await tx
    .insert(caseApprovals)
    .values({ caseId: current.id, action: actionName, input: c.rawInput as Record<string, unknown>, expectedVersion: current.version + 1, proposedBy: viewer.userId, proposedAt: now })
    .returning({ id: caseApprovals.id });
  const next = await caseEvent(tx, viewer, current, c.expectedVersion, now, "approval_requested", { approvalId: approval!.id, action: actionName, input: shown }, typeof reason === "string" ? reason : null);
  return { ok: false, error: "approval_requested", approvalId: approval!.id, case: next };
}

async function inTransaction(db: Db, run: (tx: Tx) => Promise<PerformResult>): Promise<PerformResult> {
  try {
    return await db.transaction(async (tx) => {
      const result = await run(tx);
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}

/**
 * The proposal and its case, for a person who may decide it: the case must be visible to them,
 * their role must approve this action, and the proposal must still be pending.
 */
async function decidable(tx: Tx, viewer: Viewer, approvalId: string): Promise<{ approval: Approval; current: CaseSnapshot }> {
  if (!/^[0-9a-f-]{36}$/i.test(approvalId)) throw new Rollback({ ok: false, error: "not_found" });
  const [approval] = await tx.select().from(caseApprovals).where(eq(caseApprovals.id, approvalId));
  const current = approval ? await loadVisibleCase(tx, viewer, approval.caseId) : null;
  if (!approval || !current) throw new Rollback({ ok: false, error: "not_found" });
  if (!(approverRoles(current.service, approval.action) as readonly string[]).includes(viewer.role)) throw new Rollback({ ok: false, error: "forbidden" });
  if (approval.proposedBy === viewer.userId) refuse("approvals.errors.ownProposal");
  if (approval.status !== "pending") refuse("approvals.errors.notPending");
  return { approval, current };
}

/** Marks a pending proposal decided; of two people deciding at once exactly one gets the row. */
async function close(tx: Tx, approvalId: string, set: Partial<Approval>): Promise<void> {
  const [row] = await tx
    .update(caseApprovals)
    .set(set)
    .where(and(eq(caseApprovals.id, approvalId), eq(caseApprovals.status, "pending")))
    .returning({ id: caseApprovals.id });
  if (!row) refuse("approvals.errors.notPending");
}

async function tellProposer(tx: Tx, approval: Approval, c: CaseSnapshot, template: string, params: Record<string, string>, now: Date): Promise<void> {
  const [proposer] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, approval.proposedBy));
  await notify(tx, { userId: approval.proposedBy, caseId: c.id, template, params: { reference: c.reference, ...params }, locale: proposer?.locale ?? "kk", at: now });
}

/**
 * Performs the proposed action as the approver, in one transaction: the proposal becomes approved and
 * the action's own event records who proposed it. A case that changed since the proposal is a
 * version conflict; a guard that no longer holds is the guard's violation.
 */
export function approveProposal(db: Db, viewer: Viewer, approvalId: string, now = new Date()): Promise<PerformResult> {
  return inTransaction(db, async (tx) => {
    const { approval, current } = await decidable(tx, viewer, approvalId);
    if (current.version !== approval.expectedVersion) return { ok: false, error: "version_conflict", currentVersion: current.version };
    const checked = await checkAction(tx, viewer, current, approval.action, approval.input, approval.expectedVersion, now);
    if (!checked.ok) return checked;
    await close(tx, approval.id, { status: "approved", decidedBy: viewer.userId, decidedAt: now });
    const result = await applyAction(checked.checked, tx, { approval: { id: approval.id, proposedBy: approval.proposedBy, proposedAt: approval.proposedAt.toISOString() } });
    if (result.ok) await tellProposer(tx, approval, result.case, "approvals.notifications.approved", { by: viewer.displayName }, now);
    return result;
  });
}

/** Sends a proposal back to the proposer with a reason; nothing happens to the case but the event. */
export function rejectProposal(db: Db, viewer: Viewer, approvalId: string, reason: string, now = new Date()): Promise<PerformResult> {
  return inTransaction(db, async (tx) => {
    const { approval, current } = await decidable(tx, viewer, approvalId);
    const why = reason.trim();
    if (!why) return { ok: false, error: "validation_failed", issues: [{ path: ["reason"], message: "approvals.errors.reasonRequired" }] };
    if (why.length > 2000) return { ok: false, error: "validation_failed", issues: [{ path: ["reason"], message: "approvals.errors.reasonTooLong" }] };
    await close(tx, approval.id, { status: "rejected", decidedBy: viewer.userId, decidedAt: now, reason: why });
    const next = await caseEvent(tx, viewer, current, current.version, now, "approval_rejected", { approvalId: approval.id, action: approval.action, proposedBy: approval.proposedBy }, why);
    await tellProposer(tx, approval, next, "approvals.notifications.rejected", { by: viewer.displayName, reason: why }, now);
    return { ok: true, case: next, eventId: 0 };
  });
}

/** The proposer takes their own pending proposal back (e.g. the case changed meanwhile). */
export function withdrawProposal(db: Db, viewer: Viewer, approvalId: string, now = new Date()): Promise<PerformResult> {
  return inTransaction(db, async (tx) => {
    if (!/^[0-9a-f-]{36}$/i.test(approvalId)) return { ok: false, error: "not_found" };
    const [approval] = await tx.select().from(caseApprovals).where(eq(caseApprovals.id, approvalId));
    const current = approval ? await loadVisibleCase(tx, viewer, approval.caseId) : null;
    if (!approval || !current) return { ok: false, error: "not_found" };
    if (approval.proposedBy !== viewer.userId) return { ok: false, error: "forbidden" };
    await close(tx, approval.id, { status: "withdrawn", decidedAt: now });
    const next = await caseEvent(tx, viewer, current, current.version, now, "approval_withdrawn", { approvalId: approval.id, action: approval.action }, null);
    return { ok: true, case: next, eventId: 0 };
  });
}
