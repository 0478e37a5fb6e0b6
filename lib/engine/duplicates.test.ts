import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { caseEvents, caseParties, cases, duplicateCandidates, people, ruleParameters } from "@/db/schema";
import { claimCase } from "@/lib/engine/assign";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import { POTENTIAL_DUPLICATE, checkDuplicates, resolveDuplicate } from "@/lib/engine/duplicates";
import { toSnapshot } from "@/lib/engine/snapshot";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { TR_SERVICE } from "@/lib/services";
import type { TrApplicationInput } from "@/lib/services/temporary-registration/schema";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";

describe.each(TEST_ENGINES)("duplicate check on intake on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let clerk: Viewer;
  let officer: Viewer;
  let otherOfficer: Viewer;
  let astanaOfficer: Viewer;
  const day = at("2026-03-03");
  let seq = 0;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    clerk = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    otherOfficer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    astanaOfficer = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
  });
  afterAll(async () => t?.close());

  /** A unique passport and birth date per call, so only what a test sets up can match. */
  function person(overrides: Partial<TrApplicationInput["person"]> = {}): Filing {
    seq += 1;
    const birthDate = `19${60 + seq}-0${(seq % 9) + 1}-1${seq % 10}`;
    return { person: { surname: `UNIQUE${"X".repeat(seq)}`, givenNames: "PERSON", birthDate, ...overrides }, passport: { passportNumber: `ZZ${1000000 + seq}` } };
  }

  type Filing = { person: Partial<TrApplicationInput["person"]>; passport: Partial<TrApplicationInput["passport"]> };
  async function file(viewer: Viewer, app: Filing, channel: "online" | "front_office" = "online"): Promise<CaseSnapshot> {
    const r = await createCase(t.db, viewer, TR_SERVICE, trApplication({ person: app.person, passport: app.passport }), { channel, submit: true, now: day });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.case;
  }
  const candidatesOf = (caseId: string) => t.db.select().from(duplicateCandidates).where(eq(duplicateCandidates.caseId, caseId));
  const personOf = async (caseId: string) =>
    (await t.db.select({ p: people }).from(caseParties).innerJoin(people, eq(people.id, caseParties.personId)).where(eq(caseParties.caseId, caseId)))[0]!.p;
  const load = async (id: string) => toSnapshot((await t.db.select().from(cases).where(eq(cases.id, id)))[0]!);

  it("stores the transliteration-normalised name key on every person filed", async () => {
    const c = await file(applicant, person({ surname: "KHASANOVA", givenNames: "YULIYA" }));
    expect((await personOf(c.id)).nameKey).toBe("hasanova iulia");
    expect(c.flags).not.toContain(POTENTIAL_DUPLICATE);
  });

  it("X-DUP-01 exact IIN: a second record with the same IIN is a candidate, whatever the name", async () => {
    const first = await file(applicant, person());
    const second = await file(clerk, person(), "front_office");
    const iin = "900514300011";
    await t.db.update(people).set({ iin }).where(eq(people.id, (await personOf(first.id)).id));
    await t.db.update(people).set({ iin }).where(eq(people.id, (await personOf(second.id)).id));
    // No intake form asks a foreigner for an IIN yet, so the check is run as an API filing carrying one would.
    const checked = await t.db.transaction((tx) => checkDuplicates(tx, second, day));
    expect(checked.flags).toContain(POTENTIAL_DUPLICATE);
    const [candidate] = await candidatesOf(second.id);
    expect(candidate).toMatchObject({ otherCaseId: first.id, matchKinds: ["iin"], status: "open" });
  });

  it("X-DUP-02 document number + issuing country: the same passport under another name is flagged on filing", async () => {
    const first = await file(applicant, person());
    const app = person({ surname: "DIFFERENT", givenNames: "NAME" });
    const second = await file(clerk, { ...app, passport: { passportNumber: `ZZ${1000000 + seq - 1}` } }, "front_office");
    expect(second.flags).toContain(POTENTIAL_DUPLICATE);
    expect((await load(second.id)).flags).toContain(POTENTIAL_DUPLICATE);
    const [candidate] = await candidatesOf(second.id);
    expect(candidate).toMatchObject({ otherCaseId: first.id, matchKinds: ["document"] });
  });

  it("X-DUP-02: the same number from another issuing country is not a match", async () => {
    await file(applicant, { person: { ...person().person, citizenship: "UZB" }, passport: { passportNumber: "SAME777" } });
    const second = await file(clerk, { person: { ...person().person, citizenship: "TJK" }, passport: { passportNumber: "SAME777" } }, "front_office");
    expect(second.flags).not.toContain(POTENTIAL_DUPLICATE);
    expect(await candidatesOf(second.id)).toHaveLength(0);
  });

  it("X-DUP-03 Cyrillic/Latin name + birth date: Хасанов Рустам and KHASANOV RUSTAM born the same day match", async () => {
    const first = await file(applicant, { person: { surname: "KHASANOV", givenNames: "RUSTAM", birthDate: "1979-11-02" }, passport: { passportNumber: "AB1111111" } });
    const second = await file(
      clerk,
      { person: { surname: "HASANOV", givenNames: "RUSTAM", surnameCyrillic: "Хасанов", givenNamesCyrillic: "Рустам", birthDate: "1979-11-02" }, passport: { passportNumber: "AC2222222" } },
      "front_office",
    );
    expect(second.flags).toContain(POTENTIAL_DUPLICATE);
    const [candidate] = await candidatesOf(second.id);
    expect(candidate).toMatchObject({ otherCaseId: first.id, matchKinds: ["name_birth_date"] });
    expect(candidate!.score).toBeCloseTo(1, 5);
  });

  it("X-DUP-03: a variant spelling (YULIYA / IULIIA) matches, the same name with another birth date does not", async () => {
    await file(applicant, { person: { surname: "KOVALENKO", givenNames: "IULIIA", birthDate: "1991-02-03" }, passport: { passportNumber: "KV1000001" } });
    const variant = await file(clerk, { person: { surname: "KOVALENKO", givenNames: "YULIYA", birthDate: "1991-02-03" }, passport: { passportNumber: "KV1000002" } }, "front_office");
    expect(variant.flags).toContain(POTENTIAL_DUPLICATE);
    const otherDay = await file(clerk, { person: { surname: "KOVALENKO", givenNames: "YULIYA", birthDate: "1991-02-04" }, passport: { passportNumber: "KV1000003" } }, "front_office");
    expect(otherDay.flags).not.toContain(POTENTIAL_DUPLICATE);
  });

  it("X-DUP-03: below duplicate_name_similarity nothing is flagged, and the threshold is a parameter", async () => {
    await file(applicant, { person: { surname: "ABDULLAEV", givenNames: "TIMUR", birthDate: "1985-07-07" }, passport: { passportNumber: "TH1000001" } });
    const unrelated = await file(clerk, { person: { surname: "NURMATOVA", givenNames: "DILNOZA", birthDate: "1985-07-07" }, passport: { passportNumber: "TH1000002" } }, "front_office");
    expect(unrelated.flags).not.toContain(POTENTIAL_DUPLICATE);

    // abdulaev timur / abdulaiev timurbek: similarity 0.55, just below the default 0.6.
    const nearMiss = await file(clerk, { person: { surname: "ABDULAYEV", givenNames: "TIMURBEK", birthDate: "1985-07-07" }, passport: { passportNumber: "TH1000005" } }, "front_office");
    expect(nearMiss.flags).not.toContain(POTENTIAL_DUPLICATE);

    // abdulaev timur / abdulaiev timur: similarity 0.72, flagged at 0.6 but not at 0.95.
    const similar = { surname: "ABDULAYEV", givenNames: "TIMUR", birthDate: "1985-07-07" };
    const atDefault = await file(clerk, { person: similar, passport: { passportNumber: "TH1000003" } }, "front_office");
    expect(atDefault.flags).toContain(POTENTIAL_DUPLICATE);
    await t.db.update(ruleParameters).set({ value: 0.95 }).where(eq(ruleParameters.key, "duplicate_name_similarity"));
    try {
      const strict = await file(clerk, { person: similar, passport: { passportNumber: "TH1000004" } }, "front_office");
      // Only the identical spelling filed just before still matches.
      expect((await candidatesOf(strict.id)).map((c) => c.otherCaseId)).toEqual([atDefault.id]);
    } finally {
      await t.db.update(ruleParameters).set({ value: 0.6 }).where(eq(ruleParameters.key, "duplicate_name_similarity"));
    }
  });

  it("a second open application for the same service by the same account is caught (a new passport, same name and birth date)", async () => {
    const own = person();
    const first = await file(applicant, own);
    const again = await file(applicant, { ...own, passport: { passportNumber: `${own.passport.passportNumber!}9` } });
    expect(again.flags).toContain(POTENTIAL_DUPLICATE);
    expect((await candidatesOf(again.id))[0]).toMatchObject({ otherCaseId: first.id, matchKinds: ["name_birth_date"] });
  });

  it("the applicant's own closed case is their history, not a duplicate; someone else's closed case still is", async () => {
    const base = { surname: "YUSUPOV", givenNames: "ANVAR", birthDate: "1977-04-04" };
    const own = await file(applicant, { person: base, passport: { passportNumber: "YS1000001" } });
    const withdrawn = await perform(t.db, applicant, own.id, "withdraw", { reason: "Filed by mistake" }, own.version, { now: day });
    expect(withdrawn.ok).toBe(true);
    const refiled = await file(applicant, { person: base, passport: { passportNumber: "YS1000002" } });
    expect(await candidatesOf(refiled.id)).toHaveLength(0);
    expect(refiled.flags).not.toContain(POTENTIAL_DUPLICATE);

    const byClerk = await file(clerk, { person: base, passport: { passportNumber: "YS1000003" } }, "front_office");
    expect((await candidatesOf(byClerk.id)).map((c) => c.otherCaseId).sort()).toEqual([own.id, refiled.id].sort());
  });

  it("resolution: one internal event per decision, the flag goes when the last candidate is resolved, 'same person' links the records", async () => {
    const base = { surname: "TOKTOGULOV", givenNames: "BAKYT", birthDate: "1970-01-20" };
    const a = await file(applicant, { person: base, passport: { passportNumber: "TG1000001" } });
    const b = await file(applicant, { person: { ...base, givenNames: "BAKIT" }, passport: { passportNumber: "TG1000002" } });
    const c = await file(clerk, { person: { ...base, surname: "TOKTOGULOV", givenNames: "BAKYT" }, passport: { passportNumber: "TG1000003" } }, "front_office");
    const candidates = await candidatesOf(c.id);
    expect(candidates.map((x) => x.otherCaseId).sort()).toEqual([a.id, b.id].sort());

    // Only staff who may act on the case, and only at the version they saw.
    expect(await resolveDuplicate(t.db, astanaOfficer, c.id, candidates[0]!.id, "same_person", c.version, day)).toMatchObject({ ok: false, error: "not_found" });
    expect(await resolveDuplicate(t.db, clerk, c.id, candidates[0]!.id, "same_person", c.version, day)).toMatchObject({ ok: false, error: "forbidden" });
    expect(await resolveDuplicate(t.db, officer, c.id, candidates[0]!.id, "same_person", c.version - 1, day)).toMatchObject({ ok: false, error: "version_conflict" });

    const toA = candidates.find((x) => x.otherCaseId === a.id)!;
    const toB = candidates.find((x) => x.otherCaseId === b.id)!;
    const first = await resolveDuplicate(t.db, officer, c.id, toA.id, "same_person", c.version, day);
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect(first.case.flags).toContain(POTENTIAL_DUPLICATE);
    expect(first.case.version).toBe(c.version + 1);
    // The same candidate cannot be resolved twice.
    expect(await resolveDuplicate(t.db, officer, c.id, toA.id, "not_same", first.case.version, day)).toMatchObject({ ok: false, error: "rule_violation" });

    const second = await resolveDuplicate(t.db, officer, c.id, toB.id, "not_same", first.case.version, day);
    if (!second.ok) throw new Error(JSON.stringify(second));
    expect(second.case.flags).not.toContain(POTENTIAL_DUPLICATE);

    const events = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "resolve_duplicate")));
    expect(events).toHaveLength(2);
    expect(events.every((e) => !e.visibleToApplicant && e.actorId === officer.userId && e.fromStatus === e.toStatus)).toBe(true);
    expect(events.map((e) => (e.payload as { outcome: string }).outcome).sort()).toEqual(["not_same", "same_person"]);
    const resolved = await candidatesOf(c.id);
    expect(resolved.every((x) => x.resolvedBy === officer.userId && x.resolvedAt !== null)).toBe(true);

    const [pc, pa, pb] = await Promise.all([personOf(c.id), personOf(a.id), personOf(b.id)]);
    expect(pc.sameAs).toBe(pa.id);
    expect(pb.sameAs).toBeNull();
  });

  it("two staff resolving at once: exactly one wins, the other is told the case changed", async () => {
    const base = { surname: "JUMABAEV", givenNames: "KANAT", birthDate: "1969-09-09" };
    await file(applicant, { person: base, passport: { passportNumber: "JM1000001" } });
    const c = await file(clerk, { person: base, passport: { passportNumber: "JM1000002" } }, "front_office");
    const [candidate] = await candidatesOf(c.id);
    const results = await Promise.all([
      resolveDuplicate(t.db, officer, c.id, candidate!.id, "same_person", c.version, day),
      resolveDuplicate(t.db, otherOfficer, c.id, candidate!.id, "not_same", c.version, day),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false });
    const events = await t.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.action, "resolve_duplicate")));
    expect(events).toHaveLength(1);
  });

  it("resolution respects the assignment lease: an officer cannot resolve a case another officer holds", async () => {
    const base = { surname: "SADYKOV", givenNames: "ERLAN", birthDate: "1966-06-16" };
    await file(applicant, { person: base, passport: { passportNumber: "SD1000001" } });
    const c = await file(clerk, { person: base, passport: { passportNumber: "SD1000002" } }, "front_office");
    const held = await claimCase(t.db, otherOfficer, c.id, c.version, day);
    if (!held.ok) throw new Error("claim failed");
    const [candidate] = await candidatesOf(c.id);
    expect(await resolveDuplicate(t.db, officer, c.id, candidate!.id, "not_same", held.case.version, day)).toMatchObject({ ok: false, error: "rule_violation" });
    expect((await resolveDuplicate(t.db, otherOfficer, c.id, candidate!.id, "not_same", held.case.version, day)).ok).toBe(true);
  });
});
