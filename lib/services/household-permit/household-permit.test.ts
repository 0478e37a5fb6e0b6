import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { caseEvents, cases, employmentContracts, hpInvoices, issuedDocuments, notifications, offences } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { runDueJobs } from "@/lib/jobs/runner";
import { HP_SERVICE, TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { EMPLOYER_IIN, hpApplication } from "@/test/household-permit";
import { iinFor } from "@/db/seed/demo-household-permits";
import { confirmPermitPayment, usePaymentProvider, type PaymentProvider } from "./payment";

const FILED = at("2026-03-03");

function expectOk(r: PerformResult): CaseSnapshot {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.case;
}

describe.each(TEST_ENGINES)("household permits on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer: Viewer;
  let clerk: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [HP_SERVICE] });
    clerk = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [HP_SERVICE] });
  }, 60_000);
  afterAll(async () => t?.close());

  async function file(app = hpApplication(), viewer = applicant, now = FILED) {
    return expectOk(await createCase(t.db, viewer, HP_SERVICE, app, { channel: "online", submit: true, now }));
  }

  /** Filed, reviewed and approved: the fee is due. */
  async function approved(app = hpApplication()) {
    const c = await file(app);
    const r = expectOk(await perform(t.db, officer, c.id, "start_review", {}, c.version, { now: at("2026-03-04") }));
    return expectOk(await perform(t.db, officer, c.id, "approve", {}, r.version, { now: at("2026-03-05") }));
  }

  /** An issued permit without a contract yet. */
  async function issued(app = hpApplication({ withoutEmployer: true }), reference = `RCPT-${Math.random().toString(36).slice(2, 10)}`) {
    const c = await approved(app);
    return expectOk(await confirmPermitPayment(t.db, applicant, c.id, reference, { now: at("2026-03-06") }));
  }

  const contractsOf = (caseId: string) => t.db.select().from(employmentContracts).where(eq(employmentContracts.caseId, caseId));

  it("HP-03: an EAEU citizen's application ends as 'no permit required', with a notification", async () => {
    const c = await file(hpApplication({ person: { citizenship: "KGZ" } }));
    expect(c.status).toBe("not_required");
    const notes = await t.db.select().from(notifications).where(eq(notifications.caseId, c.id));
    expect(notes.map((n) => n.template)).toEqual(["hp.notifications.notRequired"]);
  });

  it("HP-02: a Turkish citizen (30 days visa-free) is refused at filing", async () => {
    const r = await createCase(t.db, applicant, HP_SERVICE, hpApplication({ person: { citizenship: "TUR" } }), { channel: "online", submit: true, now: FILED });
    expect(r).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-02" })] });
  });

  it("HP-14: approval sets the fee (months × the regional rate) and the day it is due; the permit comes only with payment", async () => {
    const c = await approved();
    expect(c.status).toBe("approved_awaiting_payment");
    expect(c.data.invoice).toEqual({ months: 6, monthlyRateKzt: 10_000, amountKzt: 60_000, dueOn: "2026-03-15" });
    const [invoice] = await t.db.select().from(hpInvoices).where(eq(hpInvoices.caseId, c.id));
    expect(invoice).toMatchObject({ amountTiyn: 6_000_000, status: "pending" });
    expect(await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id))).toHaveLength(0);
    // The contract named at filing waits until the permit is issued.
    expect((await contractsOf(c.id)).map((k) => k.status)).toEqual(["proposed"]);
  });

  it("payment: confirmed → permit issued with its document, and the contract named at filing becomes active", async () => {
    const c = await approved();
    const paid = expectOk(await confirmPermitPayment(t.db, applicant, c.id, "rcpt-0001", { now: at("2026-03-06") }));
    expect(paid.status).toBe("active");
    expect(paid.data.permit).toEqual({ validFrom: "2026-03-06", validUntil: "2026-09-05", extensions: 0 });
    const docs = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ type: "household_permit", validFrom: "2026-03-06", validUntil: "2026-09-05" });
    const events = await t.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(caseEvents.version);
    expect(events.slice(-2).map((e) => [e.action, e.toStatus])).toEqual([["confirm_payment", "issued"], ["activate_contract", "active"]]);
    expect((await contractsOf(c.id)).map((k) => [k.status, k.employerIin])).toEqual([["active", EMPLOYER_IIN]]);
    const [invoice] = await t.db.select().from(hpInvoices).where(eq(hpInvoices.caseId, c.id));
    expect(invoice).toMatchObject({ status: "paid", paymentReference: "RCPT-0001", provider: "receipt" });
  });

  it("payment is idempotent: the same payment confirmed twice, and five times at once, issues ONE permit", async () => {
    const c = await approved();
    const results = await Promise.all(Array.from({ length: 5 }, () => confirmPermitPayment(t.db, applicant, c.id, "RCPT-SAME", { now: at("2026-03-06") })));
    expect(results.every((r) => r.ok)).toBe(true);
    const again = await confirmPermitPayment(t.db, officer, c.id, "RCPT-SAME", { now: at("2026-03-07") });
    expect(again).toMatchObject({ ok: true, replayed: true });
    expect(await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id))).toHaveLength(1);
    const events = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "confirm_payment")));
    expect(events).toHaveLength(1);
  });

  it("payment: one receipt cannot pay two permits, and a provider that does not confirm issues nothing", async () => {
    await issued(undefined, "RCPT-ONCE");
    const other = await approved(hpApplication({ withoutEmployer: true }));
    const reused = await confirmPermitPayment(t.db, applicant, other.id, "RCPT-ONCE", { now: at("2026-03-06") });
    expect(reused).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-14" })] });
    const declining: PaymentProvider = { id: "declining", confirm: async () => null };
    const previous = usePaymentProvider(declining);
    try {
      const r = await confirmPermitPayment(t.db, applicant, other.id, "RCPT-UNKNOWN", { now: at("2026-03-06") });
      expect(r).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-14", messageKey: "hp.rules.hp14NotPaid" })] });
    } finally {
      usePaymentProvider(previous);
    }
    expect(await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, other.id))).toHaveLength(0);
  });

  it("HP-14: an approval not paid in time lapses through the scheduled follow-up", async () => {
    const c = await approved(hpApplication({ withoutEmployer: true }));
    await runDueJobs(t.db, at("2026-03-15", "23:00:00"));
    await runDueJobs(t.db, at("2026-03-16", "00:30:00"));
    const r = await perform(t.db, applicant, c.id, "confirm_payment", { paymentReference: "RCPT-LATE" }, c.version, { now: at("2026-03-16", "09:00:00") });
    expect(r).toMatchObject({ ok: false, error: "version_conflict" });
    const [invoice] = await t.db.select().from(hpInvoices).where(eq(hpInvoices.caseId, c.id));
    expect(invoice!.status).toBe("lapsed");
  });

  it("HP-10: a contract with a householder in another region is refused; HP-09: a BIN is refused", async () => {
    const p = await issued();
    const employer = { iin: EMPLOYER_IIN, name: "Bolat Tulegenov", phone: "+77015551212", region: "KZ-ALM", address: "Kaskelen" };
    const r1 = await perform(t.db, applicant, p.id, "register_contract", employer, p.version, { now: at("2026-03-07") });
    expect(r1).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-10", path: ["region"] })] });
    const r2 = await perform(t.db, applicant, p.id, "register_contract", { ...employer, region: "KZ-ALA", iin: "990340000014" }, p.version, { now: at("2026-03-07") });
    expect(r2).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-09" })] });
  });

  it("HP-11: the 5th contract of an employer is accepted, the 6th refused; when one ends, a new one is accepted", async () => {
    const employerIin = iinFor("1980-01-15", "M", 101);
    const employer = { iin: employerIin, name: "Aset Nurpeisov", phone: "+77017770000", region: "KZ-ALA", address: "Almaty, Abay 1" };
    const permits = [];
    for (let i = 0; i < 6; i++) permits.push(await issued());
    const done: CaseSnapshot[] = [];
    for (const p of permits.slice(0, 5)) done.push(expectOk(await perform(t.db, clerk, p.id, "register_contract", employer, p.version, { now: at("2026-03-07") })));
    const sixth = permits[5]!;
    const refused = await perform(t.db, clerk, sixth.id, "register_contract", employer, sixth.version, { now: at("2026-03-07") });
    expect(refused).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-11", values: { max: 5 } })] });
    expectOk(await perform(t.db, applicant, done[0]!.id, "end_contract", { reason: "The work on the house is finished." }, done[0]!.version, { now: at("2026-03-08") }));
    expectOk(await perform(t.db, clerk, sixth.id, "register_contract", employer, sixth.version, { now: at("2026-03-08") }));
  });

  it("HP-11 under concurrency: 10 registrations at once for an employer with 4 active contracts → exactly 1 succeeds", async () => {
    const employerIin = iinFor("1979-05-20", "F", 202);
    const employer = { iin: employerIin, name: "Gulmira Sadykova", phone: "+77017771111", region: "KZ-ALA", address: "Almaty, Satpayev 5" };
    const permits = [];
    for (let i = 0; i < 14; i++) permits.push(await issued());
    for (const p of permits.slice(0, 4)) expectOk(await perform(t.db, clerk, p.id, "register_contract", employer, p.version, { now: at("2026-03-07") }));
    const racing = permits.slice(4);
    const results = await Promise.all(racing.map((p) => perform(t.db, clerk, p.id, "register_contract", employer, p.version, { now: at("2026-03-07", "12:00:00") })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "rule_violation" && r.violations[0]?.rule === "HP-11")).toHaveLength(9);
    const active = await t.db.select().from(employmentContracts).where(and(eq(employmentContracts.employerIin, employerIin), eq(employmentContracts.status, "active")));
    expect(active).toHaveLength(5);
  });

  it("HP-08: an extension up to exactly 12 months of stay is granted and re-issues the permit; one more month is refused", async () => {
    // Entered 1 Mar, permit from 6 Mar for 6 months (to 5 Sep): +6 months would reach 5 Mar 2027, past 28 Feb 2027.
    const p = await issued(hpApplication({ work: { termMonths: 6 } }));
    const active = expectOk(await perform(t.db, applicant, p.id, "register_contract", { iin: iinFor("1985-02-02", "M", 303), name: "Timur Ospanov", phone: "+77012223344", region: "KZ-ALA", address: "Almaty" }, p.version, { now: at("2026-03-07") }));
    const tooLong = await perform(t.db, applicant, active.id, "request_extension", { months: 6, insuranceValidUntil: "2027-12-31" }, active.version, { now: at("2026-08-20") });
    expect(tooLong).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-08" })] });
    // 3 months → 5 Dec 2026: fine; the insurance (to 28 Feb 2027) covers it.
    const requested = expectOk(await perform(t.db, applicant, active.id, "request_extension", { months: 3 }, active.version, { now: at("2026-08-20") }));
    const extended = expectOk(await perform(t.db, officer, requested.id, "extend", {}, requested.version, { now: at("2026-08-21") }));
    expect(extended.status).toBe("active");
    expect(extended.data.permit).toEqual({ validFrom: "2026-03-06", validUntil: "2026-12-05", extensions: 1 });
    const docs = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, p.id));
    expect(docs.map((d) => [d.validUntil, d.revokedAt !== null])).toEqual(expect.arrayContaining([["2026-09-05", true], ["2026-12-05", false]]));
  });

  it("HP-16: revocation records its ground, revokes the document and ends the contract; HP-18 offences attach to the worker or employer", async () => {
    const p = await issued();
    const active = expectOk(await perform(t.db, applicant, p.id, "register_contract", { iin: iinFor("1970-10-10", "M", 404), name: "Nurlan Ibraev", phone: "+77019998877", region: "KZ-ALA", address: "Almaty" }, p.version, { now: at("2026-03-07") }));
    const o1 = expectOk(await perform(t.db, officer, active.id, "record_offence", { subject: "employer", code: "employer_hiring_rules", occurredOn: "2026-03-20", reason: "Worker found doing work outside the household." }, active.version, { now: at("2026-03-21") }));
    const o2 = expectOk(await perform(t.db, officer, active.id, "record_offence", { subject: "worker", code: "activity_not_matching_purpose", occurredOn: "2026-03-20", reason: "Worked at a construction firm." }, o1.version, { now: at("2026-03-21") }));
    const recorded = await t.db.select().from(offences).where(eq(offences.caseId, p.id));
    expect(recorded.map((o) => [o.subject, o.employerIin !== null, o.personId !== null]).sort()).toEqual([["employer", true, false], ["worker", false, true]]);
    const noGround = await perform(t.db, officer, p.id, "revoke", { reason: "Breach of the permit's conditions." }, o2.version, { now: at("2026-03-22") });
    expect(noGround).toMatchObject({ ok: false, error: "validation_failed" });
    const revoked = expectOk(await perform(t.db, officer, p.id, "revoke", { ground: "region_violation", reason: "Breach of the permit's conditions." }, o2.version, { now: at("2026-03-22") }));
    expect(revoked.status).toBe("revoked");
    const [doc] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, p.id));
    expect(doc!.revocationReason).toBe("region_violation");
    expect((await contractsOf(p.id)).map((k) => k.status)).toEqual(["terminated"]);
  });

  it("the permit expires on the day after its last day through the scheduled follow-up, and its contract ends", async () => {
    const p = await issued(hpApplication({ withoutEmployer: true, work: { termMonths: 1 } }));
    expect(p.data.permit).toMatchObject({ validUntil: "2026-04-05" });
    await runDueJobs(t.db, at("2026-04-06", "01:00:00"));
    const events = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, p.id), eq(caseEvents.action, "expire")));
    expect(events).toHaveLength(1);
  });

  it("HP-06: after a return, changing the category needs a new medical certificate", async () => {
    const c = await file();
    const returned = expectOk(await perform(t.db, officer, c.id, "return_for_correction", { reason: "Please attach the medical certificate scan." }, c.version, { now: at("2026-03-04") }));
    const sameCertificate = hpApplication({ work: { category: "cook" }, certificates: { medicalCategory: "cook" } });
    const r = await perform(t.db, applicant, c.id, "resubmit", sameCertificate, returned.version, { now: at("2026-03-05") });
    expect(r).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-06", messageKey: "hp.rules.hp06CategoryChanged" })] });
    const fresh = hpApplication({ work: { category: "cook" }, certificates: { medicalCategory: "cook", medicalNumber: "MC-9001" } });
    expect(expectOk(await perform(t.db, applicant, c.id, "resubmit", fresh, returned.version, { now: at("2026-03-05") })).status).toBe("submitted");
  });
  /** A temporary registration of the same worker (same passport), registered until 2026-04-15. */
  async function registration(validUntil = "2026-04-15") {
    const trOfficer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    const worker = hpApplication().person;
    const app = trApplication({ person: worker, passport: { passportNumber: "FA7654321" }, stay: { requestedEndDate: validUntil } });
    const c = expectOk(await createCase(t.db, applicant, TR_SERVICE, app, { channel: "online", submit: true, now: at("2026-03-02") }));
    const r = expectOk(await perform(t.db, trOfficer, c.id, "start_review", {}, c.version, { now: at("2026-03-02") }));
    return expectOk(await perform(t.db, trOfficer, c.id, "register", {}, r.version, { now: at("2026-03-02") }));
  }

  const slipsOf = (caseId: string) => t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, caseId));

  it("HP-20: issuing the permit carries the worker's registration to the permit's end, for work, with a new slip", async () => {
    const tr = await registration();
    const permit = await issued();
    const until = (permit.data as { permit: { validUntil: string } }).permit.validUntil;
    const [after] = await t.db.select().from(cases).where(eq(cases.id, tr.id));
    const data = after!.data as { registration: { validUntil: string; permitReference: string }; stay: { purpose: string } };
    expect(data.registration).toMatchObject({ validUntil: until, permitReference: permit.reference });
    expect(data.stay.purpose).toBe("work");
    const slips = await slipsOf(tr.id);
    expect(slips.filter((d) => d.revokedAt === null).map((d) => d.validUntil)).toEqual([until]);
    expect(slips.filter((d) => d.revokedAt !== null).map((d) => d.validUntil)).toEqual(["2026-04-15"]);
    const events = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, tr.id), eq(caseEvents.action, "extend_for_permit")));
    expect(events).toHaveLength(1);
    expect(events[0]!.actorRole).toBe("system");
  });

  it("HP-20: a registration already running past the permit keeps its date and slip", async () => {
    const tr = await registration("2026-05-29");
    await issued(hpApplication({ withoutEmployer: true, work: { termMonths: 1 } }));
    const [after] = await t.db.select().from(cases).where(eq(cases.id, tr.id));
    expect((after!.data as { registration: { validUntil: string } }).registration.validUntil).toBe("2026-05-29");
    expect((await slipsOf(tr.id)).every((d) => d.revokedAt === null)).toBe(true);
  });
});
