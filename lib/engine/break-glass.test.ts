import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { accessGrants, auditLog, ruleParameters } from "@/db/schema";
import { recordAudit } from "@/lib/dal/audit";
import { listGrantsForReview } from "@/lib/dal/break-glass";
import { getCaseDetail } from "@/lib/dal/cases";
import { claimCase } from "@/lib/engine/assign";
import { requestBreakGlass, reviewGrant, withBreakGlass } from "@/lib/engine/break-glass";
import { createCase } from "@/lib/engine/create";
import { loadVisibleCase, perform } from "@/lib/engine/perform";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { HP_SERVICE, TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";

const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);
const REASON = "Applicant moved from Almaty and asks about the earlier registration at our desk.";

describe.each(TEST_ENGINES)("break-glass access on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let almatyOfficer: Viewer;
  let almatySupervisor: Viewer;
  let astanaOfficer: Viewer;
  let astanaSupervisor: Viewer;
  let astanaClerk: Viewer;
  let astanaPermitOfficer: Viewer;
  let almatyCase: CaseSnapshot;
  const start = at("2026-03-03");
  let passport = 0;

  async function fileInAlmaty(): Promise<CaseSnapshot> {
    passport += 1;
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication({ person: { surname: `BG${"Q".repeat(passport)}` }, passport: { passportNumber: `BG${100000 + passport}` } }), {
      channel: "online",
      submit: true,
      now: start,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.case;
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    almatyOfficer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    almatySupervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    astanaOfficer = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    astanaSupervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    astanaClerk = await makeUser(t.db, "clerk", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    astanaPermitOfficer = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [HP_SERVICE] });
    almatyCase = await fileInAlmaty();
  });
  afterAll(async () => t?.close());

  it("without a grant a case of another region is invisible", async () => {
    const viewer = await withBreakGlass(t.db, astanaOfficer, start);
    expect(viewer.breakGlass).toBeUndefined();
    expect(await loadVisibleCase(t.db, viewer, almatyCase.id)).toBeNull();
    expect(await getCaseDetail(t.db, viewer, almatyCase.reference)).toBeNull();
  });

  it("asks for a reason before looking anything up, and answers the same for an unknown reference and a case one may not open", async () => {
    expect(await requestBreakGlass(t.db, astanaOfficer, { reference: almatyCase.reference, reason: "short" }, start)).toMatchObject({
      ok: false,
      error: "validation_failed",
      issues: [{ path: ["reason"] }],
    });
    expect(await requestBreakGlass(t.db, astanaOfficer, { reference: "TR-2026-999999-X", reason: REASON }, start)).toEqual({ ok: false, error: "not_found" });
    // A service the officer does not handle: the same answer as no case at all.
    expect(await requestBreakGlass(t.db, astanaPermitOfficer, { reference: almatyCase.reference, reason: REASON }, start)).toEqual({ ok: false, error: "not_found" });
    // Front offices have no break-glass.
    expect(await requestBreakGlass(t.db, astanaClerk, { reference: almatyCase.reference, reason: REASON }, start)).toEqual({ ok: false, error: "forbidden" });
    // A case of one's own region needs no grant.
    expect(await requestBreakGlass(t.db, almatyOfficer, { reference: almatyCase.reference, reason: REASON }, start)).toMatchObject({ ok: true, grantId: null });
    expect(await t.db.select().from(accessGrants)).toHaveLength(0);
    const refused = await t.db.select().from(auditLog).where(and(eq(auditLog.actorId, astanaOfficer.userId!), eq(auditLog.action, "break_glass.request")));
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ caseId: null, target: "TR-2026-999999-X", details: { outcome: "refused", reason: REASON } });
  });

  it("a grant lets the officer read the case, read-only, until break_glass_minutes have passed; every read names the grant", async () => {
    const c = await fileInAlmaty();
    const granted = await requestBreakGlass(t.db, astanaOfficer, { reference: c.reference.toLowerCase(), reason: REASON }, start);
    if (!granted.ok || !granted.grantId) throw new Error(JSON.stringify(granted));
    expect(granted.caseId).toBe(c.id);
    expect(granted.expiresAt!.getTime()).toBe(minutes(start, 60).getTime());

    const during = await withBreakGlass(t.db, astanaOfficer, minutes(start, 59));
    expect(during.breakGlass).toEqual([{ grantId: granted.grantId, caseId: c.id, expiresAt: granted.expiresAt }]);
    const detail = await getCaseDetail(t.db, during, c.reference);
    expect(detail?.case.id).toBe(c.id);
    // Read-only: no action offered, the engine refuses to act, the case cannot be claimed.
    expect(detail?.actions).toEqual([]);
    expect(await perform(t.db, during, c.id, "start_review", {}, c.version, { now: minutes(start, 59) })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await claimCase(t.db, during, c.id, c.version, minutes(start, 59))).toMatchObject({ ok: false, error: "not_found" });
    // Other Almaty cases stay out of reach.
    expect(await loadVisibleCase(t.db, during, almatyCase.id)).toBeNull();

    await recordAudit(t.db, { viewer: during, action: "case.view", caseId: c.id, channel: "page" });
    const [read] = await t.db.select().from(auditLog).where(and(eq(auditLog.caseId, c.id), eq(auditLog.action, "case.view")));
    expect(read?.details).toMatchObject({ breakGlassGrantId: granted.grantId });
    const [grantAudit] = await t.db.select().from(auditLog).where(and(eq(auditLog.caseId, c.id), eq(auditLog.action, "break_glass.request")));
    expect(grantAudit?.details).toMatchObject({ outcome: "granted", grantId: granted.grantId, reason: REASON });

    const after = await withBreakGlass(t.db, astanaOfficer, minutes(start, 60));
    expect(after.breakGlass).toBeUndefined();
    expect(await getCaseDetail(t.db, after, c.reference)).toBeNull();
  });

  it("a supervisor of the case's region reviews each grant once; others cannot", async () => {
    const c = await fileInAlmaty();
    const granted = await requestBreakGlass(t.db, astanaSupervisor, { reference: c.reference, reason: REASON }, start);
    if (!granted.ok || !granted.grantId) throw new Error(JSON.stringify(granted));

    const list = await listGrantsForReview(t.db, almatySupervisor);
    const row = list.find((g) => g.id === granted.grantId);
    expect(row).toMatchObject({ reference: c.reference, reason: REASON, reviewedAt: null, granteeRegions: ["KZ-AST"] });
    expect(await listGrantsForReview(t.db, astanaSupervisor)).toEqual([]);
    expect(await listGrantsForReview(t.db, almatyOfficer)).toEqual([]);

    const review = { grantId: granted.grantId, outcome: "not_justified", note: "No Almaty matter was pending." };
    expect(await reviewGrant(t.db, almatyOfficer, review, minutes(start, 5))).toEqual({ ok: false, error: "forbidden" });
    expect(await reviewGrant(t.db, astanaSupervisor, review, minutes(start, 5))).toEqual({ ok: false, error: "not_found" });
    expect(await reviewGrant(t.db, almatySupervisor, { ...review, outcome: "maybe" }, minutes(start, 5))).toMatchObject({ ok: false, error: "validation_failed" });
    expect(await reviewGrant(t.db, almatySupervisor, review, minutes(start, 5))).toEqual({ ok: true });
    expect(await reviewGrant(t.db, almatySupervisor, { ...review, outcome: "justified" }, minutes(start, 6))).toEqual({ ok: false, error: "not_found" });

    const [stored] = await t.db.select().from(accessGrants).where(eq(accessGrants.id, granted.grantId));
    expect(stored).toMatchObject({ reviewedBy: almatySupervisor.userId, reviewOutcome: "not_justified", reviewNote: review.note });
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "break_glass.review"), eq(auditLog.target, granted.grantId)));
    expect(audit).toMatchObject({ actorId: almatySupervisor.userId, caseId: c.id, details: { outcome: "not_justified", grantId: granted.grantId } });
    expect((await listGrantsForReview(t.db, almatySupervisor)).find((g) => g.id === granted.grantId)).toMatchObject({ reviewOutcome: "not_justified" });
  });

  it("requests per person and day are capped by break_glass_requests_per_day", async () => {
    const trier = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
    await t.db.update(ruleParameters).set({ value: 2 }).where(eq(ruleParameters.key, "break_glass_requests_per_day"));
    try {
      for (const n of [1, 2]) expect(await requestBreakGlass(t.db, trier, { reference: `TR-2026-00000${n}-A`, reason: REASON }, start)).toMatchObject({ ok: false, error: "not_found" });
      expect(await requestBreakGlass(t.db, trier, { reference: almatyCase.reference, reason: REASON }, minutes(start, 1))).toEqual({ ok: false, error: "too_many_requests" });
      // A day later the count starts again.
      expect((await requestBreakGlass(t.db, trier, { reference: almatyCase.reference, reason: REASON }, minutes(start, 24 * 60 + 1))).ok).toBe(true);
    } finally {
      await t.db.update(ruleParameters).set({ value: 10 }).where(eq(ruleParameters.key, "break_glass_requests_per_day"));
    }
  });
});
