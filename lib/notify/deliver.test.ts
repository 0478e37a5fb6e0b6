import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { notifications, users } from "@/db/schema";
import { notify } from "@/lib/engine/effects";
import type { Viewer } from "@/lib/engine/types";
import ru from "@/lib/i18n/messages/ru/common.json";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { makeUser } from "@/test/fixtures";
import { deliverNotifications, MAX_DELIVERY_ATTEMPTS, retryDeadNotification } from "./deliver";
import { SMS_OUTBOX_ONLY, type DeliveryTransports, type MailTransport, type OutgoingMail } from "./transport";

function recorder(failWith?: string): DeliveryTransports & { sent: OutgoingMail[] } {
  const sent: OutgoingMail[] = [];
  const mail: MailTransport = {
    kind: "smtp",
    send: async (m) => {
      if (failWith) throw new Error(failWith);
      sent.push(m);
    },
  };
  return { mail, sms: SMS_OUTBOX_ONLY, sent };
}

const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe.each(TEST_ENGINES)("notification outbox on %s", (engine) => {
  let t: TestDatabase;
  let person: Viewer;
  let email: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    person = await makeUser(t.db, "applicant");
    const [row] = await t.db.select({ email: users.email }).from(users).where(eq(users.id, person.userId!));
    email = row!.email;
  });
  afterAll(async () => {
    await t?.close();
  });

  const write = (template: string, dedupeKey?: string) =>
    t.db.transaction((tx) => notify(tx, { userId: person.userId!, template, params: { time: "1:30" }, locale: "ru", dedupeKey }));
  const rowsOf = (template: string) => t.db.select().from(notifications).where(eq(notifications.template, template));

  it("a message written in a transaction that fails is never kept, so nothing is sent", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await notify(tx, { userId: person.userId!, template: "common.sessionTimeout.stay", locale: "ru" });
        throw new Error("the transition failed");
      }),
    ).rejects.toThrow("the transition failed");
    expect(await rowsOf("common.sessionTimeout.stay")).toHaveLength(0);
  });

  it("the same dedupe key writes one message however often a job repeats", async () => {
    await write("common.sessionTimeout.staying", "reminder:1:-45");
    await write("common.sessionTimeout.staying", "reminder:1:-45");
    expect(await rowsOf("common.sessionTimeout.staying")).toHaveLength(1);
  });

  it("delivers by email in the recipient's language and marks the message sent", async () => {
    await write("common.sessionTimeout.body");
    const transport = recorder();
    const now = new Date();
    await deliverNotifications(t.db, transport, now);
    const mail = transport.sent.find((m) => m.text === ru.sessionTimeout.body.replace("{time}", "1:30"));
    expect(mail).toMatchObject({ to: email, subject: ru.appName });
    const [row] = await rowsOf("common.sessionTimeout.body");
    expect(row).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    // Nothing is sent twice.
    await deliverNotifications(t.db, transport, minutes(now, 1));
    expect(transport.sent.filter((m) => m === mail || m.text === mail!.text)).toHaveLength(1);
  });

  it("a failing delivery is retried with back-off, becomes dead after the last attempt, and an administrator can send it again", async () => {
    await write("common.sessionTimeout.expiredTitle");
    const failing = recorder("SMTP 451 try later");
    let now = new Date(Date.now() + 10_000);
    await deliverNotifications(t.db, failing, now);
    let [row] = await rowsOf("common.sessionTimeout.expiredTitle");
    expect(row).toMatchObject({ status: "failed", attempts: 1, lastError: "SMTP 451 try later" });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());

    // Not due yet: nothing happens before the back-off has passed.
    await deliverNotifications(t.db, failing, new Date(row!.nextAttemptAt.getTime() - 1000));
    [row] = await rowsOf("common.sessionTimeout.expiredTitle");
    expect(row!.attempts).toBe(1);

    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
      now = row!.nextAttemptAt;
      await deliverNotifications(t.db, failing, now);
      [row] = await rowsOf("common.sessionTimeout.expiredTitle");
      expect(row!.attempts).toBe(attempt);
    }
    expect(row!.status).toBe("dead");
    await deliverNotifications(t.db, failing, minutes(now, 60 * 24));
    [row] = await rowsOf("common.sessionTimeout.expiredTitle");
    expect(row!.attempts).toBe(MAX_DELIVERY_ATTEMPTS);

    expect(await retryDeadNotification(t.db, row!.id)).toBe(true);
    const working = recorder();
    await deliverNotifications(t.db, working, minutes(new Date(), 1));
    [row] = await rowsOf("common.sessionTimeout.expiredTitle");
    expect(row).toMatchObject({ status: "sent", attempts: 1 });
    expect(working.sent.map((m) => m.text)).toContain(ru.sessionTimeout.expiredTitle);
    // Only dead messages can be retried by hand.
    expect(await retryDeadNotification(t.db, row!.id)).toBe(false);
  });

  it("two runners at once send each message once", async () => {
    for (let i = 0; i < 6; i++) await write("common.sessionTimeout.signIn", `parallel:${i}`);
    const a = recorder();
    const b = recorder();
    const now = minutes(new Date(), 2);
    await Promise.all([deliverNotifications(t.db, a, now), deliverNotifications(t.db, b, now)]);
    const texts = [...a.sent, ...b.sent].filter((m) => m.text === ru.sessionTimeout.signIn);
    expect(texts).toHaveLength(6);
  });
});
