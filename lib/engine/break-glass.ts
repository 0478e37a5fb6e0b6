import { and, eq, gt, gte, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accessGrants, auditLog, cases } from "@/db/schema";
import { parseCaseReference } from "@/lib/rules/case-reference";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { BREAK_GLASS_ROLES, actingAs, canSeeCase, caseVisibility, mayBreakGlass } from "./access";
import { breakGlassRequestSchema, grantReviewSchema } from "./break-glass-schema";
import { zodIssues } from "./perform";
import { toSnapshot } from "./snapshot";
import type { BreakGlassGrant, FieldIssue, Viewer } from "./types";

/**
 * Break-glass access (issue 6 item 8). An officer or supervisor may read a case outside their
 * regions only after giving a reason; the grant lasts `break_glass_minutes` and a supervisor of the
 * case's region reviews it. Grants are read-only: the engine's acting functions ignore them.
 *
 * Enumeration: the reason is asked before anything is looked up, every request is audited, an
 * unknown reference and a case one may not open get the same answer, and requests per person and
 * day are capped (`break_glass_requests_per_day`).
 */

/** The live grants of a user at `now`, to be carried by the viewer for this request. */
export async function liveGrants(db: DbOrTx, userId: string, now: Date): Promise<BreakGlassGrant[]> {
  return db
    .select({ grantId: accessGrants.id, caseId: accessGrants.caseId, expiresAt: accessGrants.expiresAt })
    .from(accessGrants)
    .where(and(eq(accessGrants.userId, userId), gt(accessGrants.expiresAt, now)));
}

/** The viewer with their live grants; everyone else is returned unchanged. */
export async function withBreakGlass(db: DbOrTx, viewer: Viewer, now = new Date()): Promise<Viewer> {
  if (viewer.kind !== "user" || !viewer.userId || !BREAK_GLASS_ROLES.has(viewer.role)) return viewer;
  const grants = await liveGrants(db, viewer.userId, now);
  return grants.length ? { ...viewer, breakGlass: grants } : viewer;
}

export type BreakGlassResult =
  | { ok: true; caseId: string; reference: string; /** Null when the case is within the viewer's regions: no grant needed. */ grantId: string | null; expiresAt: Date | null }
  | { ok: false; error: "validation_failed"; issues: FieldIssue[] }
  | { ok: false; error: "forbidden" | "not_found" | "too_many_requests" };

const REQUEST = "break_glass.request";

async function audit(db: DbOrTx, viewer: Viewer, action: string, values: { caseId?: string | null; target?: string | null; details: Record<string, unknown>; at: Date }) {
  await db.insert(auditLog).values({
    at: values.at,
    actorId: viewer.userId,
    actorRole: viewer.role,
    action,
    caseId: values.caseId ?? null,
    target: values.target ?? null,
    channel: "action",
    details: values.details,
  });
}

/** Opens a case by its exact reference, with a reason; creates a grant when it lies outside the viewer's regions. */
export async function requestBreakGlass(db: Db, viewer: Viewer, raw: unknown, now = new Date()): Promise<BreakGlassResult> {
  if (viewer.kind !== "user" || !viewer.userId || !BREAK_GLASS_ROLES.has(viewer.role)) return { ok: false, error: "forbidden" };
  const parsed = breakGlassRequestSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "validation_failed", issues: zodIssues(parsed.error) };
  const { reason } = parsed.data;
  const ref = parseCaseReference(parsed.data.reference);
  const reference = ref.ok ? ref.reference : parsed.data.reference.toUpperCase();

  return db.transaction(async (tx) => {
    const params = await loadParameters(tx);
    const today = todayInKazakhstan(now);
    const [asked] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, viewer.userId!), gte(auditLog.at, new Date(now.getTime() - 86_400_000)), eq(auditLog.action, REQUEST)));
    if ((asked?.n ?? 0) >= params.number("break_glass_requests_per_day", today)) {
      await audit(tx, viewer, "break_glass.refused", { target: reference, details: { reason, cause: "too_many_requests" }, at: now });
      return { ok: false, error: "too_many_requests" } as const;
    }

    const [row] = ref.ok ? await tx.select().from(cases).where(eq(cases.reference, ref.reference)).limit(1) : [];
    const c = row ? toSnapshot(row) : null;
    if (c && canSeeCase(viewer, c)) {
      await audit(tx, viewer, REQUEST, { caseId: c.id, target: reference, details: { reason, outcome: "own_region" }, at: now });
      return { ok: true, caseId: c.id, reference: c.reference, grantId: null, expiresAt: null } as const;
    }
    if (!c || !mayBreakGlass(viewer, c)) {
      // The same answer for "no such case" and "not a case you may open": the reference reveals nothing.
      await audit(tx, viewer, REQUEST, { target: reference, details: { reason, outcome: "refused" }, at: now });
      return { ok: false, error: "not_found" } as const;
    }
    const expiresAt = new Date(now.getTime() + params.number("break_glass_minutes", today) * 60_000);
    const [grant] = await tx.insert(accessGrants).values({ userId: viewer.userId!, caseId: c.id, reason, grantedAt: now, expiresAt }).returning();
    await audit(tx, viewer, REQUEST, { caseId: c.id, target: reference, details: { reason, outcome: "granted", grantId: grant!.id, expiresAt: expiresAt.toISOString() }, at: now });
    return { ok: true, caseId: c.id, reference: c.reference, grantId: grant!.id, expiresAt } as const;
  });
}

export type ReviewResult = { ok: true } | { ok: false; error: "validation_failed"; issues: FieldIssue[] } | { ok: false; error: "forbidden" | "not_found" };

/**
 * A supervisor of the case's region marks a grant justified or not. Only grants on cases within
 * the supervisor's own jurisdiction, never their own, and each once: the conditional update is the gate.
 */
export async function reviewGrant(db: Db, viewer: Viewer, raw: unknown, now = new Date()): Promise<ReviewResult> {
  if (viewer.kind !== "user" || viewer.role !== "supervisor" || !viewer.userId) return { ok: false, error: "forbidden" };
  const parsed = grantReviewSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, error: "validation_failed", issues: zodIssues(parsed.error) };
  const { grantId, outcome, note } = parsed.data;
  return db.transaction(async (tx) => {
    const inJurisdiction = sql`exists (select 1 from ${cases} where ${cases.id} = ${accessGrants.caseId} and ${caseVisibility(actingAs(viewer)) ?? sql`true`})`;
    const [grant] = await tx
      .update(accessGrants)
      .set({ reviewedBy: viewer.userId, reviewedAt: now, reviewOutcome: outcome, reviewNote: note || null })
      .where(and(eq(accessGrants.id, grantId), isNull(accessGrants.reviewedAt), ne(accessGrants.userId, viewer.userId!), inJurisdiction))
      .returning();
    if (!grant) return { ok: false, error: "not_found" } as const;
    await audit(tx, viewer, "break_glass.review", { caseId: grant.caseId, target: grant.id, details: { grantId: grant.id, outcome, note: note || null, grantee: grant.userId }, at: now });
    return { ok: true } as const;
  });
}
