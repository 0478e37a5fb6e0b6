import "server-only";
import { and, asc, eq, ne, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { caseApprovals, cases, users } from "@/db/schema";
import { caseVisibility } from "@/lib/engine/access";
import { allServices } from "@/lib/engine/registry";
import type { Viewer } from "@/lib/engine/types";
// Which actions need approval is read from the service definitions, so they must be registered.
import "@/lib/services";

/** Proposals (four-eyes) as staff see them: the inbox of approvers and the banner on a case. */

export interface ApprovalView {
  id: string;
  caseId: string;
  reference: string;
  service: string;
  status: string;
  region: string;
  dueOn: string | null;
  clockRemainingDays: number | null;
  action: string;
  input: Record<string, unknown>;
  proposedAt: Date;
  proposedBy: string;
  proposerName: string;
  /** The case changed since the proposal: approving it would be a version conflict. */
  stale: boolean;
  /** The viewer's own proposal: they may withdraw it, never decide it. */
  mine: boolean;
  /** The viewer may approve or reject it. */
  mayDecide: boolean;
}

/** (service, action) pairs whose approval this viewer's role gives, as a SQL condition. */
function approvableBy(viewer: Viewer): SQL | undefined {
  const pairs = allServices().flatMap((s) =>
    Object.entries(s.actions)
      .filter(([, a]) => (a.approval?.by as readonly string[] | undefined)?.includes(viewer.role))
      .map(([name]) => [s.id, name] as const),
  );
  if (!pairs.length) return undefined;
  return or(...pairs.map(([service, action]) => and(eq(cases.service, service), eq(caseApprovals.action, action))));
}

const STAFF = new Set(["officer", "supervisor", "reviewer", "clerk", "auditor"]);

async function pending(db: DbOrTx, viewer: Viewer, where: SQL | undefined, limit: number): Promise<ApprovalView[]> {
  const approvable = approvableBy(viewer);
  const rows = await db
    .select({
      id: caseApprovals.id,
      caseId: cases.id,
      reference: cases.reference,
      service: cases.service,
      status: cases.status,
      region: cases.region,
      dueOn: cases.dueOn,
      clockRemainingDays: cases.clockRemainingDays,
      version: cases.version,
      expectedVersion: caseApprovals.expectedVersion,
      action: caseApprovals.action,
      input: caseApprovals.input,
      proposedAt: caseApprovals.proposedAt,
      proposedBy: caseApprovals.proposedBy,
      proposerName: users.displayName,
      approvable: approvable ? sql<boolean>`(${approvable})` : sql<boolean>`false`,
    })
    .from(caseApprovals)
    .innerJoin(cases, eq(cases.id, caseApprovals.caseId))
    .innerJoin(users, eq(users.id, caseApprovals.proposedBy))
    .where(and(eq(caseApprovals.status, "pending"), caseVisibility(viewer), where))
    .orderBy(asc(caseApprovals.proposedAt))
    .limit(limit);
  return rows.map(({ version, expectedVersion, approvable: canApprove, ...r }) => ({
    ...r,
    input: (r.input ?? {}) as Record<string, unknown>,
    stale: version !== expectedVersion,
    mine: r.proposedBy === viewer.userId,
    mayDecide: Boolean(canApprove) && r.proposedBy !== viewer.userId && viewer.role !== "auditor",
  }));
}

/** The pending proposal on a case, for staff who see the case (applicants never see proposals). */
export async function pendingApprovalForCase(db: DbOrTx, viewer: Viewer, caseId: string): Promise<ApprovalView | null> {
  if (!STAFF.has(viewer.role) || !/^[0-9a-f-]{36}$/i.test(caseId)) return null;
  const [row] = await pending(db, viewer, eq(caseApprovals.caseId, caseId), 1);
  return row ?? null;
}

/**
 * The approver's inbox, oldest first: proposals they may decide in their regions and services, and
 * their own proposals still waiting (to withdraw).
 */
export async function approvalInbox(db: DbOrTx, viewer: Viewer): Promise<ApprovalView[]> {
  if (!viewer.userId || !STAFF.has(viewer.role)) return [];
  const approvable = approvableBy(viewer);
  const mine = eq(caseApprovals.proposedBy, viewer.userId);
  return pending(db, viewer, approvable ? or(approvable, mine) : mine, 500);
}

/** How many proposals wait for this viewer's decision (the header link). */
export async function approvalInboxCount(db: DbOrTx, viewer: Viewer): Promise<number> {
  const approvable = approvableBy(viewer);
  if (!viewer.userId || !approvable || viewer.role === "auditor") return 0;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(caseApprovals)
    .innerJoin(cases, eq(cases.id, caseApprovals.caseId))
    .where(and(eq(caseApprovals.status, "pending"), ne(caseApprovals.proposedBy, viewer.userId), caseVisibility(viewer), approvable));
  return Number(row?.n ?? 0);
}

/** Whether the viewer's role approves anything at all (shows the inbox link). */
export function isApprover(viewer: Viewer | null): boolean {
  return Boolean(viewer && viewer.role !== "auditor" && approvableBy(viewer));
}

