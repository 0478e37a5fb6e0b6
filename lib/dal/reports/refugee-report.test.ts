import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRefugeeFamily } from "@/db/seed/refugees";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { RF_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser } from "@/test/fixtures";
import { supervisorDashboard } from "../dashboard";
import { runReport } from "./reports";

const NOVEMBER = { from: "2026-11", to: "2026-11" } as const;

function ok(r: PerformResult): CaseSnapshot {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.case;
}

describe.each(TEST_ENGINES)("refugee renewal figures on %s", (engine) => {
  let t: TestDatabase;
  let refugee: Viewer;
  let officer: Viewer;
  let member1: Viewer;
  let member2: Viewer;
  let seq = 0;

  /** A one-person family whose renewal goes to the commission and gets two votes the same way. */
  async function decided(decision: "extend" | "refuse") {
    seq += 1;
    const f = await createRefugeeFamily(t.db, {
      ownerId: refugee.userId,
      region: "KZ-ALA",
      countryOfOrigin: "AFG",
      grantedOn: "2025-01-01",
      startsOn: "2026-01-01",
      endsOn: "2026-12-31",
      members: [{ surname: `RAHIMI${"X".repeat(seq)}`, givenNames: "AHMAD", birthDate: "1985-03-02", sex: "M", relation: "principal" }],
    });
    const s = f.principal;
    let c = ok(
      await createCase(
        t.db,
        refugee,
        RF_SERVICE,
        {
          status: { id: s.id, certificateNumber: s.certificateNumber, endsOn: s.endsOn, holderName: "RAHIMI AHMAD", countryOfOrigin: s.countryOfOrigin },
          identity: { type: "refugee_travel_document", number: `RTD12345${seq}` },
          address: { region: "KZ-ALA", city: "Almaty", street: "Tole bi", building: "45", flat: "12", phone: "+7 701 555 11 22" },
          familyChanges: [],
          statement: "My situation has not changed; I ask to extend my status.",
        },
        { channel: "online", submit: true, now: at("2026-11-21") },
      ),
    );
    const situation = decision === "extend" ? "unchanged" : "changed";
    const vote = decision === "extend" ? { decision, legalGround: "circumstances_unchanged", reason: "Unchanged per reports." } : { decision, legalGround: "circumstances_changed", reason: "The situation has changed." };
    c = ok(await perform(t.db, officer, c.id, "start_review", {}, c.version, { now: at("2026-11-23") }));
    c = ok(await perform(t.db, officer, c.id, "record_assessment", { situation, justification: "UNHCR and MFA reports reviewed for 2026.", sources: "UNHCR Afghanistan 2026" }, c.version, { now: at("2026-11-23") }));
    c = ok(await perform(t.db, officer, c.id, "send_to_commission", {}, c.version, { now: at("2026-11-23") }));
    c = ok(await perform(t.db, member1, c.id, "vote", vote, c.version, { now: at("2026-11-25") }));
    return ok(await perform(t.db, member2, c.id, "vote", vote, c.version, { now: at("2026-11-25") }));
  }

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    const region = { regions: ["KZ-ALA"], services: [RF_SERVICE] };
    refugee = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", region);
    member1 = await makeUser(t.db, "supervisor", region);
    member2 = await makeUser(t.db, "supervisor", region);
    expect((await decided("extend")).status).toBe("extended");
    expect((await decided("refuse")).status).toBe("refused");
  }, 120_000);
  afterAll(async () => t?.close());

  it("renewal decisions per month and region by outcome", async () => {
    const r = await runReport(t.db, member1, "refugee-renewals", NOVEMBER);
    expect(r!.rows).toEqual([
      { month: "2026-11", region: "KZ-ALA", outcome: "extended", decisions: 1 },
      { month: "2026-11", region: "KZ-ALA", outcome: "refused", decisions: 1 },
    ]);
  });

  it("renewals have no decision term (only the certificate's, RF-06); the extended case stays open until the certificate", async () => {
    const d = await supervisorDashboard(t.db, member1, NOVEMBER, { now: at("2026-11-26") });
    expect(d!.term).toEqual([{ region: "KZ-ALA", service: RF_SERVICE, within: 0, late: 0, noTerm: 2 }]);
    expect(d!.refusals).toEqual([{ service: RF_SERVICE, reasonCode: "circumstances_changed", count: 1 }]);
    // The certificate is still owed (RF-06): the case stays open, nobody holds it, nothing is overdue yet.
    expect(d!.workload.totals).toMatchObject({ open: 1, unallocated: 1, overdue: 0 });
  });
});
