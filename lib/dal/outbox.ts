import "server-only";
import { and, desc, eq, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { AuthzError } from "@/lib/auth/errors";
import type { Viewer } from "@/lib/engine/types";
import { retryDeadNotification } from "@/lib/notify/deliver";
import { renderNotification, renderSms, type RenderedMessage } from "@/lib/notify/render";
import { recordAudit } from "./audit";

export const OUTBOX_STATUSES = ["pending", "sent", "failed", "dead"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxItem extends RenderedMessage {
  id: string;
  /** An SMS goes to the phone number, everything else is emailed. */
  channel: "email" | "sms";
  to: string;
  locale: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

function requireAdmin(viewer: Viewer): void {
  if (viewer.kind !== "user" || viewer.role !== "admin") throw new AuthzError("forbidden");
}

/**
 * The latest messages as their recipients read them: the administrators' view of what was sent and
 * what failed (and, without an SMTP server, the only place emails go). Reading it is audited.
 */
export async function listOutbox(db: Db, viewer: Viewer, filter: { status?: OutboxStatus }, limit = 100): Promise<OutboxItem[]> {
  requireAdmin(viewer);
  const where: SQL | undefined = filter.status ? eq(notifications.status, filter.status) : undefined;
  const rows = await db
    .select({ n: notifications, email: users.email, phone: users.phone })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(where))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  await recordAudit(db, { viewer, action: "outbox.view", channel: "page", details: { status: filter.status ?? null, count: rows.length } });
  return Promise.all(
    rows.map(async ({ n, email, phone }) => ({
      id: n.id,
      channel: n.channel === "sms" ? ("sms" as const) : ("email" as const),
      to: n.channel === "sms" ? (phone ?? "—") : email,
      locale: n.locale,
      status: n.status,
      attempts: n.attempts,
      lastError: n.lastError,
      createdAt: n.createdAt,
      sentAt: n.sentAt,
      ...(n.channel === "sms"
        ? { subject: "SMS", body: await renderSms(n.template, n.params as Record<string, unknown>, n.locale).catch(() => n.template) }
        : await renderNotification(n.template, n.params as Record<string, unknown>, n.locale)),
    })),
  );
}

/** Sends a dead message again (audited); false when it is not dead (any more). */
export async function retryOutboxMessage(db: Db, viewer: Viewer, id: string): Promise<boolean> {
  requireAdmin(viewer);
  const ok = await retryDeadNotification(db, id);
  if (ok) await recordAudit(db, { viewer, action: "outbox.retry", channel: "action", target: id });
  return ok;
}
