import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { applicationDrafts, cases, idempotencyKeys } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import type { Viewer } from "@/lib/engine/types";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { consumeDraftInTx, discardDraft, myDraft, myDrafts, saveDraft } from "./drafts";

describe.each(TEST_ENGINES)("application drafts on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let other: Viewer;
  let clerk: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    other = await makeUser(t.db, "applicant");
    clerk = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const draftInput = (id: string, expectedVersion: number | null, step: string, data: Record<string, unknown>) => ({ id, service: TR_SERVICE, step, data, expectedVersion });

  it("a draft saved on one device is resumed on another at its step; a stale device's save is refused with the latest draft", async () => {
    const id = randomUUID();
    const first = await saveDraft(t.db, applicant, draftInput(id, null, "passport", { person: { surname: "KARIMOV" } }));
    expect(first).toMatchObject({ ok: true, draft: { version: 1, step: "passport" } });

    // Device B opens the draft and continues a step.
    const onB = await myDraft(t.db, applicant, TR_SERVICE);
    expect(onB).toMatchObject({ id, version: 1, step: "passport", data: { person: { surname: "KARIMOV" } } });
    expect(await saveDraft(t.db, applicant, draftInput(id, 1, "stay", { person: { surname: "KARIMOV" }, passport: { passportNumber: "FA1" } }))).toMatchObject({ ok: true, draft: { version: 2 } });

    // Device A still thinks it is at version 1.
    const stale = await saveDraft(t.db, applicant, draftInput(id, 1, "passport", { person: { surname: "OTHER" } }));
    expect(stale).toMatchObject({ ok: false, error: "conflict", draft: { version: 2, step: "stay" } });
    expect((await myDraft(t.db, applicant, TR_SERVICE))!.data).toMatchObject({ passport: { passportNumber: "FA1" } });
  });

  it("one open draft per applicant and service: a second new draft of the same service is refused as a conflict", async () => {
    const again = await saveDraft(t.db, applicant, draftInput(randomUUID(), null, "person", {}));
    expect(again).toMatchObject({ ok: false, error: "conflict", draft: { version: 2 } });
    expect(await myDrafts(t.db, applicant)).toHaveLength(1);
  });

  it("nobody else sees, saves over or discards someone's draft; staff have no drafts", async () => {
    const mine = (await myDraft(t.db, applicant, TR_SERVICE))!;
    expect(await myDraft(t.db, other, TR_SERVICE)).toBeNull();
    expect(await saveDraft(t.db, other, draftInput(mine.id, mine.version, "check", {}))).toMatchObject({ ok: false, error: "conflict", draft: null });
    expect(await discardDraft(t.db, other, mine.id)).toBe(false);
    expect(await saveDraft(t.db, clerk, draftInput(randomUUID(), null, "person", {}))).toEqual({ ok: false, error: "forbidden" });
    expect(await myDrafts(t.db, clerk)).toEqual([]);
    expect((await myDraft(t.db, applicant, TR_SERVICE))!.version).toBe(mine.version);
  });

  it("filing deletes the draft in the case's transaction; a failed filing keeps it", async () => {
    const draft = (await myDraft(t.db, applicant, TR_SERVICE))!;
    const file = (data: unknown) =>
      createCase(t.db, applicant, TR_SERVICE, data, {
        channel: "online",
        submit: true,
        idempotencyKey: draft.id,
        now: at("2026-03-03"),
        inTransaction: (tx) => consumeDraftInTx(tx, applicant, TR_SERVICE),
      });
    // TR-07: a stay ending before entry is refused, nothing is filed, the draft stays.
    expect(await file(trApplication({ stay: { requestedEndDate: "2026-02-01" } }))).toMatchObject({ ok: false });
    expect(await myDraft(t.db, applicant, TR_SERVICE)).not.toBeNull();

    const created = await file(trApplication());
    expect(created.ok).toBe(true);
    expect(await myDraft(t.db, applicant, TR_SERVICE)).toBeNull();
  });

  it("a double click and a retried submit with the draft's id as key create one application", async () => {
    const id = randomUUID();
    await saveDraft(t.db, other, draftInput(id, null, "check", trApplication() as unknown as Record<string, unknown>));
    const submit = () =>
      createCase(t.db, other, TR_SERVICE, trApplication(), {
        channel: "online",
        submit: true,
        idempotencyKey: id,
        now: at("2026-03-03"),
        inTransaction: (tx) => consumeDraftInTx(tx, other, TR_SERVICE),
      });
    // Two at once (double click), then one more after the first response was lost.
    const [a, b] = await Promise.all([submit(), submit()]);
    const retried = await submit();
    const ids = [a, b, retried].map((r) => (r.ok ? r.case.id : null));
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).not.toBeNull();
    const mine = await t.db.select({ id: cases.id }).from(cases).where(eq(cases.ownerId, other.userId!));
    expect(mine).toHaveLength(1);
    expect(await t.db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.key, id)))).toHaveLength(1);
    expect(await t.db.select().from(applicationDrafts).where(eq(applicationDrafts.ownerId, other.userId!))).toHaveLength(0);
  });

  it("an applicant discards their draft", async () => {
    const id = randomUUID();
    await saveDraft(t.db, applicant, draftInput(id, null, "person", {}));
    expect(await discardDraft(t.db, applicant, id)).toBe(true);
    expect(await discardDraft(t.db, applicant, id)).toBe(false);
  });
});
