import { and, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { caseEvents, cases } from "@/db/schema";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { caseVisibility, mayPerform } from "./access";
import { assignmentViolation, leaseUntil } from "./assign";
import { nextClock } from "./deadline";
import { getService } from "./registry";
import { searchColumns } from "./search-keys";
import { toSnapshot } from "./snapshot";
import type { ActionDefinition, CaseSnapshot, FieldIssue, PerformResult, RuleContext, RuleViolation, ServiceDefinition, Viewer } from "./types";

export interface PerformOptions {
  /** The moment of the action; tests and the job runner pass it, everything else uses now. */
  now?: Date;
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message }));
}

/** Thrown inside a transaction to roll it back and hand a typed outcome to the caller. */
export class Rollback extends Error {
  constructor(readonly result: PerformResult) {
    super(result.ok ? "ok" : result.error);
  }
}

export async function loadVisibleCase(db: DbOrTx, viewer: Viewer, caseId: string): Promise<CaseSnapshot | null> {
  if (!/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  const [row] = await db.select().from(cases).where(and(eq(cases.id, caseId), caseVisibility(viewer))).limit(1);
  return row ? toSnapshot(row) : null;
}

function runGuards<I>(guards: readonly ((ctx: RuleContext<I>) => RuleViolation | null)[] | undefined, ctx: RuleContext<I>): RuleViolation[] {
  return (guards ?? []).map((g) => g(ctx)).filter((v): v is RuleViolation => v !== null);
}

/** Actions offered to this viewer on this case now (used by pages to show only what is allowed). */
export function availableActions(viewer: Viewer, c: CaseSnapshot): string[] {
  const service = getService(c.service);
  if (!service) return [];
  return Object.entries(service.actions)
    .filter(([, a]) => a.from.includes(c.status) && mayPerform(viewer, a, c))
    .map(([name]) => name);
}

/**
 * Performs one action on one case, in the caller's transaction: authorise → validate → guards →
 * conditional version bump → event → effects. Returns a typed outcome; throws only on faults.
 */
export async function performInTx(
  tx: Tx,
  viewer: Viewer,
  current: CaseSnapshot,
  actionName: string,
  rawInput: unknown,
  expectedVersion: number,
  now: Date,
): Promise<PerformResult> {
  const service = getService(current.service) as ServiceDefinition<Record<string, unknown>> | undefined;
  const action = service?.actions[actionName] as ActionDefinition<unknown> | undefined;
  if (!service || !action) return { ok: false, error: "not_found" };
  if (!mayPerform(viewer, action, current)) return { ok: false, error: "forbidden" };
  if (current.version !== expectedVersion) return { ok: false, error: "version_conflict", currentVersion: current.version };
  if (!action.from.includes(current.status)) {
    return { ok: false, error: "rule_violation", violations: [{ rule: "ENGINE", messageKey: "rules.actionNotAvailable", values: { status: current.status } }] };
  }

  const parsed = action.input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: "validation_failed", issues: zodIssues(parsed.error) };

  const [params, ref] = await Promise.all([loadParameters(tx), loadReferenceData(tx)]);
  const today = todayInKazakhstan(now);
  const ctx: RuleContext<unknown> = { case: current, input: parsed.data, viewer, today, params, ref };
  const held = assignmentViolation(viewer, current, now);
  if (held) return { ok: false, error: "rule_violation", violations: [held] };
  const violations = runGuards(action.guards, ctx);
  if (violations.length) return { ok: false, error: "rule_violation", violations };

  const toStatus = typeof action.to === "function" ? action.to(ctx) : action.to;
  const decides = typeof action.decides === "function" ? action.decides(ctx, toStatus) : action.decides === true;
  const patch = action.patch?.(ctx) ?? {};
  const clock = nextClock(service.deadline, {
    action: actionName,
    fromStatus: current.status,
    toStatus,
    today,
    current: { dueOn: current.dueOn, clockRemainingDays: current.clockRemainingDays },
    params,
    ref,
  });

  const [updated] = await tx
    .update(cases)
    .set({
      status: toStatus,
      data: patch.data ?? current.data,
      // New data may name other people or documents (a correction): the queue search follows it.
      ...(patch.data ? searchColumns(current.service, patch.data) : {}),
      flags: patch.flags ?? current.flags,
      region: patch.region ?? current.region,
      dueOn: clock.dueOn,
      clockRemainingDays: clock.clockRemainingDays,
      submittedAt: actionName === "submit" && !current.submittedAt ? now : current.submittedAt,
      decidedAt: decides ? now : current.decidedAt,
      // Dashboards: the decision met the statutory term (the due date is cleared by the decision itself).
      decidedWithinTerm: decides && current.dueOn ? today <= current.dueOn : sql`${cases.decidedWithinTerm}`,
      // Acting on a case one holds keeps the hold.
      leaseExpiresAt: current.assigneeId && current.assigneeId === viewer.userId ? leaseUntil(params, now) : current.leaseExpiresAt,
      version: sql`${cases.version} + 1`,
      updatedAt: now,
    })
    .where(and(eq(cases.id, current.id), eq(cases.version, expectedVersion)))
    .returning();
  if (!updated) return { ok: false, error: "version_conflict" };

  const next = toSnapshot(updated);
  const reason = (parsed.data as { reason?: unknown } | null)?.reason;
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId: current.id,
      version: next.version,
      at: now,
      actorId: viewer.userId,
      actorRole: viewer.role,
      action: actionName,
      fromStatus: current.status,
      toStatus,
      payload: action.eventPayload ? action.eventPayload(parsed.data) : (parsed.data as Record<string, unknown>),
      reason: typeof reason === "string" ? reason : null,
      visibleToApplicant: action.public ?? true,
    })
    .returning({ id: caseEvents.id });

  for (const effect of action.effects ?? []) await effect({ ...ctx, tx, next, now });
  return { ok: true, case: next, eventId: event!.id };
}

/** The one entry point for changing a case. Everything happens in one transaction. */
export async function perform(
  db: Db,
  viewer: Viewer,
  caseId: string,
  actionName: string,
  input: unknown,
  expectedVersion: number,
  options: PerformOptions = {},
): Promise<PerformResult> {
  const now = options.now ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const current = await loadVisibleCase(tx, viewer, caseId);
      if (!current) return { ok: false, error: "not_found" } as const;
      const result = await performInTx(tx, viewer, current, actionName, input, expectedVersion, now);
      // A failed outcome after partial writes must leave nothing behind.
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}
