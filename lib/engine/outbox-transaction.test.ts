import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { cases, notifications, users } from "@/db/schema";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { makeUser } from "@/test/fixtures";
import { notify, refuseAction } from "./effects";
import { perform } from "./perform";
import { registerService } from "./registry";
import type { ActionDefinition, Viewer } from "./types";

/**
 * The outbox is part of the transition: an effect that tells the applicant and then a later check
 * that refuses the action leaves no message behind, in the app, by email or by SMS.
 */
const SERVICE = "test_outbox_transaction";
const answer: ActionDefinition<{ refuseAfterNotifying: boolean }> = {
  from: ["open"],
  to: "answered",
  allowed: ["owner"],
  input: z.object({ refuseAfterNotifying: z.boolean() }),
  effects: [
    async (ctx) => {
      await notify(ctx.tx, { userId: ctx.next.ownerId!, caseId: ctx.next.id, template: "reminders.hpPaymentDue", params: { reference: ctx.next.reference, dueOn: "2026-03-05", amount: 1 }, locale: "ru" });
    },
    async (ctx) => {
      if (ctx.input.refuseAfterNotifying) refuseAction({ rule: "TEST-01", messageKey: "rules.validation.required" });
    },
  ],
};
registerService({
  id: SERVICE,
  referencePrefix: "TX",
  states: ["open", "answered"],
  initialState: "open",
  finalStates: [],
  applicationSchema: z.record(z.string(), z.unknown()),
  intakeGuards: [],
  regionOf: () => "KZ-ALA",
  actions: { answer: answer as unknown as ActionDefinition<never> },
});

describe.each(TEST_ENGINES)("outbox in the transition's transaction on %s", (engine) => {
  let t: TestDatabase;
  let owner: Viewer;
  let caseId: string;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    owner = await makeUser(t.db, "applicant");
    await t.db.update(users).set({ phone: "+77011234567" }).where(eq(users.id, owner.userId!));
    const [row] = await t.db
      .insert(cases)
      .values({ service: SERVICE, reference: "TX-2026-000001-A", status: "open", region: "KZ-ALA", ownerId: owner.userId, filedBy: owner.userId, channel: "online", data: {} })
      .returning();
    caseId = row!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const outbox = () => t.db.select().from(notifications).where(eq(notifications.caseId, caseId));

  it("a transition refused after its notice was written sends nothing; the same transition that succeeds sends it in every channel", async () => {
    const refused = await perform(t.db, owner, caseId, "answer", { refuseAfterNotifying: true }, 1);
    expect(refused).toMatchObject({ ok: false, error: "rule_violation", violations: [{ rule: "TEST-01" }] });
    expect(await outbox()).toEqual([]);
    const [unchanged] = await t.db.select({ status: cases.status, version: cases.version }).from(cases).where(eq(cases.id, caseId));
    expect(unchanged).toEqual({ status: "open", version: 1 });

    expect(await perform(t.db, owner, caseId, "answer", { refuseAfterNotifying: false }, 1)).toMatchObject({ ok: true });
    expect((await outbox()).map((n) => n.channel).sort()).toEqual(["in_app", "sms"]);
  });
});
