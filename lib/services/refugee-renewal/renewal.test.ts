import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { cases, decisions, issuedDocuments, notifications, refugeeMonthlyLists, refugeeStatuses, refugeeStatusTerms, scheduledJobs } from "@/db/schema";
import { createRefugeeFamily } from "@/db/seed/refugees";
import { verifyDocument } from "@/lib/dal/cases";
import { createCase } from "@/lib/engine/create";
import { loadVisibleCase, perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { checkStayEnd } from "@/lib/jobs/tr-stay-end";
import { runDueJobs } from "@/lib/jobs/runner";
import { RF_SERVICE, TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { hearingWaived } from "@/test/hearing";
import { runMonthlyListSweep, runReminderSweep } from "./jobs";
import type { RfApplicationInput } from "./schema";

type Status = typeof refugeeStatuses.$inferSelect;

function rfApplication(status: Status, holderName = "RAHIMI AHMAD", overrides: Partial<RfApplicationInput> = {}): RfApplicationInput {
  return {
    status: { id: status.id, certificateNumber: status.certificateNumber, endsOn: status.endsOn, holderName, countryOfOrigin: status.countryOfOrigin },
    identity: { type: "refugee_travel_document", number: "RTD123456" },
    address: { region: "KZ-ALA", city: "Almaty", street: "Tole bi", building: "45", flat: "12", phone: "+7 701 555 11 22" },
    familyChanges: [],
    statement: "My situation has not changed; I ask to extend my status.",
    ...overrides,
  };
}

function ok(r: PerformResult): CaseSnapshot {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.case;
}

describe.each(TEST_ENGINES)("refugee status renewal on %s", (engine) => {
  let t: TestDatabase;
  let refugee: Viewer;
  let officer: Viewer;
  let member1: Viewer;
  let member2: Viewer;
  let member3: Viewer;
  let reviewer: Viewer;
  let clerk: Viewer;
  let otherRegionOfficer: Viewer;
  let seq = 0;

  const REGION = { regions: ["KZ-ALA"], services: [RF_SERVICE, TR_SERVICE] };

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    refugee = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", REGION);
    member1 = await makeUser(t.db, "supervisor", REGION);
    member2 = await makeUser(t.db, "supervisor", REGION);
    member3 = await makeUser(t.db, "supervisor", REGION);
    reviewer = await makeUser(t.db, "reviewer", { services: [RF_SERVICE] });
    clerk = await makeUser(t.db, "clerk", REGION);
    otherRegionOfficer = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [RF_SERVICE] });
  });
  afterAll(async () => t?.close());

  /** A family of three whose statuses end on `endsOn`, owned by the test refugee. */
  async function family(endsOn = "2026-12-31", owner: Viewer = refugee, surname = `RAHIMI${"X".repeat(++seq)}`) {
    return createRefugeeFamily(t.db, {
      ownerId: owner.userId,
      region: "KZ-ALA",
      countryOfOrigin: "AFG",
      grantedOn: "2025-01-01",
      startsOn: "2026-01-01",
      endsOn,
      members: [
        { surname: surname, givenNames: "AHMAD", birthDate: "1985-03-02", sex: "M", relation: "principal" },
        { surname: surname, givenNames: "MARYAM", birthDate: "1988-07-19", sex: "F", relation: "spouse" },
        { surname: surname, givenNames: "OMID", birthDate: "2015-11-04", sex: "M", relation: "child" },
      ],
    });
  }

  async function file(status: Status, on: string, overrides: Partial<RfApplicationInput> = {}) {
    return createCase(t.db, refugee, RF_SERVICE, rfApplication(status, undefined, overrides), { channel: "online", submit: true, now: at(on) });
  }

  async function prepared(situation: "unchanged" | "changed" = "unchanged", preparer: Viewer = officer) {
    const f = await family();
    let c = ok(await file(f.principal, "2026-11-21"));
    c = ok(await perform(t.db, officer, c.id, "start_review", {}, c.version, { now: at("2026-11-23") }));
    c = ok(await perform(t.db, preparer, c.id, "record_assessment", { situation, justification: "UNHCR and MFA reports reviewed for 2026.", sources: "UNHCR Afghanistan 2026" }, c.version, { now: at("2026-11-23") }));
    c = ok(await perform(t.db, preparer, c.id, "send_to_commission", {}, c.version, { now: at("2026-11-23") }));
    return { f, c };
  }

  async function statusesOf(familyId: string) {
    return t.db.select().from(refugeeStatuses).where(eq(refugeeStatuses.familyId, familyId));
  }

  it("RF-05/RF-08: filing 40 days before the end is on time and puts the whole family's statuses in extension_pending", async () => {
    const f = await family();
    const c = ok(await file(f.principal, "2026-11-21"));
    expect(c.status).toBe("submitted");
    expect(c.reference).toMatch(/^RF-2026-\d{6}-[A-Z]$/);
    expect(c.flags).not.toContain("late_filing");
    const after = await statusesOf(f.family.id);
    expect(after.map((s) => [s.state, s.openCaseId])).toEqual(after.map(() => ["extension_pending", c.id]));
  });

  it("RF-05: filing 20 days before the end is accepted and flagged late; too early or after the end is refused", async () => {
    const late = await family();
    expect(ok(await file(late.principal, "2026-12-11")).flags).toContain("late_filing");
    const early = await family();
    const r = await file(early.principal, "2026-11-01");
    expect(!r.ok && r.error === "rule_violation" && r.violations[0]!.rule).toBe("RF-05");
  });

  it("RF-15/RF-08: someone else's certificate, a stale copy of the record, or a second renewal are refused", async () => {
    const f = await family();
    const stranger = await makeUser(t.db, "applicant");
    const foreign = await createCase(t.db, stranger, RF_SERVICE, rfApplication(f.principal), { channel: "online", submit: true, now: at("2026-11-21") });
    expect(!foreign.ok && foreign.error === "rule_violation" && foreign.violations[0]!.rule).toBe("RF-15");
    const stale = await createCase(t.db, refugee, RF_SERVICE, rfApplication({ ...f.principal, endsOn: "2026-12-30" }), { channel: "online", submit: true, now: at("2026-11-21") });
    expect(!stale.ok && stale.error === "rule_violation" && stale.violations[0]!.rule).toBe("RF-15");
    ok(await file(f.principal, "2026-11-21"));
    const second = await file(f.principal, "2026-11-22");
    expect(!second.ok && second.error === "rule_violation" && second.violations[0]!.rule).toBe("RF-08");
  });

  it("RF-16: a dependant removed on filing is not covered by the renewal", async () => {
    const f = await family();
    const child = f.statuses.find((s) => s.relation === "child")!;
    const c = ok(await file(f.principal, "2026-11-21", { familyChanges: [{ change: "remove", statusId: child.id, reason: "Moved abroad with relatives." }] }));
    const after = await statusesOf(f.family.id);
    expect(after.find((s) => s.id === child.id)!.state).toBe("active");
    expect(after.filter((s) => s.openCaseId === c.id)).toHaveLength(2);
  });

  it("only the region's officers and supervisors, the central reviewer and auditors see a refugee case; clerks do not", async () => {
    const f = await family();
    const c = ok(await file(f.principal, "2026-11-21"));
    const auditor = await makeUser(t.db, "auditor");
    for (const v of [officer, member1, reviewer, auditor, refugee]) expect(await loadVisibleCase(t.db, v, c.id), v.role).not.toBeNull();
    for (const v of [clerk, otherRegionOfficer]) expect(await loadVisibleCase(t.db, v, c.id), v.role).toBeNull();
  });

  it("RF-04: the file cannot reach the commission without the assessment", async () => {
    const f = await family();
    let c = ok(await file(f.principal, "2026-11-21"));
    c = ok(await perform(t.db, officer, c.id, "start_review", {}, c.version));
    const r = await perform(t.db, officer, c.id, "send_to_commission", {}, c.version);
    expect(!r.ok && r.error === "rule_violation" && r.violations[0]!.rule).toBe("RF-04");
  });

  it("RF-C2/RF-C3/RF-06/RF-03: two different members extend; the statuses move one year on and the certificate is due in 5 working days", async () => {
    const { f, c: sent } = await prepared();
    expect(await perform(t.db, officer, sent.id, "vote", { decision: "extend", legalGround: "circumstances_unchanged", reason: "Situation unchanged per reports." }, sent.version)).toEqual({ ok: false, error: "forbidden" });
    let c = ok(await perform(t.db, member1, sent.id, "vote", { decision: "extend", legalGround: "circumstances_unchanged", reason: "Situation unchanged per reports." }, sent.version, { now: at("2026-11-25") }));
    expect(c.status).toBe("commission_review");
    expect(c.decidedAt).toBeNull();
    const again = await perform(t.db, member1, c.id, "vote", { decision: "extend", legalGround: "circumstances_unchanged", reason: "Situation unchanged per reports." }, c.version, { now: at("2026-11-25") });
    expect(!again.ok && again.error === "rule_violation" && again.violations[0]!.rule).toBe("RF-C2");
    c = ok(await perform(t.db, member2, c.id, "vote", { decision: "extend", legalGround: "circumstances_unchanged", reason: "Agree with the assessment." }, c.version, { now: at("2026-11-25") }));
    expect(c.status).toBe("extended");
    expect(c.decidedAt).not.toBeNull();
    // Wednesday 25 Nov 2026 + 5 working days
    expect(c.dueOn).toBe("2026-12-02");
    const after = await statusesOf(f.family.id);
    expect(after.map((s) => [s.state, s.startsOn, s.endsOn, s.openCaseId])).toEqual(after.map(() => ["active", "2027-01-01", "2027-12-31", null]));
    const [decision] = await t.db.select().from(decisions).where(eq(decisions.caseId, c.id));
    expect(decision).toMatchObject({ outcome: "extended", reasonCode: "circumstances_unchanged" });
    const data = c.data as { decision: { votes: unknown[] } };
    expect(data.decision.votes).toHaveLength(2);

    c = ok(await perform(t.db, officer, c.id, "issue_certificate", {}, c.version, { now: at("2026-11-27") }));
    expect(c.status).toBe("certificate_issued");
    expect(c.dueOn).toBeNull();
    const docs = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect(docs).toHaveLength(3);
    expect(docs.every((d) => d.type === "refugee_certificate" && d.validFrom === "2026-11-27" && d.validUntil === "2027-12-31")).toBe(true);
    const verified = await verifyDocument(t.db, docs[0]!.verificationToken, at("2026-11-27", "15:00:00"));
    expect(verified?.status).toBe("valid");
    const renumbered = await statusesOf(f.family.id);
    expect(renumbered.map((s) => s.certificateNumber).sort()).toEqual(docs.map((d) => d.number).sort());
    const terms = await t.db.select().from(refugeeStatusTerms).where(eq(refugeeStatusTerms.caseId, c.id));
    expect(terms).toHaveLength(3);
  });

  it("RF-C1: a supervisor who prepared the file cannot vote on it", async () => {
    const { c } = await prepared("unchanged", member1);
    const r = await perform(t.db, member1, c.id, "vote", { decision: "extend", legalGround: "circumstances_unchanged", reason: "Situation unchanged per reports." }, c.version);
    expect(!r.ok && r.error === "rule_violation" && r.violations.map((v) => v.rule)).toContain("RF-C1");
  });

  it("RF-04: with a 'changed' assessment an extend vote is refused until a supervisor records an override", async () => {
    let { c } = await prepared("changed");
    expect(c.flags).toContain("origin_changed");
    const r = await perform(t.db, member1, c.id, "vote", { decision: "extend", legalGround: "circumstances_changed_override", reason: "Family at particular risk." }, c.version);
    expect(!r.ok && r.error === "rule_violation" && r.violations[0]!.rule).toBe("RF-04");
    c = ok(await perform(t.db, member3, c.id, "record_override", { note: "Particular risk to this family despite general change." }, c.version));
    c = ok(await perform(t.db, member1, c.id, "vote", { decision: "extend", legalGround: "circumstances_changed_override", reason: "Family at particular risk." }, c.version));
    c = ok(await perform(t.db, member2, c.id, "vote", { decision: "extend", legalGround: "circumstances_changed_override", reason: "Agree: override recorded." }, c.version));
    expect(c.status).toBe("extended");
  });

  it("RF-09: a refusal's complaint goes to the central reviewer, not the region; upheld extends the status", async () => {
    const { f, c: sent } = await prepared("changed");
    let c = await hearingWaived(t.db, officer, refugee, sent, { grounds: "circumstances_changed", now: at("2026-11-25") });
    c = ok(await perform(t.db, member1, sent.id, "vote", { decision: "refuse", legalGround: "circumstances_changed", reason: "Circumstances have changed." }, c.version, { now: at("2026-11-25") }));
    c = ok(await perform(t.db, member2, c.id, "vote", { decision: "refuse", legalGround: "circumstances_changed", reason: "Circumstances have changed." }, c.version, { now: at("2026-11-25") }));
    expect(c.status).toBe("refused");
    // RF-08: still protected while the complaint period runs.
    expect((await statusesOf(f.family.id)).every((s) => s.state === "extension_pending")).toBe(true);
    c = ok(await perform(t.db, refugee, c.id, "file_complaint", { grounds: "The assessment ignores my personal situation." }, c.version, { now: at("2026-12-01") }));
    expect(c.status).toBe("complaint_filed");
    for (const regional of [officer, member1]) {
      expect(await perform(t.db, regional, c.id, "decide_complaint", { outcome: "upheld", reason: "Personal risk established." }, c.version)).toEqual({ ok: false, error: "forbidden" });
    }
    c = ok(await perform(t.db, reviewer, c.id, "decide_complaint", { outcome: "upheld", reason: "Personal risk established." }, c.version, { now: at("2026-12-04") }));
    expect(c.status).toBe("extended");
    expect(c.dueOn).toBe("2026-12-11");
    expect((await statusesOf(f.family.id)).every((s) => s.state === "active" && s.endsOn === "2027-12-31")).toBe(true);
    const [upheld] = await t.db.select().from(decisions).where(and(eq(decisions.caseId, c.id), eq(decisions.outcome, "extended")));
    expect(upheld?.issuingBody).toBe("central_migration_police");
  });

  it("RF-09: a complaint rejected by the reviewer makes the refusal final and ends the status", async () => {
    const { f, c: sent } = await prepared("changed");
    let c = await hearingWaived(t.db, officer, refugee, sent, { grounds: "circumstances_changed", now: at("2026-11-25") });
    c = ok(await perform(t.db, member1, sent.id, "vote", { decision: "refuse", legalGround: "circumstances_changed", reason: "Circumstances have changed." }, c.version, { now: at("2026-11-25") }));
    c = ok(await perform(t.db, member2, c.id, "vote", { decision: "refuse", legalGround: "circumstances_changed", reason: "Circumstances have changed." }, c.version, { now: at("2026-11-25") }));
    c = ok(await perform(t.db, refugee, c.id, "file_complaint", { grounds: "The assessment ignores my personal situation." }, c.version, { now: at("2026-12-01") }));
    c = ok(await perform(t.db, reviewer, c.id, "decide_complaint", { outcome: "rejected", reason: "The general change applies to this family." }, c.version, { now: at("2026-12-04") }));
    expect(c.status).toBe("refusal_final");
    await runDueJobs(t.db, at("2026-12-04", "12:00:00"));
    const [ended] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(ended!.status).toBe("status_ended");
    expect((await statusesOf(f.family.id)).every((s) => s.state === "expired" && s.openCaseId === null)).toBe(true);
  });

  it("RF-09: a refusal without a complaint becomes final by the scheduled follow-up only after the complaint period", async () => {
    const { c: sent } = await prepared("changed");
    let c = await hearingWaived(t.db, officer, refugee, sent, { grounds: "circumstances_changed", now: at("2026-11-25") });
    c = ok(await perform(t.db, member1, sent.id, "vote", { decision: "refuse", legalGround: "circumstances_changed", reason: "Circumstances have changed." }, c.version, { now: at("2026-11-25") }));
    c = ok(await perform(t.db, member2, c.id, "vote", { decision: "refuse", legalGround: "circumstances_changed", reason: "Circumstances have changed." }, c.version, { now: at("2026-11-25") }));
    const [job] = await t.db.select().from(scheduledJobs).where(and(eq(scheduledJobs.caseId, c.id), eq(scheduledJobs.kind, "rf_refusal_final")));
    expect(job!.runAt.toISOString()).toBe(at("2026-12-26", "00:00:00").toISOString());
    const late = await perform(t.db, refugee, c.id, "file_complaint", { grounds: "Filed after the period ended." }, c.version, { now: at("2026-12-26") });
    expect(!late.ok && late.error === "rule_violation" && late.violations[0]!.rule).toBe("RF-09");
    await runDueJobs(t.db, at("2026-12-26", "01:00:00"));
    const [final] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(final!.status).toBe("status_ended");
  });

  it("withdrawing before the decision leaves the statuses active and unprotected again", async () => {
    const f = await family();
    const c = ok(await file(f.principal, "2026-11-21"));
    ok(await perform(t.db, refugee, c.id, "withdraw", {}, c.version));
    expect((await statusesOf(f.family.id)).every((s) => s.state === "active" && s.openCaseId === null)).toBe(true);
  });

  it("RF-08: the overstay job never flags a person with an open renewal, and flags them again once it is withdrawn", async () => {
    async function registeredStay(surname: string) {
      const app = trApplication({ person: { surname, givenNames: "AHMAD", birthDate: "1985-03-02", citizenship: "AFG" }, stay: { visaNumber: "V123456", visaValidUntil: "2026-04-15" } });
      const created = ok(await createCase(t.db, refugee, TR_SERVICE, app, { channel: "online", submit: true, now: at("2026-03-03") }));
      const reviewing = ok(await perform(t.db, officer, created.id, "start_review", {}, created.version, { now: at("2026-03-03") }));
      return ok(await perform(t.db, officer, reviewing.id, "register", {}, reviewing.version, { now: at("2026-03-03") }));
    }
    const f = await family("2026-12-31", refugee, "NOORI");
    const renewal = ok(await file(f.principal, "2026-11-21"));
    const protectedStay = await registeredStay("NOORI");
    const unprotectedStay = await registeredStay("SAIDI");
    expect(await checkStayEnd(t.db, protectedStay.id, at("2026-11-25"))).toEqual({ expired: false, flagged: false });
    expect(await checkStayEnd(t.db, unprotectedStay.id, at("2026-11-25"))).toEqual({ expired: true, flagged: true });
    ok(await perform(t.db, refugee, renewal.id, "withdraw", {}, renewal.version));
    expect(await checkStayEnd(t.db, protectedStay.id, at("2026-11-25"))).toEqual({ expired: true, flagged: true });
  });

  it("RF-05: the reminder sweep notifies at −45 and −35 days, once each, even when run twice", async () => {
    const owner = await makeUser(t.db, "applicant");
    await family("2027-01-20", owner);
    const mine = () => t.db.select().from(notifications).where(eq(notifications.userId, owner.userId!));
    await runReminderSweep(t.db, at("2026-12-05"));
    expect(await mine()).toHaveLength(0);
    expect((await runReminderSweep(t.db, at("2026-12-06"))).skipped).toBe(false);
    expect((await runReminderSweep(t.db, at("2026-12-06"))).skipped).toBe(true);
    await runReminderSweep(t.db, at("2026-12-07"));
    const first = await mine();
    expect(first.map((n) => [n.template, n.params])).toEqual([["rf.notifications.reminder", expect.objectContaining({ endsOn: "2027-01-20", lateFrom: "2026-12-21" })]]);
    await runReminderSweep(t.db, at("2026-12-16"));
    expect((await mine()).map((n) => n.dedupeKey)).toEqual([expect.stringMatching(/:45$/), expect.stringMatching(/:35$/)]);
    await runReminderSweep(t.db, at("2026-12-17"));
    expect(await mine()).toHaveLength(2);
  });

  it("RF-11: on the first of the month the previous month's list is produced once, as CSV and PDF", async () => {
    const r = await runMonthlyListSweep(t.db, at("2027-02-01", "01:00:00"));
    expect(r).toEqual({ periodStart: "2027-01-01", produced: true });
    expect(await runMonthlyListSweep(t.db, at("2027-02-02"))).toEqual({ periodStart: "2027-01-01", produced: false });
    const [list] = await t.db.select().from(refugeeMonthlyLists).where(eq(refugeeMonthlyLists.periodStart, "2027-01-01"));
    expect(list!.periodEnd).toBe("2027-01-31");
    expect(list!.rowCount).toBeGreaterThan(0);
    const lines = list!.csv.trim().split("\r\n");
    expect(lines[0]).toBe("category,certificateNumber,surname,givenNames,birthDate,sex,countryOfOrigin,region,familyId,relation,state,endsOn");
    expect(lines).toHaveLength(list!.rowCount + 1);
    expect(Buffer.from(list!.pdf).subarray(0, 5).toString()).toBe("%PDF-");
  });

  if (engine === "postgres") {
    it("RF-08: two filings for the same status at once: the family lock lets exactly one through", async () => {
      const f = await family();
      const results = await Promise.all([file(f.principal, "2026-11-21"), file(f.principal, "2026-11-21")]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      expect(refused && !refused.ok && refused.error === "rule_violation" && refused.violations[0]!.rule).toBe("RF-08");
    });

    it("RF-C3: two members voting at once on the last open seat: one wins, the other gets a version conflict", async () => {
      const { c } = await prepared();
      const vote = (m: Viewer) => perform(t.db, m, c.id, "vote", { decision: "extend", legalGround: "circumstances_unchanged", reason: "Situation unchanged per reports." }, c.version);
      const results = await Promise.all([vote(member1), vote(member2)]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: "version_conflict" });
    });
  }
});
