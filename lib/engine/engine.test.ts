import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { attachments, caseEvents, cases, issuedDocuments } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER, type Viewer } from "@/lib/engine/types";
import { runDueJobs } from "@/lib/jobs/runner";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";

describe.each(TEST_ENGINES)("case engine on %s", (engine) => {
  let t: TestDatabase;
  let applicantA: Viewer;
  let applicantB: Viewer;
  let officerAlmaty: Viewer;
  let officerAstana: Viewer;
  let auditor: Viewer;
  let clerk: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicantA = await makeUser(t.db, "applicant");
    applicantB = await makeUser(t.db, "applicant");
    officerAlmaty = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    officerAstana = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    auditor = await makeUser(t.db, "auditor");
    clerk = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
  });
  afterAll(async () => t?.close());

  async function fileCase(viewer = applicantA, app = trApplication(), now = at("2026-03-03")) {
    const r = await createCase(t.db, viewer, TR_SERVICE, app, { channel: "online", submit: true, now });
    if (!r.ok) throw new Error(`filing failed: ${JSON.stringify(r)}`);
    return r.case;
  }

  async function eventsOf(caseId: string) {
    return t.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.version);
  }

  it("files a case with a checked reference, a due date on the working-day calendar and one event per transition", async () => {
    const c = await fileCase();
    expect(c.status).toBe("submitted");
    expect(c.reference).toMatch(/^TR-2026-\d{6}-[A-Z]$/);
    expect(c.version).toBe(2);
    // Tuesday 3 March 2026 + 1 working day
    expect(c.dueOn).toBe("2026-03-04");
    const events = await eventsOf(c.id);
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus, e.version])).toEqual([
      ["create", null, "draft", 1],
      ["submit", "draft", "submitted", 2],
    ]);
  });

  it("every transition writes exactly one event, and the clock stops while the case is back with the applicant", async () => {
    const c = await fileCase();
    const r1 = await perform(t.db, officerAlmaty, c.id, "return_for_correction", { reason: "The flat number is missing." }, c.version, { now: at("2026-03-03", "12:00:00") });
    expect(r1.ok && r1.case.status).toBe("returned_for_correction");
    expect(r1.ok && r1.case.dueOn).toBeNull();
    expect(r1.ok && r1.case.clockRemainingDays).toBe(1);
    const r2 = await perform(t.db, applicantA, c.id, "resubmit", trApplication({ address: { flat: "12" } }), c.version + 1, { now: at("2026-03-06") });
    expect(r2.ok).toBe(true);
    if (!r2.ok) return;
    // Restarted on Friday 6 March with the 1 working day that was left → Monday 10 March? No: 9 March is a moved day off (8 March is a Sunday).
    expect(r2.case.dueOn).toBe("2026-03-10");
    const events = await eventsOf(c.id);
    expect(events).toHaveLength(4);
    expect(new Set(events.map((e) => e.version)).size).toBe(4);
  });

  it("20 concurrent performs of one action on one version: exactly 1 succeeds, 19 get version_conflict, 1 event", async () => {
    const c = await fileCase();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => perform(t.db, officerAlmaty, c.id, "start_review", {}, c.version, { now: at("2026-03-03", "11:00:00") })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "version_conflict")).toHaveLength(19);
    const reviewEvents = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "start_review")));
    expect(reviewEvents).toHaveLength(1);
  });

  it("the same Idempotency-Key twice, sequentially and concurrently, opens one case", async () => {
    const key = `key-${Math.random()}`;
    const first = await createCase(t.db, clerk, TR_SERVICE, trApplication(), { channel: "api", submit: true, idempotencyKey: key, now: at("2026-03-03") });
    const again = await createCase(t.db, clerk, TR_SERVICE, trApplication(), { channel: "api", submit: true, idempotencyKey: key, now: at("2026-03-03") });
    expect(first.ok && again.ok && again.case.id === first.case.id).toBe(true);

    const key2 = `key-${Math.random()}`;
    const parallel = await Promise.all(
      Array.from({ length: 8 }, () => createCase(t.db, clerk, TR_SERVICE, trApplication(), { channel: "api", submit: true, idempotencyKey: key2, now: at("2026-03-03") })),
    );
    const ids = new Set(parallel.map((r) => (r.ok ? r.case.id : r.error)));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^[0-9a-f-]{36}$/);
    const [{ n }] = (await t.db.select({ n: sql<number>`count(*)::int` }).from(cases).where(eq(cases.id, [...ids][0]!))) as [{ n: number }];
    expect(n).toBe(1);
  });

  it("case_events refuses UPDATE and DELETE", async () => {
    const c = await fileCase();
    await expect(t.db.update(caseEvents).set({ reason: "rewritten" }).where(eq(caseEvents.caseId, c.id))).rejects.toThrow();
    await expect(t.db.delete(caseEvents).where(eq(caseEvents.caseId, c.id))).rejects.toThrow();
    expect(await eventsOf(c.id)).toHaveLength(2);
  });

  it("applicant B can neither read nor act on applicant A's case; an officer of another region neither", async () => {
    const c = await fileCase();
    expect(await perform(t.db, applicantB, c.id, "withdraw", {}, c.version)).toEqual({ ok: false, error: "not_found" });
    expect(await perform(t.db, officerAstana, c.id, "start_review", {}, c.version)).toEqual({ ok: false, error: "not_found" });
    expect(await perform(t.db, auditor, c.id, "start_review", {}, c.version)).toEqual({ ok: false, error: "forbidden" });
    expect(await perform(t.db, applicantA, c.id, "start_review", {}, c.version)).toEqual({ ok: false, error: "forbidden" });
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.version).toBe(c.version);
  });

  it("validation failures carry field paths; rule violations carry the rule ID", async () => {
    const bad = await createCase(t.db, applicantA, TR_SERVICE, trApplication({ stay: { requestedEndDate: "2026-02-01" } }), { channel: "online", submit: true, now: at("2026-03-03") });
    expect(bad).toMatchObject({ ok: false, error: "validation_failed", issues: [{ path: ["stay", "requestedEndDate"], message: "tr.validation.endBeforeEntry" }] });
    const citizen = await createCase(t.db, applicantA, TR_SERVICE, trApplication({ person: { citizenship: "KAZ" } }), { channel: "online", submit: true, now: at("2026-03-03") });
    expect(citizen).toMatchObject({ ok: false, error: "rule_violation", violations: [{ rule: "TR-01" }] });
  });

  it("registering issues a slip with an unguessable token; the stay-end follow-up expires it and flags the overstay (TR-08)", async () => {
    const c = await fileCase();
    const r1 = await perform(t.db, officerAlmaty, c.id, "start_review", {}, c.version, { now: at("2026-03-03", "11:00:00") });
    expect(r1.ok).toBe(true);
    const r2 = await perform(t.db, officerAlmaty, c.id, "register", {}, c.version + 1, { now: at("2026-03-03", "12:00:00") });
    expect(r2.ok && r2.case.status).toBe("registered");
    const [doc] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect(doc!.validUntil).toBe("2026-04-15");
    expect(doc!.verificationToken).toHaveLength(43);

    await runDueJobs(t.db, at("2026-04-17"));
    let [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.status).toBe("expired");
    expect(row!.flags).not.toContain("overstay");
    await runDueJobs(t.db, at("2026-04-19"));
    [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.flags).toContain("overstay");
  });

  it("X-09: a protected person's expired registration is never flagged as an overstay", async () => {
    const c = await fileCase();
    let v = c.version;
    for (const [action, input] of [
      ["start_review", {}],
      ["set_protection", { protected: true, reason: "Recognised victim, criminal case pending." }],
      ["register", {}],
    ] as const) {
      const r = await perform(t.db, officerAlmaty, c.id, action, input, v, { now: at("2026-03-03", "12:00:00") });
      expect(r.ok).toBe(true);
      if (r.ok) v = r.case.version;
    }
    await perform(t.db, SYSTEM_VIEWER, c.id, "expire", {}, v, { now: at("2026-05-01") });
    const flagged = await perform(t.db, SYSTEM_VIEWER, c.id, "flag_overstay", {}, v + 1, { now: at("2026-05-01") });
    expect(flagged).toMatchObject({ ok: false, error: "rule_violation", violations: [{ rule: "X-09" }] });
  });

  it("a document is attached through the engine: stored by content type, recorded as an event without its bytes; a disguised file rolls back", async () => {
    const c = await fileCase();
    const png = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"));
    const ok = await perform(t.db, applicantA, c.id, "attach_document", { kind: "passport_scan", fileName: "passport.pdf", bytes: png }, c.version);
    expect(ok.ok && ok.case.status).toBe("submitted");
    const [event] = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "attach_document")));
    expect(event!.payload).toEqual({ kind: "passport_scan", fileName: "passport.pdf", sizeBytes: png.byteLength });
    const [file] = await t.db.select().from(attachments).where(eq(attachments.caseId, c.id));
    expect([file!.mimeType, file!.fileName]).toEqual(["image/png", "passport.png"]);

    const script = new TextEncoder().encode("<script>alert(1)</script>");
    const refused = await perform(t.db, applicantA, c.id, "attach_document", { kind: "other", fileName: "scan.pdf", bytes: script }, c.version + 1);
    expect(refused).toMatchObject({ ok: false, error: "rule_violation", violations: [{ messageKey: "rules.attachmentType", path: ["file"] }] });
    expect(await t.db.select().from(attachments).where(eq(attachments.caseId, c.id))).toHaveLength(1);
    const [row] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.version).toBe(c.version + 1);
  });
});
