import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { issuedDocuments } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import { getService } from "@/lib/engine/registry";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { HP_SERVICE, KC_SERVICE, KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser } from "@/test/fixtures";
import { performApproved } from "@/test/approvals";
import { hearingWaived } from "@/test/hearing";
import { hpApplication } from "@/test/household-permit";
import { kdApplication } from "@/test/kandas-fixtures";

function ok(r: PerformResult | { ok: true; case: CaseSnapshot } | { ok: false }): CaseSnapshot {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r as { case: CaseSnapshot }).case;
}
const ruleOf = (r: PerformResult) => (!r.ok && r.error === "rule_violation" ? r.violations[0]!.rule : r.ok ? "ok" : r.error);

describe("the right to be heard in every service", () => {
  it.each([TR_SERVICE, HP_SERVICE, RF_SERVICE, KD_SERVICE, KC_SERVICE])("X-HEAR-01, X-HEAR-03: %s has both conversation states, stops its clock in them and guards its refusals", (id) => {
    const service = getService(id)!;
    expect(service.states).toEqual(expect.arrayContaining(["awaiting_information", "preliminary_refusal"]));
    if (service.deadline) expect(service.deadline.stoppedIn).toEqual(expect.arrayContaining(["awaiting_information", "preliminary_refusal"]));
    expect(Object.keys(service.actions)).toEqual(expect.arrayContaining(["request_information", "answer_information", "request_hearing", "record_hearing_minutes", "waive_hearing"]));
    expect(Object.keys(service.actions).some((a) => a.startsWith("preliminary_refuse"))).toBe(true);
  });
});

describe.each(TEST_ENGINES)("refusals after the hearing on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let hpOfficer: Viewer;
  let hpSupervisor: Viewer;
  let akimatOfficer: Viewer;
  let akimatSupervisor: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    hpOfficer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [HP_SERVICE] });
    hpSupervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [HP_SERVICE] });
    akimatOfficer = await makeUser(t.db, "officer", { regions: ["KZ-MAN"], services: [KD_SERVICE] });
    akimatSupervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-MAN"], services: [KD_SERVICE] });
  });
  afterAll(async () => t?.close());

  it("X-HEAR-03: a household permit is refused only after the preliminary refusal and the waiver, with its decision letter", async () => {
    let c = ok(await createCase(t.db, applicant, HP_SERVICE, hpApplication(), { channel: "online", submit: true, now: at("2026-03-03") }));
    c = ok(await perform(t.db, hpOfficer, c.id, "start_review", {}, c.version, { now: at("2026-03-04") }));
    const refusal = { reasonCode: "certificate_problem", reason: "The certificate could not be verified with the issuing state." };
    expect(ruleOf(await perform(t.db, hpOfficer, c.id, "refuse", refusal, c.version, { now: at("2026-03-04") }))).toBe("ENGINE");
    c = await hearingWaived(t.db, hpOfficer, applicant, c, { grounds: "certificate_problem", now: at("2026-03-04") });
    c = ok(await performApproved(t.db, hpOfficer, hpSupervisor, c.id, "refuse", refusal, c.version, { now: at("2026-03-05") }));
    expect(c.status).toBe("refused");
    const docs = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect(docs.map((d) => [d.type, d.holderDisplayName])).toEqual([["refusal_decision", "TOSHMATOV BOBUR"]]);
  });

  it("X-HEAR-03: the akimat proposes a status refusal only after the family was heard, a grant only once the preliminary refusal is withdrawn; the approved refusal issues the letter", async () => {
    let c = ok(await createCase(t.db, applicant, KD_SERVICE, kdApplication(), { channel: "online", submit: true, now: at("2026-03-02") }));
    c = ok(await perform(t.db, akimatOfficer, c.id, "start_review", {}, c.version));
    const refuse = { outcome: "refuse", reasonCode: "documents_not_genuine", reason: "The ethnicity certificate is not genuine." };
    expect(ruleOf(await perform(t.db, akimatOfficer, c.id, "propose_decision", refuse, c.version))).toBe("X-HEAR-03");
    c = await hearingWaived(t.db, akimatOfficer, applicant, c, { grounds: "documents_not_genuine" });
    // While the preliminary refusal stands, a grant proposal needs it withdrawn first.
    expect(ruleOf(await perform(t.db, akimatOfficer, c.id, "propose_decision", { outcome: "grant", reason: "Documents are in order after all." }, c.version))).toBe("X-HEAR-03");
    c = ok(await perform(t.db, akimatOfficer, c.id, "propose_decision", refuse, c.version));
    c = ok(await perform(t.db, akimatSupervisor, c.id, "approve_decision", {}, c.version));
    expect(c.status).toBe("status_refused");
    const docs = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect(docs.map((d) => d.type)).toEqual(["refusal_decision"]);
    expect(docs[0]!.content).toMatchObject({ refusal: "propose_decision", reasonCode: "documents_not_genuine", heard: "waived" });
  });
});
