import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { loadParameters } from "@/lib/rules/load";
import { todayInKazakhstan } from "@/lib/rules/dates";
import type { ParameterReader } from "@/lib/rules/parameters";
import { actingAs, canSeeCase } from "./access";
import { notify } from "./effects";
import { recordCaseEvent } from "./case-event";
import { loadVisibleCase, Rollback } from "./perform";
import type { CaseSnapshot, PerformResult, RuleViolation, Viewer } from "./types";

/**
 * Who works on a case. Assignment is a lease: it lapses after `assignment_lease_idle_minutes`
 * without an action by the assignee, and then anyone entitled may claim the case. Every change is
 * an event on the case (internal, not shown to the applicant), like any other change of a case.
 */

const WORKERS = new Set(["officer", "supervisor"]);

export function leaseIsLive(c: Pick<CaseSnapshot, "assigneeId" | "leaseExpiresAt">, now: Date): boolean {
  return c.assigneeId !== null && c.leaseExpiresAt !== null && c.leaseExpiresAt > now;
}

export function leaseUntil(params: ParameterReader, now: Date): Date {
  return new Date(now.getTime() + params.number("assignment_lease_idle_minutes", todayInKazakhstan(now)) * 60_000);
}

/** An officer may not act on a case someone else holds; supervisors may (they answer for the region). */
export function assignmentViolation(viewer: Viewer, c: CaseSnapshot, now: Date): RuleViolation | null {
  if (viewer.role !== "officer" || !leaseIsLive(c, now) || c.assigneeId === viewer.userId) return null;
  return { rule: "ASSIGNMENT", messageKey: "rules.assignedToSomeoneElse" };
}

const refuse = (messageKey: string, values?: Record<string, string>): never => {
  throw new Rollback({ ok: false, error: "rule_violation", violations: [{ rule: "ASSIGNMENT", messageKey, values }] });
};

async function setAssignee(
  tx: Tx,
  viewer: Viewer,
  current: CaseSnapshot,
  action: "claim" | "assign" | "release",
  assigneeId: string | null,
  expectedVersion: number,
  now: Date,
  reason: string | null,
): Promise<CaseSnapshot> {
  if (current.version !== expectedVersion) throw new Rollback({ ok: false, error: "version_conflict", currentVersion: current.version });
  const leaseExpiresAt = assigneeId ? leaseUntil(await loadParameters(tx), now) : null;
  const { case: row } = await recordCaseEvent(tx, {
    viewer,
    current,
    expectedVersion,
    now,
    action,
    set: { assigneeId, leaseExpiresAt },
    payload: { assigneeId, previousAssigneeId: current.assigneeId },
    reason,
  });
  // Whoever held the case is told when someone else takes it or gives it away.
  if (current.assigneeId && current.assigneeId !== assigneeId && current.assigneeId !== viewer.userId) {
    const [prev] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, current.assigneeId));
    await notify(tx, {
      userId: current.assigneeId,
      caseId: current.id,
      template: "staff.assignment.takenNotice",
      params: { reference: current.reference, by: viewer.displayName },
      locale: prev?.locale ?? "kk",
      at: now,
    });
  }
  return row;
}

