import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { applicationDrafts, cases, notifications, ruleParameters, users } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";
import { loadParameters } from "@/lib/rules/load";
import { HP_SERVICE, TR_SERVICE } from "@/lib/services/ids";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser } from "@/test/fixtures";
import { runReminderSweep, trRegistrationReminder } from "./reminders";

describe.each(TEST_ENGINES)("reminders before deadlines on %s", (engine) => {
  let t: TestDatabase;
  let kk: Viewer;
  let ru: Viewer;
  let n = 0;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    kk = await makeUser(t.db, "applicant");
    ru = await makeUser(t.db, "applicant");
    await t.db.update(users).set({ locale: "kk", phone: "+77011234567" }).where(eq(users.id, kk.userId!));
    await t.db.update(users).set({ locale: "ru" }).where(eq(users.id, ru.userId!));
  });
  afterAll(async () => {
    await t?.close();
  });

  const messagesOf = (userId: string, template: string) =>
    t.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.template, template)));
  const insertCase = async (owner: Viewer, service: string, status: string, data: Record<string, unknown>) => {
    n += 1;
    const [row] = await t.db
      .insert(cases)
      .values({ service, reference: `X-2026-${String(n).padStart(6, "0")}-R`, status, region: "KZ-ALA", ownerId: owner.userId, filedBy: owner.userId, channel: "online", data })
      .returning();
    return row!;
  };

  it("TR-02: day 4 after entry (day 0) until the 5-day deadline is reminder time, from the parameters in force on the entry date", async () => {
    const params = await loadParameters(t.db);
    expect(trRegistrationReminder("2026-03-01", "2026-03-04", params)).toBeNull();
    expect(trRegistrationReminder("2026-03-01", "2026-03-05", params)).toEqual({ deadline: "2026-03-06", days: 5 });
    expect(trRegistrationReminder("2026-03-01", "2026-03-06", params)).toEqual({ deadline: "2026-03-06", days: 5 });
    expect(trRegistrationReminder("2026-03-01", "2026-03-07", params)).toBeNull();
  });

  it("TR-02: an unsent registration draft is reminded once on day 4, in the owner's language, in the app and by SMS", async () => {
    const draftId = randomUUID();
    await t.db.insert(applicationDrafts).values({ id: draftId, ownerId: kk.userId!, service: TR_SERVICE, step: "address", data: { stay: { entryDate: "2026-03-01" } } });
    await runReminderSweep(t.db, at("2026-03-04", "12:00:00"));
    expect(await messagesOf(kk.userId!, "reminders.trUnsent")).toHaveLength(0);
    await runReminderSweep(t.db, at("2026-03-05", "09:00:00"));
    await runReminderSweep(t.db, at("2026-03-05", "10:00:00"));
    await runReminderSweep(t.db, at("2026-03-06", "09:00:00"));
    const sent = await messagesOf(kk.userId!, "reminders.trUnsent");
    expect(sent.map((m) => m.channel).sort()).toEqual(["in_app", "sms"]);
    expect(sent[0]).toMatchObject({ locale: "kk", params: { deadline: "2026-03-06", days: 5, entryDate: "2026-03-01" } });
  });

  it("TR-02: an application returned for correction is reminded on day 4; an EAEU worker (TR-05, 30 days) is not", async () => {
    const returned = await insertCase(ru, TR_SERVICE, "returned_for_correction", { stay: { entryDate: "2026-04-01" } });
    await insertCase(ru, TR_SERVICE, "returned_for_correction", { stay: { entryDate: "2026-04-01", eaeuWorker: true } });
    await runReminderSweep(t.db, at("2026-04-05"));
    const sent = await messagesOf(ru.userId!, "reminders.trReturned");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ caseId: returned.id, locale: "ru", channel: "in_app" });
  });

  it("HP-17: the permit holder is reminded 30 and 7 days before the permit ends; an extension starts the reminders again", async () => {
    const permit = await insertCase(ru, HP_SERVICE, "active", { permit: { validFrom: "2026-01-01", validUntil: "2026-06-30", extensions: 0 } });
    const offsets = async () => (await messagesOf(ru.userId!, "reminders.hpPermitExpiry")).filter((m) => m.caseId === permit.id).map((m) => m.dedupeKey!.split(":").at(-1)).sort();
    await runReminderSweep(t.db, at("2026-05-30"));
    expect(await offsets()).toEqual([]);
    await runReminderSweep(t.db, at("2026-05-31"));
    await runReminderSweep(t.db, at("2026-06-10"));
    expect(await offsets()).toEqual(["30"]);
    await runReminderSweep(t.db, at("2026-06-23"));
    await runReminderSweep(t.db, at("2026-06-30"));
    await runReminderSweep(t.db, at("2026-07-01"));
    expect(await offsets()).toEqual(["30", "7"]);
    // Extended to the end of the year: the new end date has reminders of its own.
    await t.db.update(cases).set({ data: { permit: { validFrom: "2026-01-01", validUntil: "2026-12-31", extensions: 1 } } }).where(eq(cases.id, permit.id));
    await runReminderSweep(t.db, at("2026-12-01"));
    expect(await offsets()).toEqual(["30", "30", "7"]);
  });

  it("HP-14: the fee is reminded 3 and 1 days before it is due; with working-day offsets in force the calendar counts them", async () => {
    const approved = await insertCase(ru, HP_SERVICE, "approved_awaiting_payment", { invoice: { months: 3, monthlyRateKzt: 9200, amountKzt: 27600, dueOn: "2026-03-12" } });
    const keys = async () => (await messagesOf(ru.userId!, "reminders.hpPaymentDue")).filter((m) => m.caseId === approved.id).map((m) => m.dedupeKey);
    await runReminderSweep(t.db, at("2026-03-08"));
    expect(await keys()).toEqual([]);
    await runReminderSweep(t.db, at("2026-03-09"));
    expect(await keys()).toEqual([`reminder:hp-payment:${approved.id}:2026-03-12:3`]);
    const [first] = await messagesOf(ru.userId!, "reminders.hpPaymentDue");
    expect(first!.params).toMatchObject({ amount: 27600, dueOn: "2026-03-12" });

    // From 2026-04-01 the offset counts working days. A fee due Monday 6 April: two working days
    // before it is Thursday 2 April (Friday 3 and Monday 6 are the two), not Saturday 4 April.
    await t.db.insert(ruleParameters).values({ key: "hp_payment_reminders", value: { offsets: [2], unit: "working_days" }, effectiveFrom: "2026-04-01", description: "test", source: "test" });
    const later = await insertCase(ru, HP_SERVICE, "approved_awaiting_payment", { invoice: { months: 1, monthlyRateKzt: 9200, amountKzt: 9200, dueOn: "2026-04-06" } });
    const laterKeys = async () => (await t.db.select().from(notifications).where(and(eq(notifications.caseId, later.id), like(notifications.dedupeKey, "reminder:%")))).map((m) => m.dedupeKey);
    await runReminderSweep(t.db, at("2026-04-01"));
    expect(await laterKeys()).toEqual([]);
    await runReminderSweep(t.db, at("2026-04-02"));
    expect(await laterKeys()).toEqual([`reminder:hp-payment:${later.id}:2026-04-06:2`]);
  });
});
