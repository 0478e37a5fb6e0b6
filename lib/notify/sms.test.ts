import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { notifications, users } from "@/db/schema";
import { notify } from "@/lib/engine/effects";
import type { Viewer } from "@/lib/engine/types";
import ru from "@/lib/i18n/messages/ru/reminders.json";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { makeUser } from "@/test/fixtures";
import { deliverNotifications } from "./deliver";
import { OUTBOX_ONLY, httpSmsTransport, smsTransportFromEnv } from "./transport";

/** A local stand-in for an SMS gateway: records each request and answers with the next status. */
function gateway() {
  const received: { headers: IncomingMessage["headers"]; body: unknown }[] = [];
  const statuses: number[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      const status = statuses.shift() ?? 202;
      res.writeHead(status, { "content-type": "application/json" }).end(status < 300 ? '{"id":"m1"}' : '{"error":"quota exceeded"}');
    });
  });
  return {
    received,
    statuses,
    start: () => new Promise<string>((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("the HTTP SMS gateway adapter", () => {
  const gw = gateway();
  let url: string;
  beforeAll(async () => {
    url = await gw.start();
  });
  afterAll(() => gw.stop());

  it("posts one JSON message with the bearer token and sender", async () => {
    await httpSmsTransport(url, "secret-token", "MIGRATION").send({ to: "+77011234567", text: "Сәлем" });
    expect(gw.received.at(-1)).toMatchObject({ headers: { authorization: "Bearer secret-token", "content-type": "application/json" }, body: { to: "+77011234567", text: "Сәлем", sender: "MIGRATION" } });
  });

  it("a non-2xx answer is a failed attempt with the gateway's status", async () => {
    gw.statuses.push(429);
    await expect(httpSmsTransport(url).send({ to: "+77011234567", text: "x" })).rejects.toThrow(/^SMS gateway answered 429: .*quota exceeded/);
    expect(gw.received.at(-1)!.headers.authorization).toBeUndefined();
  });

  it("without SMS_URL messages stay in the outbox; with it they go to the gateway", () => {
    expect(smsTransportFromEnv({}).kind).toBe("outbox");
    expect(smsTransportFromEnv({ SMS_URL: url, SMS_TOKEN: "t" }).kind).toBe("http");
  });
});

describe.each(TEST_ENGINES)("SMS in the outbox on %s", (engine) => {
  let t: TestDatabase;
  let withPhone: Viewer;
  let withoutPhone: Viewer;
  const gw = gateway();
  let url: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    url = await gw.start();
    withPhone = await makeUser(t.db, "applicant");
    withoutPhone = await makeUser(t.db, "applicant");
    await t.db.update(users).set({ phone: "+77011234567", locale: "ru" }).where(eq(users.id, withPhone.userId!));
  });
  afterAll(async () => {
    await gw.stop();
    await t?.close();
  });

  const write = (userId: string, template: string, dedupeKey: string) =>
    t.db.transaction((tx) => notify(tx, { userId, template, params: { reference: "HP-2026-000001-A", dueOn: "2026-03-05", amount: 27600 }, locale: "ru", dedupeKey }));
  const rows = (userId: string) => t.db.select().from(notifications).where(eq(notifications.userId, userId));

  it("an event with a short SMS text writes an SMS row beside the in-app one, only for a recipient with a phone, once per dedupe key", async () => {
    await write(withPhone.userId!, "reminders.hpPaymentDue", "sms-test:1");
    await write(withPhone.userId!, "reminders.hpPaymentDue", "sms-test:1");
    await write(withoutPhone.userId!, "reminders.hpPaymentDue", "sms-test:2");
    // No SMS text: in the app (and by email) only.
    await write(withPhone.userId!, "common.sessionTimeout.stay", "sms-test:3");
    expect((await rows(withPhone.userId!)).map((r) => `${r.template}/${r.channel}`).sort()).toEqual(["common.sessionTimeout.stay/in_app", "reminders.hpPaymentDue/in_app", "reminders.hpPaymentDue/sms"]);
    expect((await rows(withoutPhone.userId!)).map((r) => r.channel)).toEqual(["in_app"]);
  });

  it("delivery sends the short text in the recipient's language to their phone, and a gateway failure is retried", async () => {
    gw.statuses.push(503);
    const transports = { mail: OUTBOX_ONLY, sms: httpSmsTransport(url, "t") };
    const now = new Date(Date.now() + 5_000);
    await deliverNotifications(t.db, transports, now);
    const sms = () => t.db.select().from(notifications).where(and(eq(notifications.userId, withPhone.userId!), eq(notifications.channel, "sms")));
    let [row] = await sms();
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toMatch(/503/);

    await deliverNotifications(t.db, transports, row!.nextAttemptAt);
    [row] = await sms();
    expect(row).toMatchObject({ status: "sent", attempts: 2 });
    const text = ru.hpPaymentDueSms.replace("{amount}", "27600").replace("{reference}", "HP-2026-000001-A").replace("{dueOn}", "5 марта 2026 г.");
    expect(gw.received.at(-1)!.body).toEqual({ to: "+77011234567", text });
  });
});
