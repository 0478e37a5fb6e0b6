import "server-only";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";

/** The signed-in person's in-app messages from the outbox, of any service. */
export async function myNotifications(db: DbOrTx, viewer: Viewer) {
  if (!viewer.userId) return [];
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.userId), eq(notifications.channel, "in_app")))
    .orderBy(desc(notifications.createdAt))
    .limit(100);
}

export async function unreadNotificationCount(db: DbOrTx, viewer: Viewer): Promise<number> {
  if (!viewer.userId) return 0;
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, viewer.userId), eq(notifications.channel, "in_app"), isNull(notifications.readAt)))
    .limit(100);
  return rows.length;
}

/** Marks the viewer's own messages read; someone else's ids match nothing. */
export async function markNotificationsRead(db: DbOrTx, viewer: Viewer, ids: readonly string[], at = new Date()): Promise<void> {
  if (!viewer.userId || !ids.length) return;
  await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, viewer.userId), inArray(notifications.id, [...ids]), isNull(notifications.readAt)));
}
