import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { issuedDocuments, users } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { HP_SERVICE } from "@/lib/services";
import { confirmPermitPayment } from "@/lib/services/household-permit/payment";
import { iinFor } from "@/db/seed/demo-household-permits";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser } from "@/test/fixtures";
import { hpApplication } from "@/test/household-permit";
import { employerView, endContractAsEmployer, registerContractAsEmployer } from "./household-permits";

function expectOk(r: PerformResult): CaseSnapshot {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.case;
}

describe.each(TEST_ENGINES)("the householder's view on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer: Viewer;
  let householder: Viewer;
  let stranger: Viewer;
  const iin = iinFor("1968-04-04", "F", 707);

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [HP_SERVICE] });
    householder = await makeUser(t.db, "applicant");
    stranger = await makeUser(t.db, "applicant");
    await t.db.update(users).set({ iin }).where(eq(users.id, householder.userId!));
  }, 60_000);
  afterAll(async () => t?.close());

  async function issuedPermit() {
    const c = expectOk(await createCase(t.db, applicant, HP_SERVICE, hpApplication({ withoutEmployer: true }), { channel: "online", submit: true, now: at("2026-03-03") }));
    const r = expectOk(await perform(t.db, officer, c.id, "start_review", {}, c.version, { now: at("2026-03-04") }));
    const a = expectOk(await perform(t.db, officer, c.id, "approve", {}, r.version, { now: at("2026-03-05") }));
    const p = expectOk(await confirmPermitPayment(t.db, applicant, a.id, `R-${Math.random().toString(36).slice(2, 10)}`, { now: at("2026-03-06") }));
    const [doc] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, p.id));
    return { case: p, number: doc!.number };
  }

  const household = { name: "Gulnar Abisheva", phone: "+77015550011", region: "KZ-ALA", address: "Almaty, Tole bi 50" };

  it("registers a contract by permit number and the holder's birth date, under the householder's own IIN, and lists the worker", async () => {
    const p = await issuedPermit();
    const wrong = await registerContractAsEmployer(t.db, householder, { permitNumber: p.number, holderBirthDate: "1990-01-01", ...household });
    expect(wrong).toMatchObject({ ok: false, error: "validation_failed" });
    const r = expectOk(await registerContractAsEmployer(t.db, householder, { permitNumber: p.number.toLowerCase(), holderBirthDate: "1992-07-21", ...household }));
    expect(r.status).toBe("active");
    expect(r.data.employer).toMatchObject({ iin });
    const view = await employerView(t.db, householder);
    expect(view).toMatchObject({ iin, max: 5 });
    expect(view.active.map((w) => [w.reference, w.holder, w.permitNumber])).toEqual([[p.case.reference, "TOSHMATOV BOBUR", p.number]]);
  });

  it("HP-10 applies to the householder too; an account without an IIN sees nothing and can end nothing", async () => {
    const p = await issuedPermit();
    const elsewhere = await registerContractAsEmployer(t.db, householder, { permitNumber: p.number, holderBirthDate: "1992-07-21", ...household, region: "KZ-AST" });
    expect(elsewhere).toMatchObject({ ok: false, error: "rule_violation", violations: [expect.objectContaining({ rule: "HP-10" })] });
    expect(await employerView(t.db, stranger)).toMatchObject({ iin: null, active: [] });
    const [first] = (await employerView(t.db, householder)).active;
    expect(await endContractAsEmployer(t.db, stranger, first!.contractId, "Not my contract to end.")).toMatchObject({ ok: false, error: "not_found" });
  });

  it("the householder ends a contract: the permit stays issued and the place is free again", async () => {
    const before = await employerView(t.db, householder);
    const contract = before.active[0]!;
    const r = expectOk(await endContractAsEmployer(t.db, householder, contract.contractId, "The garden work is finished."));
    expect(r.status).toBe("issued");
    const after = await employerView(t.db, householder);
    expect(after.active).toHaveLength(before.active.length - 1);
    expect(after.past.map((w) => w.contractId)).toContain(contract.contractId);
  });
});
