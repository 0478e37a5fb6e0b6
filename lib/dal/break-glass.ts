import "server-only";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { accessGrants, auditLog, cases, users } from "@/db/schema";
import { actingAs, caseVisibility } from "@/lib/engine/access";
import type { Viewer } from "@/lib/engine/types";

/** Read side of break-glass grants (the engine side is lib/engine/break-glass.ts). */

export interface GrantReviewRow {
  id: string;
  reference: string;
  caseId: string;
  caseRegion: string;
  granteeName: string;
  granteeRole: string;
  granteeRegions: string[];
  reason: string;
  grantedAt: Date;
  expiresAt: Date;
  /** How many times the case was read under this grant. */
  reads: number;
  reviewedAt: Date | null;
  reviewOutcome: "justified" | "not_justified" | null;
  reviewerName: string | null;
  reviewNote: string | null;
}

const reviewer = alias(users, "reviewer");

/**
 * Grants on cases of the supervisor's own regions and services (opened by staff from elsewhere),
 * those still to review first, newest first. Other staff get nothing.
 */
export async function listGrantsForReview(db: DbOrTx, viewer: Viewer, limit = 100): Promise<GrantReviewRow[]> {
  if (viewer.role !== "supervisor") return [];
  const reads = sql<number>`(select count(*)::int from ${auditLog} where ${auditLog.caseId} = ${accessGrants.caseId}
    and ${auditLog.actorId} = ${accessGrants.userId} and ${auditLog.details} ->> 'breakGlassGrantId' = ${accessGrants.id}::text)`;
  return db
    .select({
      id: accessGrants.id,
      reference: cases.reference,
      caseId: cases.id,
      caseRegion: cases.region,
      granteeName: users.displayName,
      granteeRole: users.role,
      granteeRegions: users.regions,
      reason: accessGrants.reason,
      grantedAt: accessGrants.grantedAt,
      expiresAt: accessGrants.expiresAt,
      reads,
      reviewedAt: accessGrants.reviewedAt,
      reviewOutcome: accessGrants.reviewOutcome,
      reviewerName: reviewer.displayName,
      reviewNote: accessGrants.reviewNote,
    })
    .from(accessGrants)
    .innerJoin(cases, eq(cases.id, accessGrants.caseId))
    .innerJoin(users, eq(users.id, accessGrants.userId))
    .leftJoin(reviewer, eq(reviewer.id, accessGrants.reviewedBy))
    .where(and(caseVisibility(actingAs(viewer)), sql`${accessGrants.userId} <> ${viewer.userId}`))
    .orderBy(sql`${accessGrants.reviewedAt} is not null`, desc(accessGrants.grantedAt), asc(accessGrants.id))
    .limit(limit);
}

/** The viewer's own grants that are still live, for the break-glass page. */
export async function listMyLiveGrants(db: DbOrTx, viewer: Viewer, now = new Date()): Promise<{ id: string; reference: string; expiresAt: Date }[]> {
  if (!viewer.userId || !viewer.breakGlass?.length) return [];
  return db
    .select({ id: accessGrants.id, reference: cases.reference, expiresAt: accessGrants.expiresAt })
    .from(accessGrants)
    .innerJoin(cases, eq(cases.id, accessGrants.caseId))
    .where(and(eq(accessGrants.userId, viewer.userId), gt(accessGrants.expiresAt, now)))
    .orderBy(desc(accessGrants.expiresAt));
}

/** How many grants on the supervisor's cases still wait for a review. */
export async function countGrantsToReview(db: DbOrTx, viewer: Viewer): Promise<number> {
  if (viewer.role !== "supervisor") return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(accessGrants)
    .innerJoin(cases, eq(cases.id, accessGrants.caseId))
    .where(and(caseVisibility(actingAs(viewer)), isNull(accessGrants.reviewedAt), sql`${accessGrants.userId} <> ${viewer.userId}`));
  return row?.n ?? 0;
}