async function inTransaction(db: Db, run: (tx: Tx) => Promise<CaseSnapshot>): Promise<PerformResult> {
  try {
    return await db.transaction(async (tx) => ({ ok: true as const, case: await run(tx), eventId: 0 }));
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}

async function visible(tx: Tx, viewer: Viewer, caseId: string): Promise<CaseSnapshot> {
  const c = await loadVisibleCase(tx, actingAs(viewer), caseId);
  if (!c) throw new Rollback({ ok: false, error: "not_found" });
  return c;
}

/** An officer or supervisor takes a case nobody holds (or whose holder's lease lapsed). */
export function claimCase(db: Db, viewer: Viewer, caseId: string, expectedVersion: number, now = new Date()): Promise<PerformResult> {
  return inTransaction(db, async (tx) => {
    if (!WORKERS.has(viewer.role)) throw new Rollback({ ok: false, error: "forbidden" });
    const c = await visible(tx, viewer, caseId);
    if (leaseIsLive(c, now) && c.assigneeId !== viewer.userId) refuse("rules.assignedToSomeoneElse");
    return setAssignee(tx, viewer, c, "claim", viewer.userId, expectedVersion, now, null);
  });
}

/** The holder gives a case back, or a supervisor takes it off someone. */
export function releaseCase(db: Db, viewer: Viewer, caseId: string, expectedVersion: number, now = new Date()): Promise<PerformResult> {
  return inTransaction(db, async (tx) => {
    const c = await visible(tx, viewer, caseId);
    if (!(viewer.role === "supervisor" || (viewer.role === "officer" && c.assigneeId === viewer.userId))) throw new Rollback({ ok: false, error: "forbidden" });
    if (!c.assigneeId) refuse("rules.notAssigned");
    return setAssignee(tx, viewer, c, "release", null, expectedVersion, now, null);
  });
}

/** The officers and supervisors who may work on a case: its region and service are theirs. */
async function assignable(tx: Tx, c: CaseSnapshot, assigneeId: string): Promise<boolean> {
  const [u] = await tx.select().from(users).where(and(eq(users.id, assigneeId), inArray(users.role, ["officer", "supervisor"])));
  if (!u || u.disabledAt) return false;
  return canSeeCase({ kind: "user", userId: u.id, role: u.role, regions: u.regions, services: u.services, displayName: u.displayName, locale: u.locale }, c);
}

/** A supervisor gives one case to an officer of its region and service. */
export function assignCase(db: Db, viewer: Viewer, caseId: string, assigneeId: string, expectedVersion: number, reason: string | null, now = new Date()): Promise<PerformResult> {
  return inTransaction(db, async (tx) => {
    if (viewer.role !== "supervisor") throw new Rollback({ ok: false, error: "forbidden" });
    const c = await visible(tx, viewer, caseId);
    if (!(await assignable(tx, c, assigneeId))) refuse("rules.assigneeNotEntitled");
    return setAssignee(tx, viewer, c, "assign", assigneeId, expectedVersion, now, reason);
  });
}

export type BulkResult =
  | { ok: true; reassigned: number }
  | { ok: false; error: "forbidden" | "empty" }
  /** The case (by reference when the viewer may see it) that stopped the whole move. */
  | { ok: false; error: "not_found" | "version_conflict" | "rule_violation"; reference?: string; messageKey?: string };

/** Most cases a supervisor moves at once: one page of the queue is at most 100. */
export const BULK_REASSIGN_MAX = 100;

class BulkStop extends Error {
  constructor(readonly result: BulkResult) {
    super(result.ok ? "ok" : result.error);
  }
}

/**
 * A supervisor moves several cases to one officer at once: all or none, one event per case, each
 * at the version the supervisor saw (a case changed meanwhile fails the whole move and is named),
 * and one audit entry for the move as a whole.
 */
export async function bulkReassign(
  db: Db,
  viewer: Viewer,
  items: readonly { caseId: string; version: number }[],
  assigneeId: string,
  reason: string | null,
  now = new Date(),
): Promise<BulkResult> {
  if (viewer.role !== "supervisor") return { ok: false, error: "forbidden" };
  if (!items.length || items.length > BULK_REASSIGN_MAX) return { ok: false, error: "empty" };
  try {
    const reassigned = await db.transaction(async (tx) => {
      const references: string[] = [];
      for (const item of items) {
        const c = await loadVisibleCase(tx, viewer, item.caseId);
        if (!c) throw new BulkStop({ ok: false, error: "not_found" });
        if (!(await assignable(tx, c, assigneeId))) throw new BulkStop({ ok: false, error: "rule_violation", reference: c.reference, messageKey: "rules.assigneeNotEntitled" });
        if (c.version !== item.version) throw new BulkStop({ ok: false, error: "version_conflict", reference: c.reference });
        try {
          await setAssignee(tx, viewer, c, "assign", assigneeId, item.version, now, reason);
        } catch (e) {
          if (e instanceof Rollback && !e.result.ok) throw new BulkStop({ ok: false, error: e.result.error === "version_conflict" ? "version_conflict" : "rule_violation", reference: c.reference });
          throw e;
        }
        references.push(c.reference);
      }
      await tx.insert(auditLog).values({
        at: now,
        actorId: viewer.userId,
        actorRole: viewer.role,
        action: "case.bulk_reassign",
        target: assigneeId,
        channel: "action",
        details: { assigneeId, reason, references },
      });
      return items.length;
    });
    return { ok: true, reassigned };
  } catch (e) {
    if (e instanceof BulkStop) return e.result;
    throw e;
  }
}
