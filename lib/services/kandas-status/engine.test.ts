import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { accommodationCentres, cases, centrePlacements, decisions, issuedDocuments, kandasBenefits, kandasNationalQuotas, kandasQuotas, notifications, scheduledJobs } from "@/db/schema";
import { KANDAS_CENTRES } from "@/db/seed/data/kandas-centres";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { runDueJobs } from "@/lib/jobs/runner";
import { KC_SERVICE, KD_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser } from "@/test/fixtures";
import { hearingWaived } from "@/test/hearing";
import { kdApplication, kdMember } from "@/test/kandas-fixtures";
import { waitlistPosition } from "./capacity";

const REGION = "KZ-MAN";

describe.each(TEST_ENGINES)("kandas status on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let otherApplicant: Viewer;
  let akimatOfficer: Viewer;
  let akimatSupervisor: Viewer;
  let reviewer: Viewer;
  let miaOfficer: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    otherApplicant = await makeUser(t.db, "applicant");
    akimatOfficer = await makeUser(t.db, "officer", { regions: [REGION, "KZ-KAR", "KZ-TUR", "KZ-ALM", "KZ-VOS"], services: [KD_SERVICE] });
    akimatSupervisor = await makeUser(t.db, "supervisor", { regions: [REGION, "KZ-KAR", "KZ-TUR", "KZ-ALM", "KZ-VOS"], services: [KD_SERVICE] });
    reviewer = await makeUser(t.db, "reviewer", { services: [KD_SERVICE] });
    miaOfficer = await makeUser(t.db, "officer", { regions: [REGION], services: [KC_SERVICE] });
    await t.db.insert(accommodationCentres).values([...KANDAS_CENTRES]);
  });
  afterAll(async () => t?.close());

  function ok(r: PerformResult): CaseSnapshot {
    if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
    return r.case;
  }

  async function setQuota(region: string, year: number, allocated: number, used = 0) {
    await t.db.insert(kandasNationalQuotas).values({ year, families: 20_000 }).onConflictDoNothing();
    await t.db
      .insert(kandasQuotas)
      .values({ year, region, familiesAllocated: allocated, familiesUsed: used })
      .onConflictDoUpdate({ target: [kandasQuotas.year, kandasQuotas.region], set: { familiesAllocated: allocated, familiesUsed: used } });
  }

  async function quotaRow(region: string, year: number) {
    const [row] = await t.db.select().from(kandasQuotas).where(and(eq(kandasQuotas.region, region), eq(kandasQuotas.year, year)));
    return row!;
  }

  /** Files, reviews and grants the status: the officer drafts, the supervisor decides (KD-03). */
  async function grantedCase(opts: { owner?: Viewer; region?: string; app?: ReturnType<typeof kdApplication>; day?: string } = {}): Promise<CaseSnapshot> {
    const day = opts.day ?? "2026-03-02";
    const app = opts.app ?? kdApplication({ resettlement: { region: opts.region ?? REGION } });
    let c = ok(await createCase(t.db, opts.owner ?? applicant, KD_SERVICE, app, { channel: "online", submit: true, now: at(day) }));
    c = ok(await perform(t.db, akimatOfficer, c.id, "start_review", {}, c.version, { now: at(day, "11:00:00") }));
    c = ok(await perform(t.db, akimatOfficer, c.id, "propose_decision", { outcome: "grant", reason: "Residence abroad in 1991 is documented." }, c.version, { now: at(day, "12:00:00") }));
    return ok(await perform(t.db, akimatSupervisor, c.id, "approve_decision", {}, c.version, { now: at(day, "13:00:00") }));
  }

  it("a family of four is filed, granted by the akimat and included in the quota as one family", async () => {
    await setQuota(REGION, 2026, 5);
    const family = kdApplication({ members: [kdMember(1, "spouse"), kdMember(2), kdMember(3)] });
    let c = await grantedCase({ app: family });
    expect(c.status).toBe("status_granted");
    expect(c.data.priorityScore).toBe(21);
    expect(Object.values(c.data.memberOutcomes as object).map((m) => (m as { outcome: string }).outcome)).toEqual(["included", "included", "included"]);
    const [statusDoc] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect(statusDoc).toMatchObject({ type: "kandas_status_decision", holderDisplayName: "ABDIMANAPOV ERLAN" });

    c = ok(await perform(t.db, akimatOfficer, c.id, "start_quota_review", {}, c.version, { now: at("2026-03-03") }));
    c = ok(await perform(t.db, akimatOfficer, c.id, "include_in_quota", {}, c.version, { now: at("2026-03-03", "12:00:00") }));
    expect(c.status).toBe("in_quota");
    expect((await quotaRow(REGION, 2026)).familiesUsed).toBe(1);
    const docs = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect(docs.map((d) => d.type).sort()).toEqual(["kandas_quota_decision", "kandas_status_decision"]);
    expect(docs.find((d) => d.type === "kandas_quota_decision")!.validUntil).toBe("2026-12-31");
    const sent = await t.db.select().from(notifications).where(eq(notifications.caseId, c.id));
    expect(sent.map((n) => n.template)).toEqual(expect.arrayContaining(["kd.notifications.statusGranted", "kd.notifications.inQuota"]));
  });

  it("KD-03: the officer only drafts; the supervisor decides, and a supervisor may send the draft back", async () => {
    let c = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication(), { channel: "online", submit: true, now: at("2026-03-02") }));
    c = ok(await perform(t.db, akimatOfficer, c.id, "start_review", {}, c.version));
    expect(await perform(t.db, akimatSupervisor, c.id, "propose_decision", { outcome: "grant", reason: "Residence abroad in 1991 is documented." }, c.version)).toEqual({ ok: false, error: "forbidden" });
    c = ok(await perform(t.db, akimatOfficer, c.id, "propose_decision", { outcome: "grant", reason: "Residence abroad in 1991 is documented." }, c.version));
    expect(await perform(t.db, akimatOfficer, c.id, "approve_decision", {}, c.version)).toEqual({ ok: false, error: "forbidden" });
    c = ok(await perform(t.db, akimatSupervisor, c.id, "send_back", { reason: "Check the ethnicity certificate again." }, c.version));
    expect(c.status).toBe("under_review");
  });

  it("KD-01 at filing: a resident of Kazakhstan on 16 Dec 1991 cannot file; KD-17 refuses submission without the documents", async () => {
    const resident = await createCase(t.db, applicant, KD_SERVICE, kdApplication({ origin: { residenceOnCutoff: "KAZ" } }), { channel: "online", submit: true, now: at("2026-03-02") });
    expect(resident).toMatchObject({ ok: false, error: "rule_violation", violations: [{ rule: "KD-01", path: ["origin", "residenceOnCutoff"] }] });
    const missing = await createCase(t.db, applicant, KD_SERVICE, kdApplication({ documents: ["identity_document"] }), { channel: "online", submit: true, now: at("2026-03-02") });
    expect(missing).toMatchObject({ ok: false, error: "rule_violation", violations: [{ rule: "KD-17" }] });
  });

  it("a returned application is corrected by its owner only; the clock stops meanwhile and the priority is recomputed", async () => {
    let c = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication(), { channel: "online", submit: true, now: at("2026-03-02") }));
    expect(c.dueOn).not.toBeNull();
    c = ok(await perform(t.db, akimatOfficer, c.id, "return_for_correction", { reason: "Add the work record of the last employer." }, c.version));
    expect(c).toMatchObject({ status: "returned_for_correction", dueOn: null });
    const corrected = kdApplication({ qualifications: { yearsOfExperience: 2 } });
    expect(await perform(t.db, otherApplicant, c.id, "resubmit", corrected, c.version)).toEqual({ ok: false, error: "not_found" });
    c = ok(await perform(t.db, applicant, c.id, "resubmit", corrected, c.version));
    expect(c.status).toBe("submitted");
    expect(c.dueOn).not.toBeNull();
    expect(c.data.priorityScore).toBe(13);
  });

  it("a per-person outcome: a member the officer excludes stays excluded after the grant and is left off the decision", async () => {
    let c = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication({ members: [kdMember(1, "spouse"), kdMember(2)] }), { channel: "online", submit: true, now: at("2026-03-02") }));
    c = ok(await perform(t.db, akimatOfficer, c.id, "start_review", {}, c.version));
    expect(await perform(t.db, akimatOfficer, c.id, "set_member_outcome", { memberNumber: 3, outcome: "excluded", reason: "No such family member here." }, c.version)).toMatchObject({ error: "rule_violation", violations: [{ rule: "KD-13" }] });
    c = ok(await perform(t.db, akimatOfficer, c.id, "set_member_outcome", { memberNumber: 2, outcome: "excluded", reason: "Adult child with own household." }, c.version));
    c = ok(await perform(t.db, akimatOfficer, c.id, "propose_decision", { outcome: "grant", reason: "Residence abroad in 1991 is documented." }, c.version));
    c = ok(await perform(t.db, akimatSupervisor, c.id, "approve_decision", {}, c.version));
    expect(c.data.memberOutcomes).toMatchObject({ "1": { outcome: "included" }, "2": { outcome: "excluded" } });
    const [doc] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect((doc!.content as { members: string[] }).members).toEqual(["ABDIMANAPOV AIGUL"]);
  });

  it("KD-04: one free place and 10 concurrent inclusion decisions → exactly 1 included, the 9 others wait-listed in priority order", async () => {
    const region = "KZ-TUR";
    await setQuota(region, 2026, 3, 2);
    const waiting: CaseSnapshot[] = [];
    for (let i = 0; i < 10; i++) {
      const app = kdApplication({ resettlement: { region }, qualifications: { yearsOfExperience: i } });
      const c = await grantedCase({ app });
      waiting.push(ok(await perform(t.db, akimatOfficer, c.id, "start_quota_review", {}, c.version)));
    }
    const results = await Promise.all(waiting.map((c) => perform(t.db, akimatOfficer, c.id, "include_in_quota", {}, c.version, { now: at("2026-03-05") })));
    const included = results.filter((r) => r.ok);
    const refused = results.filter((r) => !r.ok && r.error === "rule_violation" && r.violations[0]!.rule === "KD-04");
    expect(included).toHaveLength(1);
    expect(refused).toHaveLength(9);
    expect(await quotaRow(region, 2026)).toMatchObject({ familiesAllocated: 3, familiesUsed: 3 });

    const refusedCases = waiting.filter((_, i) => !results[i]!.ok);
    const listed = await Promise.all(refusedCases.map((c) => perform(t.db, akimatOfficer, c.id, "place_on_waitlist", {}, c.version, { now: at("2026-03-05", "12:00:00") })));
    expect(listed.every((r) => r.ok && r.case.status === "waitlisted")).toBe(true);
    const positions = await Promise.all(refusedCases.map(async (c) => ({ years: (c.data.qualifications as { yearsOfExperience: number }).yearsOfExperience, pos: (await waitlistPosition(t.db, c.id))!.position })));
    // More experience, a higher score, an earlier place.
    const byPosition = [...positions].sort((a, b) => a.pos - b.pos);
    expect(byPosition.map((p) => p.pos)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(byPosition.map((p) => p.years)).toEqual([...byPosition.map((p) => p.years)].sort((a, b) => b - a));
  });

  it("KD-04: the wait-list is only for a full quota; the head of the list returns to review when a place is free", async () => {
    const region = "KZ-KAR";
    await setQuota(region, 2026, 1, 0);
    let first = await grantedCase({ app: kdApplication({ resettlement: { region }, qualifications: { yearsOfExperience: 1 } }) });
    first = ok(await perform(t.db, akimatOfficer, first.id, "start_quota_review", {}, first.version));
    expect(await perform(t.db, akimatOfficer, first.id, "place_on_waitlist", {}, first.version)).toMatchObject({ error: "rule_violation", violations: [{ rule: "KD-04", messageKey: "kd.rules.kd04PlacesLeft" }] });
    await setQuota(region, 2026, 1, 1);
    const low = ok(await perform(t.db, akimatOfficer, first.id, "place_on_waitlist", {}, first.version));
    let high = await grantedCase({ app: kdApplication({ resettlement: { region }, qualifications: { yearsOfExperience: 9 } }) });
    high = ok(await perform(t.db, akimatOfficer, high.id, "start_quota_review", {}, high.version));
    high = ok(await perform(t.db, akimatOfficer, high.id, "place_on_waitlist", {}, high.version));
    expect((await waitlistPosition(t.db, high.id))!.position).toBe(1);
    expect((await waitlistPosition(t.db, low.id))!).toMatchObject({ position: 2, waiting: 2 });

    expect(await perform(t.db, akimatOfficer, high.id, "reopen_quota_review", {}, high.version)).toMatchObject({ violations: [{ rule: "KD-04" }] });
    await setQuota(region, 2026, 2, 1);
    expect(await perform(t.db, akimatOfficer, low.id, "reopen_quota_review", {}, low.version)).toMatchObject({ violations: [{ rule: "KD-06" }] });
    const back = ok(await perform(t.db, akimatOfficer, high.id, "reopen_quota_review", {}, high.version));
    expect(back.status).toBe("quota_review");
    expect(await waitlistPosition(t.db, high.id)).toBeNull();
    expect((await waitlistPosition(t.db, low.id))!.position).toBe(1);
  });

  it("KD-06: the daily sweep moves the head of a wait-list back to quota review, one family per free place", async () => {
    const region = "KZ-VOS";
    await setQuota(region, 2026, 1, 1);
    const listed: CaseSnapshot[] = [];
    for (const years of [1, 5, 9]) {
      let c = await grantedCase({ app: kdApplication({ resettlement: { region }, qualifications: { yearsOfExperience: years } }) });
      c = ok(await perform(t.db, akimatOfficer, c.id, "start_quota_review", {}, c.version));
      listed.push(ok(await perform(t.db, akimatOfficer, c.id, "place_on_waitlist", {}, c.version)));
    }
    await setQuota(region, 2026, 3, 1);
    await runDueJobs(t.db, at("2026-06-01"));
    const statuses = await Promise.all(listed.map(async (c) => (await t.db.select({ status: cases.status }).from(cases).where(eq(cases.id, c.id)))[0]!.status));
    expect(statuses).toEqual(["waitlisted", "quota_review", "quota_review"]);
    expect((await waitlistPosition(t.db, listed[0]!.id))!).toMatchObject({ position: 1, waiting: 1 });
  });

  it("KD-04 backstop: the database refuses used > allocated even outside the engine", async () => {
    await setQuota("KZ-AKT", 2026, 2, 2);
    await expect(t.db.update(kandasQuotas).set({ familiesUsed: 3 }).where(and(eq(kandasQuotas.region, "KZ-AKT"), eq(kandasQuotas.year, 2026)))).rejects.toThrow();
  });

  it("KD-08: a refusal's complaint goes to the central reviewer; the akimat cannot decide it", async () => {
    let c = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication(), { channel: "online", submit: true, now: at("2026-03-02") }));
    c = ok(await perform(t.db, akimatOfficer, c.id, "start_review", {}, c.version));
    c = await hearingWaived(t.db, akimatOfficer, applicant, c, { grounds: "documents_not_genuine" });
    c = ok(await perform(t.db, akimatOfficer, c.id, "propose_decision", { outcome: "refuse", reasonCode: "documents_not_genuine", reason: "The ethnicity certificate is not genuine." }, c.version));
    c = ok(await perform(t.db, akimatSupervisor, c.id, "approve_decision", {}, c.version, { now: at("2026-03-02") }));
    expect(c.status).toBe("status_refused");
    expect(await perform(t.db, otherApplicant, c.id, "file_complaint", { reason: "The certificate is genuine; see the archive." }, c.version)).toEqual({ ok: false, error: "not_found" });
    c = ok(await perform(t.db, applicant, c.id, "file_complaint", { reason: "The certificate is genuine; see the archive." }, c.version, { now: at("2026-03-20") }));
    expect(c.status).toBe("complaint_review");
    expect(await perform(t.db, akimatSupervisor, c.id, "uphold_complaint", { reason: "Certificate checked with the archive." }, c.version)).toEqual({ ok: false, error: "forbidden" });
    expect(await perform(t.db, akimatOfficer, c.id, "dismiss_complaint", { reason: "Certificate checked with the archive." }, c.version)).toEqual({ ok: false, error: "forbidden" });
    c = ok(await perform(t.db, reviewer, c.id, "uphold_complaint", { reason: "Certificate checked with the archive." }, c.version, { now: at("2026-03-25") }));
    expect(c.status).toBe("under_review");
    const [decision] = await t.db.select().from(decisions).where(and(eq(decisions.caseId, c.id), eq(decisions.outcome, "complaint_upheld")));
    expect(decision!.issuingBody).toBe("mia_central");
  });

  it("KD-08: a complaint after the complaint period is refused", async () => {
    let c = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication(), { channel: "online", submit: true, now: at("2026-03-02") }));
    c = ok(await perform(t.db, akimatOfficer, c.id, "start_review", {}, c.version));
    c = await hearingWaived(t.db, akimatOfficer, applicant, c, { grounds: "other" });
    c = ok(await perform(t.db, akimatOfficer, c.id, "propose_decision", { outcome: "refuse", reasonCode: "other", reason: "Not settled in the chosen region." }, c.version));
    c = ok(await perform(t.db, akimatSupervisor, c.id, "approve_decision", {}, c.version, { now: at("2026-03-02") }));
    expect(await perform(t.db, applicant, c.id, "file_complaint", { reason: "The decision is wrong on the facts." }, c.version, { now: at("2026-04-02") })).toMatchObject({ violations: [{ rule: "KD-08" }] });
  });

  it("KD-10: a centre counted in persons takes a family up to its capacity and refuses the next; release frees the places", async () => {
    const [karaganda] = await t.db.select().from(accommodationCentres).where(eq(accommodationCentres.code, "CAIO-KARAGANDA"));
    await t.db.update(accommodationCentres).set({ occupiedPersons: 116 }).where(eq(accommodationCentres.id, karaganda!.id));
    const four = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication({ resettlement: { region: "KZ-KAR" }, members: [kdMember(1, "spouse"), kdMember(2), kdMember(3)] }), { channel: "online", submit: true, now: at("2026-03-02") }));
    const one = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication({ resettlement: { region: "KZ-KAR" } }), { channel: "online", submit: true, now: at("2026-03-02") }));
    const placed = ok(await perform(t.db, akimatOfficer, four.id, "place_in_centre", { centreId: karaganda!.id }, four.version));
    expect(placed.flags).toContain("in_centre");
    let [centre] = await t.db.select().from(accommodationCentres).where(eq(accommodationCentres.id, karaganda!.id));
    expect(centre).toMatchObject({ occupiedPersons: 120, occupiedFamilies: 16 });
    expect(await perform(t.db, akimatOfficer, one.id, "place_in_centre", { centreId: karaganda!.id }, one.version)).toMatchObject({
      error: "rule_violation",
      violations: [{ rule: "KD-10", path: ["centreId"] }],
    });
    expect(await perform(t.db, akimatOfficer, placed.id, "place_in_centre", { centreId: karaganda!.id }, placed.version)).toMatchObject({ violations: [{ rule: "KD-09" }] });
    ok(await perform(t.db, akimatOfficer, placed.id, "release_from_centre", {}, placed.version));
    [centre] = await t.db.select().from(accommodationCentres).where(eq(accommodationCentres.id, karaganda!.id));
    expect(centre).toMatchObject({ occupiedPersons: 116, occupiedFamilies: 15 });
    const [current] = await t.db.select().from(centrePlacements).where(and(eq(centrePlacements.caseId, placed.id), isNull(centrePlacements.releasedOn)));
    expect(current).toBeUndefined();
    ok(await perform(t.db, akimatOfficer, one.id, "place_in_centre", { centreId: karaganda!.id }, one.version));
  });

  it("KD-11: the akimat records and withdraws support measures once benefits are active", async () => {
    await setQuota("KZ-ALM", 2026, 10);
    let c = await grantedCase({ region: "KZ-ALM" });
    const officer = await makeUser(t.db, "officer", { regions: ["KZ-ALM"], services: [KD_SERVICE] });
    c = ok(await perform(t.db, officer, c.id, "start_quota_review", {}, c.version));
    c = ok(await perform(t.db, officer, c.id, "include_in_quota", {}, c.version));
    c = ok(await perform(t.db, officer, c.id, "activate_benefits", {}, c.version));
    expect(await perform(t.db, officer, c.id, "grant_benefit", { measure: "free_car" }, c.version)).toMatchObject({ violations: [{ rule: "KD-11" }] });
    c = ok(await perform(t.db, officer, c.id, "grant_benefit", { measure: "one_off_payment", amountKzt: "450000", note: "Region ALM rate" }, c.version));
    const [benefit] = await t.db.select().from(kandasBenefits).where(eq(kandasBenefits.caseId, c.id));
    expect(benefit).toMatchObject({ measure: "one_off_payment", amountKzt: 450000, withdrawnOn: null });
    c = ok(await perform(t.db, officer, c.id, "withdraw_benefit", { benefitId: benefit!.id, reason: "Paid twice by mistake." }, c.version));
    const [after] = await t.db.select().from(kandasBenefits).where(eq(kandasBenefits.id, benefit!.id));
    expect(after!.withdrawnOn).not.toBeNull();
    expect(await perform(t.db, officer, c.id, "withdraw_benefit", { benefitId: benefit!.id, reason: "Paid twice by mistake." }, c.version)).toMatchObject({ violations: [{ rule: "KD-11" }] });
  });

  it("KD-14: a kandas holder files for simplified citizenship; due in 3 calendar months, alert at 2.5 months", async () => {
    const holder = await grantedCase({ day: "2026-01-09" });
    const kc = ok(
      await createCase(
        t.db,
        applicant,
        KC_SERVICE,
        { kandasCaseId: holder.id, kandasReference: holder.reference, region: REGION, address: "Aktau, 14th microdistrict, 5-21", permanentResidence: true, renouncesOtherCitizenship: true },
        { channel: "online", submit: true, now: at("2026-01-10") },
      ),
    );
    expect(kc).toMatchObject({ status: "submitted", dueOn: "2026-04-10" });
    const [job] = await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.caseId, kc.id));
    expect(job).toMatchObject({ kind: "kc_sla_alert" });
    expect(job!.runAt.toISOString()).toBe("2026-03-26T04:00:00.000Z");

    await runDueJobs(t.db, at("2026-03-25"));
    let [row] = await t.db.select().from(cases).where(eq(cases.id, kc.id));
    expect(row!.flags).not.toContain("sla_alert");
    await runDueJobs(t.db, at("2026-03-26", "10:00:00"));
    [row] = await t.db.select().from(cases).where(eq(cases.id, kc.id));
    expect(row!.flags).toContain("sla_alert");
    const alerts = await t.db.select().from(notifications).where(and(eq(notifications.caseId, kc.id), eq(notifications.userId, miaOfficer.userId!)));
    expect(alerts.map((a) => a.template)).toEqual(["kd.notifications.citizenshipDueSoon"]);
  });

  it("KD-14: someone without a kandas status (or with another person's case) cannot use the simplified procedure", async () => {
    const pending = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication(), { channel: "online", submit: true, now: at("2026-03-02") }));
    const input = { kandasCaseId: pending.id, kandasReference: pending.reference, region: REGION, address: "Aktau, 14th microdistrict, 5-21", permanentResidence: true, renouncesOtherCitizenship: true };
    expect(await createCase(t.db, applicant, KC_SERVICE, input, { channel: "online", submit: true })).toMatchObject({ error: "rule_violation", violations: [{ rule: "KD-14" }] });
    const holder = await grantedCase();
    expect(await createCase(t.db, otherApplicant, KC_SERVICE, { ...input, kandasCaseId: holder.id }, { channel: "online", submit: true })).toMatchObject({ violations: [{ rule: "KD-14" }] });
  });
});
