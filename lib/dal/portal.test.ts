import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { createTranslator } from "use-intl/core";
import { auditLog, caseParties, issuedDocuments, people, ruleParameters, users } from "@/db/schema";
import { assignCase } from "@/lib/engine/assign";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { loadMessages } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { VALID_IIN, at, makeUser, trApplication } from "@/test/fixtures";
import { VerdictPanel } from "@/app/[locale]/(public)/verify/verdict-panel";
import { verdictText } from "@/app/[locale]/(public)/verify/verdict-text";
import { createRefugeeFamily } from "@/db/seed/refugees";
import { KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services";
import { kdApplication, kdMember } from "@/test/kandas-fixtures";
import { getCaseDetail, listMyCases, publicStatus } from "./cases";
import { findVerification, verifyPublicly, type VerificationQuery } from "./verification";

function ok(r: PerformResult): CaseSnapshot {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.case;
}

// Unique strings that appear nowhere else: if any of them shows up in a verification answer, the
// page leaked something from the case.
const CANARY = {
  surname: "ZQXCANARYSUR",
  givenNames: "QWCANARYGIVEN",
  passport: "QZ9876543",
  street: "Canarystreetqq",
  city: "Canarycityqq",
  hostName: "Canaryhostqq Wwq",
  phone: "+7 701 987 65 43",
};
const CANARY_BIRTH = "1991-07-23";
const CANARY_VALUES = [...Object.values(CANARY), CANARY_BIRTH, "23.07.1991", "ZQXCANARY", "QWCANARY"];

describe.each(TEST_ENGINES)("applicant portal on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let walkIn: Viewer;
  let officer: Viewer;
  let clerk: Viewer;
  let supervisor: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    walkIn = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    clerk = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    await t.db.update(users).set({ displayName: "Officer Staffnameqq" }).where(eq(users.id, officer.userId!));
    officer = { ...officer, displayName: "Officer Staffnameqq" };
  }, 60_000);
  afterAll(async () => t?.close());

  async function registered(app = trApplication(), by: Viewer = applicant): Promise<CaseSnapshot> {
    const c = ok(await createCase(t.db, by, TR_SERVICE, app, { channel: by.role === "applicant" ? "online" : "front_office", submit: true, now: at("2026-03-03") }));
    const r = ok(await perform(t.db, officer, c.id, "start_review", {}, c.version, { now: at("2026-03-03", "11:00:00") }));
    return ok(await perform(t.db, officer, c.id, "register", {}, r.version, { now: at("2026-03-03", "12:00:00") }));
  }

  describe("My applications and the status page", () => {
    it("the applicant's timeline has no staff-only event, internal reason or staff name; staff see all three", async () => {
      const c = ok(await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: at("2026-03-03") }));
      // A staff-only event with an internal reason, then a public event by the named officer.
      const assigned = ok(await assignCase(t.db, supervisor, c.id, officer.userId!, c.version, "Internalnoteqq: check the host twice", at("2026-03-03", "10:30:00")));
      ok(await perform(t.db, officer, c.id, "start_review", {}, assigned.version, { now: at("2026-03-03", "11:00:00") }));

      const mine = await getCaseDetail(t.db, applicant, c.reference);
      const shown = JSON.stringify(mine);
      expect(mine?.events.map((e) => e.action)).toEqual(["create", "submit", "start_review"]);
      expect(shown).not.toContain("Internalnoteqq");
      expect(shown).not.toContain("Staffnameqq");
      expect(shown).not.toContain(officer.userId);

      const staff = JSON.stringify(await getCaseDetail(t.db, supervisor, c.reference));
      expect(staff).toContain("Internalnoteqq");
      expect(staff).toContain("Staffnameqq");
    });

    it("a reason written for the applicant (a return for correction) is shown; other reasons are not", async () => {
      const c = ok(await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: at("2026-03-03") }));
      ok(await perform(t.db, officer, c.id, "return_for_correction", { reason: "Please upload the host's consent" }, c.version, { now: at("2026-03-03", "11:00:00") }));
      const mine = await getCaseDetail(t.db, applicant, c.reference);
      expect(mine?.events.find((e) => e.action === "return_for_correction")?.reason).toBe("Please upload the host's consent");
    });

    it("a case a clerk filed for a walk-in applicant shows in their list when its applicant carries their verified IIN, read-only", async () => {
      const c = ok(await createCase(t.db, clerk, TR_SERVICE, trApplication(), { channel: "front_office", submit: true, now: at("2026-03-03") }));
      expect((await listMyCases(t.db, walkIn)).map((m) => m.id)).not.toContain(c.id);

      // The clerk recorded the applicant's IIN; the account has the same IIN, verified.
      const [party] = await t.db.select().from(caseParties).where(and(eq(caseParties.caseId, c.id), eq(caseParties.role, "applicant")));
      await t.db.update(people).set({ iin: VALID_IIN }).where(eq(people.id, party!.personId!));
      await t.db.update(users).set({ iin: VALID_IIN }).where(eq(users.id, walkIn.userId!));

      const list = await listMyCases(t.db, walkIn);
      expect(list.find((m) => m.id === c.id)).toMatchObject({ link: "filed_at_office" });
      expect(await getCaseDetail(t.db, walkIn, c.reference)).not.toBeNull();
      // Seeing is not acting: withdrawing stays with the office.
      expect(await perform(t.db, walkIn, c.id, "withdraw", {}, c.version)).toMatchObject({ ok: false, error: "forbidden" });
      // Another applicant does not see it.
      expect((await listMyCases(t.db, applicant)).map((m) => m.id)).not.toContain(c.id);
      await t.db.update(users).set({ iin: null }).where(eq(users.id, walkIn.userId!));
    });

    it("a case filed online by someone else is not linked by IIN (the filer owns it)", async () => {
      const c = ok(await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: at("2026-03-03") }));
      const [party] = await t.db.select().from(caseParties).where(and(eq(caseParties.caseId, c.id), eq(caseParties.role, "applicant")));
      await t.db.update(people).set({ iin: "900101300015" }).where(eq(people.id, party!.personId!));
      await t.db.update(users).set({ iin: "900101300015" }).where(eq(users.id, walkIn.userId!));
      expect((await listMyCases(t.db, walkIn)).map((m) => m.id)).not.toContain(c.id);
      expect((await listMyCases(t.db, applicant)).find((m) => m.id === c.id)).toMatchObject({ link: "filed_by_me" });
      await t.db.update(users).set({ iin: null }).where(eq(users.id, walkIn.userId!));
    });
  });

  describe("public status check", () => {
    it("finds temporary registration and kandas cases by the applicant's passport, not by a family member's", async () => {
      const tr = await registered();
      expect(await publicStatus(t.db, tr.reference, "fa 1234567")).toMatchObject({ service: TR_SERVICE, status: "registered", protected: false });
      expect(await publicStatus(t.db, tr.reference, "FA0000000")).toBeNull();

      const kdApplicant = await makeUser(t.db, "applicant");
      const kd = ok(await createCase(t.db, kdApplicant, KD_SERVICE, kdApplication({ members: [kdMember(1, "spouse")] }), { channel: "online", submit: true, now: at("2026-03-03") }));
      expect(await publicStatus(t.db, kd.reference, "FA7654321")).toMatchObject({ service: KD_SERVICE, status: "submitted", dueOn: kd.dueOn });
      expect(await publicStatus(t.db, kd.reference, kdMember(1, "spouse").documentNumber)).toBeNull();
    });

    it("answers a refugee case by its certificate or identity document with the phase only: no dates, no outcome", async () => {
      const refugee = await makeUser(t.db, "applicant");
      const f = await createRefugeeFamily(t.db, {
        ownerId: refugee.userId,
        region: "KZ-ALA",
        countryOfOrigin: "AFG",
        grantedOn: "2025-01-01",
        startsOn: "2026-01-01",
        endsOn: "2026-12-31",
        members: [{ surname: "PORTALRF", givenNames: "AHMAD", birthDate: "1985-03-02", sex: "M", relation: "principal" }],
      });
      const s = f.principal;
      const rf = ok(
        await createCase(
          t.db,
          refugee,
          RF_SERVICE,
          {
            status: { id: s.id, certificateNumber: s.certificateNumber, endsOn: s.endsOn, holderName: "PORTALRF AHMAD", countryOfOrigin: s.countryOfOrigin },
            identity: { type: "refugee_travel_document", number: "RTD765432" },
            address: { region: "KZ-ALA", city: "Almaty", street: "Tole bi", building: "45", flat: "12", phone: "+7 701 555 11 22" },
            familyChanges: [],
            statement: "My situation has not changed; I ask to extend my status.",
          },
          { channel: "online", submit: true, now: at("2026-11-21") },
        ),
      );
      const byCertificate = await publicStatus(t.db, rf.reference, s.certificateNumber);
      expect(byCertificate).toEqual({ reference: rf.reference, service: RF_SERVICE, status: "in_progress", dueOn: null, updatedAt: null, protected: true });
      expect(await publicStatus(t.db, rf.reference, "rtd 765432")).toMatchObject({ status: "in_progress" });
      expect(await publicStatus(t.db, rf.reference, "RTD000000")).toBeNull();
    });
  });

  describe("public verification", () => {
    let slip: typeof issuedDocuments.$inferSelect;

    beforeAll(async () => {
      const c = await registered(
        trApplication({
          person: { surname: CANARY.surname, givenNames: CANARY.givenNames, birthDate: CANARY_BIRTH },
          passport: { passportNumber: CANARY.passport },
          address: { street: CANARY.street, city: CANARY.city },
          host: { name: CANARY.hostName, phone: CANARY.phone },
        }),
      );
      slip = (await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id)))[0]!;
    });

    // The rate limiter's counters live in the process: each engine's run gets its own addresses.
    const net = engine === "pglite" ? "10.7" : "10.8";
    const who = (ip: string) => ({ ip, auditIp: ip, viewer: null, channel: "page" as const });

    it("by token and by number + date of birth: the verdict and the type; a wrong date of birth is not found", async () => {
      const now = at("2026-03-10");
      expect(await findVerification(t.db, { by: "token", token: slip.verificationToken }, now)).toEqual({ status: "valid", type: "registration_slip" });
      expect(await findVerification(t.db, { by: "number", number: ` ${slip.number.toLowerCase()} `, birthDate: CANARY_BIRTH }, now)).toEqual({ status: "valid", type: "registration_slip" });
      expect(await findVerification(t.db, { by: "number", number: slip.number, birthDate: "1991-07-24" }, now)).toBeNull();
      expect(await findVerification(t.db, { by: "number", number: slip.number, birthDate: "not a date" }, now)).toBeNull();
      expect(await findVerification(t.db, { by: "token", token: "junk" }, now)).toBeNull();
      expect(await findVerification(t.db, { by: "token", token: slip.verificationToken }, at("2026-05-01"))).toMatchObject({ status: "expired" });
    });

    it("a replaced document answers replaced, a revoked one revoked", async () => {
      const c = await registered();
      const [old] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
      await t.db.update(issuedDocuments).set({ revokedAt: at("2026-03-05"), revocationReason: "cancelled" }).where(eq(issuedDocuments.id, old!.id));
      expect(await findVerification(t.db, { by: "token", token: old!.verificationToken }, at("2026-03-10"))).toMatchObject({ status: "revoked" });
      await t.db.update(issuedDocuments).set({ replacedBy: slip.id }).where(eq(issuedDocuments.id, old!.id));
      expect(await findVerification(t.db, { by: "token", token: old!.verificationToken }, at("2026-03-10"))).toMatchObject({ status: "replaced" });
    });

    it("no answer of the verification flow, in any language and for any verdict, contains a canary value", async () => {
      const c = await registered(trApplication({ person: { surname: CANARY.surname, givenNames: CANARY.givenNames, birthDate: CANARY_BIRTH }, passport: { passportNumber: CANARY.passport } }));
      const [other] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
      const queries: [string, VerificationQuery, Date][] = [
        ["valid by token", { by: "token", token: slip.verificationToken }, at("2026-03-10")],
        ["valid by number", { by: "number", number: slip.number, birthDate: CANARY_BIRTH }, at("2026-03-10")],
        ["expired", { by: "token", token: slip.verificationToken }, at("2026-06-01")],
        ["not yet valid", { by: "number", number: slip.number, birthDate: CANARY_BIRTH }, at("2026-03-01")],
        ["wrong birth date", { by: "number", number: slip.number, birthDate: "2000-01-01" }, at("2026-03-10")],
        ["malformed", { by: "number", number: CANARY.passport, birthDate: CANARY_BIRTH }, at("2026-03-10")],
      ];
      await t.db.update(issuedDocuments).set({ revokedAt: at("2026-03-05") }).where(eq(issuedDocuments.id, other!.id));
      queries.push(["revoked", { by: "token", token: other!.verificationToken }, at("2026-03-10")]);
      const c2 = await registered(trApplication({ person: { surname: CANARY.surname, givenNames: CANARY.givenNames, birthDate: CANARY_BIRTH }, passport: { passportNumber: CANARY.passport } }));
      const [third] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c2.id));
      await t.db.update(issuedDocuments).set({ revokedAt: at("2026-03-05"), replacedBy: slip.id }).where(eq(issuedDocuments.id, third!.id));
      queries.push(["replaced", { by: "number", number: third!.number, birthDate: CANARY_BIRTH }, at("2026-03-10")]);

      const verdicts = new Set<string>();
      for (const locale of routing.locales) {
        const tr = createTranslator({ locale, messages: await loadMessages(locale) });
        const t2 = Object.assign((key: string, values?: Record<string, string | number>) => tr(key as never, values as never), { has: (key: string) => tr.has(key as never) });
        for (const [name, query, now] of queries) {
          const outcome = await verifyPublicly(t.db, query, who(`${net}.${routing.locales.indexOf(locale)}.1`), now);
          expect(outcome.outcome, name).toBe("checked");
          const result = outcome.outcome === "checked" ? outcome.result : null;
          const { verdict, text } = verdictText(t2, result);
          verdicts.add(verdict);
          const html = renderToStaticMarkup(createElement(VerdictPanel, { verdict, text }));
          for (const value of CANARY_VALUES) {
            expect(html, `${locale} ${name}`).not.toContain(value);
            expect(JSON.stringify(outcome), `${locale} ${name}`).not.toContain(value);
          }
          expect(html).toContain(text.title);
        }
      }
      expect([...verdicts].sort()).toEqual(["expired", "not_found", "not_yet_valid", "replaced", "revoked", "valid"]);

      // The audit log has every check, the failed ones too, and never the date of birth or the token.
      const audited = await t.db.select().from(auditLog).where(eq(auditLog.action, "document.verify"));
      expect(audited.filter((a) => a.ip?.startsWith(`${net}.`) && a.ip.endsWith(".1")).length).toBe(queries.length * routing.locales.length);
      const log = JSON.stringify(audited);
      expect(log).not.toContain(CANARY_BIRTH);
      expect(log).not.toContain(slip.verificationToken);
      expect(audited.some((a) => (a.details as { result?: string }).result === "not_found")).toBe(true);
    });

    it("checks are limited per client address by verification_rate_per_minute, and the refused ones are audited", async () => {
      await t.db.insert(ruleParameters).values({ key: "verification_rate_per_minute", value: 2, effectiveFrom: "2000-01-01", description: "test", source: "test" }).onConflictDoNothing();
      await t.db.update(ruleParameters).set({ value: 2 }).where(eq(ruleParameters.key, "verification_rate_per_minute"));
      const query: VerificationQuery = { by: "token", token: slip.verificationToken };
      expect((await verifyPublicly(t.db, query, who(`${net}.7.7`))).outcome).toBe("checked");
      expect((await verifyPublicly(t.db, query, who(`${net}.7.7`))).outcome).toBe("checked");
      expect(await verifyPublicly(t.db, query, who(`${net}.7.7`))).toMatchObject({ outcome: "throttled" });
      // Another address has its own count.
      expect((await verifyPublicly(t.db, query, who(`${net}.7.8`))).outcome).toBe("checked");
      const audited = await t.db.select().from(auditLog).where(and(eq(auditLog.action, "document.verify"), eq(auditLog.ip, `${net}.7.7`)));
      expect(audited.map((a) => (a.details as { result: string }).result)).toEqual(expect.arrayContaining(["throttled"]));
    });
  });
});
