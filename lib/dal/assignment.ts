import "server-only";
import { and, arrayContains, arrayOverlaps, asc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications, users } from "@/db/schema";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";

/** Officers and supervisors who may be given this case: active, with its region and service. */
export async function assignableStaff(db: DbOrTx, viewer: Viewer, c: Pick<CaseSnapshot, "region" | "service">): Promise<{ id: string; name: string }[]> {
  if (viewer.role !== "supervisor") return [];
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(and(inArray(users.role, ["officer", "supervisor"]), isNull(users.disabledAt), arrayContains(users.regions, [c.region]), arrayContains(users.services, [c.service])))
    .orderBy(asc(users.displayName));
}

/**
 * The officers and supervisors who share a region and a service with the viewer: whom the queue
 * can be filtered by and to whom a supervisor can move cases (the engine still checks each case).
 * Auditors see everyone's work.
 */
export async function teamMembers(db: DbOrTx, viewer: Viewer): Promise<{ id: string; name: string; role: "officer" | "supervisor" }[]> {
  const everywhere = viewer.role === "auditor";
  if (!everywhere && !["clerk", "officer", "supervisor"].includes(viewer.role)) return [];
  if (!everywhere && (!viewer.regions.length || !viewer.services.length)) return [];
  const rows = await db
    .select({ id: users.id, name: users.displayName, role: users.role })
    .from(users)
    .where(
      and(
        inArray(users.role, ["officer", "supervisor"]),
        isNull(users.disabledAt),
        everywhere ? undefined : arrayOverlaps(users.regions, [...viewer.regions]),
        everywhere ? undefined : arrayOverlaps(users.services, [...viewer.services]),
      ),
    )
    .orderBy(asc(users.displayName));
  return rows as { id: string; name: string; role: "officer" | "supervisor" }[];
}

/** Messages to a staff member not read yet (e.g. a case of theirs was taken), newest first. */
export async function unreadStaffNotices(db: DbOrTx, viewer: Viewer): Promise<{ id: string; template: string; params: Record<string, string | number>; caseId: string | null }[]> {
  if (!viewer.userId || viewer.role === "applicant") return [];
  const rows = await db
    .select({ id: notifications.id, template: notifications.template, params: notifications.params, caseId: notifications.caseId })
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt)))
    .orderBy(asc(notifications.createdAt))
    .limit(20);
  return rows.map((r) => ({ ...r, params: r.params as Record<string, string | number> }));
}

export async function markNoticeRead(db: DbOrTx, viewer: Viewer, id: string): Promise<void> {
  if (!viewer.userId) return;
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.id, id), eq(notifications.userId, viewer.userId)));
}
