import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { AuthzError } from "@/lib/auth/errors";
import { notify } from "@/lib/engine/effects";
import type { Viewer } from "@/lib/engine/types";
import kk from "@/lib/i18n/messages/kk/common.json";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { makeUser } from "@/test/fixtures";
import { listOutbox, retryOutboxMessage } from "./outbox";

describe.each(TEST_ENGINES)("outbox viewer on %s", (engine) => {
  let t: TestDatabase;
  let admin: Viewer;
  let officer: Viewer;
  let recipient: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    admin = await makeUser(t.db, "admin");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: ["temporary_registration"] });
    recipient = await makeUser(t.db, "applicant");
    await t.db.transaction((tx) => notify(tx, { userId: recipient.userId!, template: "common.sessionTimeout.title", locale: "kk" }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it("shows administrators each message in its recipient's language, and records that they looked", async () => {
    const items = await listOutbox(t.db, admin, {});
    expect(items.map((i) => i.body)).toContain(kk.sessionTimeout.title);
    expect(items[0]).toMatchObject({ status: "pending", locale: "kk", attempts: 0 });
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, "outbox.view"));
    expect(audits.some((a) => a.actorId === admin.userId)).toBe(true);
    expect(await listOutbox(t.db, admin, { status: "dead" })).toEqual([]);
  });

  it("nobody else can read or resend messages", async () => {
    await expect(listOutbox(t.db, officer, {})).rejects.toBeInstanceOf(AuthzError);
    await expect(listOutbox(t.db, recipient, {})).rejects.toBeInstanceOf(AuthzError);
    const [item] = await listOutbox(t.db, admin, {});
    await expect(retryOutboxMessage(t.db, officer, item!.id)).rejects.toBeInstanceOf(AuthzError);
    // A message that is not dead is not resent.
    expect(await retryOutboxMessage(t.db, admin, item!.id)).toBe(false);
  });
});
