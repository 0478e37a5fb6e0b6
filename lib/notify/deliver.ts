import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { renderNotification, renderSms } from "./render";
import type { DeliveryTransports } from "./transport";

/** After this many failed attempts a message is dead: it waits for an administrator. */
export const MAX_DELIVERY_ATTEMPTS = 5;
/** Back-off before the next attempt: 1, 4, 9, 16 minutes. */
const backoffMinutes = (attempts: number) => attempts * attempts;
const BATCH = 100;

/**
 * Delivers due messages: SMS rows to the recipient's phone, every other row by email. Rows are
 * claimed with SKIP LOCKED, so two runners never send the same message; a failure is recorded on
 * the row and retried later, up to MAX_DELIVERY_ATTEMPTS.
 */
export async function deliverNotifications(db: Db, transports: DeliveryTransports, now = new Date()): Promise<{ sent: number; failed: number; dead: number }> {
  const result = { sent: 0, failed: 0, dead: 0 };
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await tx
        .select({
          id: notifications.id,
          channel: notifications.channel,
          template: notifications.template,
          params: notifications.params,
          locale: notifications.locale,
          attempts: notifications.attempts,
          email: users.email,
          phone: users.phone,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(and(inArray(notifications.status, ["pending", "failed"]), lte(notifications.nextAttemptAt, now)))
        .orderBy(asc(notifications.nextAttemptAt))
        .limit(BATCH)
        .for("update", { of: notifications, skipLocked: true });
      for (const row of due) {
        const attempts = row.attempts + 1;
        try {
          const params = row.params as Record<string, unknown>;
          if (row.channel === "sms") {
            if (!row.phone) throw new Error("The recipient has no phone number");
            await transports.sms.send({ to: row.phone, text: await renderSms(row.template, params, row.locale) });
          } else {
            const message = await renderNotification(row.template, params, row.locale);
            await transports.mail.send({ to: row.email, subject: message.subject, text: message.body });
          }
          await tx.update(notifications).set({ status: "sent", attempts, sentAt: now, lastError: null }).where(eq(notifications.id, row.id));
          result.sent++;
        } catch (e) {
          const dead = attempts >= MAX_DELIVERY_ATTEMPTS;
          await tx
            .update(notifications)
            .set({
              status: dead ? "dead" : "failed",
              attempts,
              lastError: (e instanceof Error ? e.message : String(e)).slice(0, 500),
              nextAttemptAt: new Date(now.getTime() + backoffMinutes(attempts) * 60_000),
            })
            .where(eq(notifications.id, row.id));
          if (dead) result.dead++;
          else result.failed++;
        }
      }
      return due.length;
    });
    if (batch < BATCH) return result;
  }
}

/** An administrator sends a dead message again: it gets a fresh set of attempts. */
export async function retryDeadNotification(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, lastError: null })
    .where(and(eq(notifications.id, id), eq(notifications.status, "dead")))
    .returning({ id: notifications.id });
  return rows.length === 1;
}
