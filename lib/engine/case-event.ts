import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { caseEvents, cases } from "@/db/schema";
import { Rollback } from "./perform";
import { toSnapshot } from "./snapshot";
import type { CaseSnapshot, Viewer } from "./types";

/**
 * A change beside the state machine (assignment, approval, duplicate resolution, deadline extension):
 * the case keeps its status, its version goes up by one under the version check, so concurrent
 * writers conflict as with any action, and one event tells the story.
 */
export async function recordCaseEvent(
  tx: Tx,
  e: {
    viewer: Viewer;
    current: CaseSnapshot;
    expectedVersion: number;
    now: Date;
    action: string;
    /** Columns the change sets on the case besides version and update time. */
    set?: Partial<Pick<typeof cases.$inferInsert, "assigneeId" | "leaseExpiresAt" | "flags" | "dueOn" | "clockRemainingDays">>;
    payload: Record<string, unknown>;
    reason?: string | null;
    visibleToApplicant?: boolean;
  },
): Promise<{ case: CaseSnapshot; eventId: number }> {
  const [row] = await tx
    .update(cases)
    .set({ ...e.set, version: sql`${cases.version} + 1`, updatedAt: e.now })
    .where(and(eq(cases.id, e.current.id), eq(cases.version, e.expectedVersion)))
    .returning();
  if (!row) throw new Rollback({ ok: false, error: "version_conflict" });
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId: e.current.id,
      version: row.version,
      at: e.now,
      actorId: e.viewer.userId,
      actorRole: e.viewer.role,
      action: e.action,
      fromStatus: e.current.status,
      toStatus: e.current.status,
      payload: e.payload,
      reason: e.reason ?? null,
      visibleToApplicant: e.visibleToApplicant ?? false,
    })
    .returning({ id: caseEvents.id });
  return { case: toSnapshot(row), eventId: event!.id };
}
