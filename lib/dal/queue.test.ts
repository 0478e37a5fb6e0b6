import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { cases } from "@/db/schema";
import { claimCase } from "@/lib/engine/assign";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import { backfillSearchColumns } from "@/lib/engine/search-keys";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { VALID_BIN, at, makeUser, trApplication } from "@/test/fixtures";
import { dueSoonUntil, listQueue, type QueueFilter } from "./cases";

const hours = (d: Date, h: number) => new Date(d.getTime() + h * 3600_000);

describe.each(TEST_ENGINES)("work queue views, filters and search on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let officer: Viewer;
  let otherOfficer: Viewer;
  let supervisor: Viewer;
  let astana: Viewer;
  const start = at("2026-03-03");
  let passport = 1000000;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    otherOfficer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    astana = await makeUser(t.db, "officer", { regions: ["KZ-AST"], services: [TR_SERVICE] });
  });
  afterAll(async () => t?.close());

  async function fileCase(overrides: Parameters<typeof trApplication>[0] = {}, now = start): Promise<CaseSnapshot> {
    passport += 1;
    const app = trApplication({ ...overrides, passport: { passportNumber: `FA${passport}`, ...overrides.passport } });
    const r = await createCase(t.db, applicant, TR_SERVICE, app, { channel: "online", submit: true, now });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.case;
  }
  const refs = async (viewer: Viewer, filter: QueueFilter) => (await listQueue(t.db, viewer, { limit: 100, ...filter })).rows.map((r) => r.reference);
  const setDue = (id: string, dueOn: string | null, clockRemainingDays: number | null = null) => t.db.update(cases).set({ dueOn, clockRemainingDays }).where(eq(cases.id, id));

  it("the engine keeps the search columns: name keys of every party, document numbers and the host's IIN/BIN", async () => {
    const c = await fileCase({ person: { surname: "KHASANOV", givenNames: "ALISHER", surnameCyrillic: "Хасанов", givenNamesCyrillic: "Алишер" }, host: { kind: "organisation", identifier: VALID_BIN, name: "Береке ЖШС" } });
    const [row] = await t.db.select({ names: cases.searchNames, numbers: cases.searchNumbers }).from(cases).where(eq(cases.id, c.id));
    expect(row!.names).toBe("hasanov alisher bereke jshs");
    expect(row!.numbers).toEqual([`FA${passport}`, VALID_BIN]);
  });

  it("a correction that replaces the data updates the search columns", async () => {
    const c = await fileCase({ person: { surname: "PETROV", givenNames: "IVAN" } });
    const returned = await perform(t.db, officer, c.id, "return_for_correction", { reason: "The surname does not match the passport" }, c.version, { now: hours(start, 1) });
    if (!returned.ok) throw new Error(JSON.stringify(returned));
    const corrected = trApplication({ person: { surname: "PETROVSKY", givenNames: "IVAN" }, passport: { passportNumber: "NEW123456" } });
    const resubmitted = await perform(t.db, applicant, c.id, "resubmit", corrected, returned.case.version, { now: hours(start, 2) });
    if (!resubmitted.ok) throw new Error(JSON.stringify(resubmitted));
    expect(await refs(officer, { q: "Петровский" })).toContain(c.reference);
    expect(await refs(officer, { q: "NEW 123456" })).toEqual([c.reference]);
  });

  it("search: a Cyrillic query finds a Latin-spelled name, a Latin query a Cyrillic one, a Kazakh-letter query its Latin spelling", async () => {
    const latin = await fileCase({ person: { surname: "KHASANOVA", givenNames: "YULIYA" } });
    const cyrillicHost = await fileCase({ host: { kind: "individual", name: "Галина Ковальчук" } });
    const kazakh = await fileCase({ person: { surname: "NURLANKYZY", givenNames: "ALIYA" } });
    const unrelated = await fileCase({ person: { surname: "SMITH", givenNames: "JOHN" } });

    expect(await refs(officer, { q: "Хасанова Юлия" })).toEqual([latin.reference]);
    // The female form of a surname also finds the male one (and the first case, KHASANOV, here).
    expect(await refs(officer, { q: "Хасанова" })).toContain(latin.reference);
    expect(await refs(officer, { q: "Galina Kovalchuk" })).toEqual([cyrillicHost.reference]);
    expect(await refs(officer, { q: "Нұрланқызы Әлия" })).toEqual([kazakh.reference]);
    // Given name first, or only part of the surname typed, still finds the person.
    expect(await refs(officer, { q: "Yulia Hasanova" })).toEqual([latin.reference]);
    expect(await refs(officer, { q: "Нурланкыз" })).toEqual([kazakh.reference]);
    expect(await refs(officer, { q: "Smith" })).toEqual([unrelated.reference]);
  });

  it("search by reference, a fragment of it, a passport number and an IIN; never outside the viewer's regions", async () => {
    const c = await fileCase({ person: { surname: "ABDULLAEV", givenNames: "RUSTAM" } });
    expect(await refs(officer, { q: c.reference })).toEqual([c.reference]);
    expect(await refs(officer, { q: c.reference.slice(3, 14) })).toEqual([c.reference]);
    expect(await refs(officer, { q: `fa ${passport}` })).toEqual([c.reference]);
    // The letters of a document number are not read as a name.
    const number = `FA${passport}`;
    const fatima = await fileCase({ person: { surname: "FAIZULLAEVA", givenNames: "FATIMA" } });
    expect(await refs(officer, { q: number })).toEqual([c.reference]);
    expect(await refs(officer, { q: "Fatima" })).toEqual([fatima.reference]);
    const byHostIin = await refs(officer, { q: "850412300016" });
    expect(byHostIin).toContain(c.reference);
    expect(await refs(astana, { q: c.reference })).toEqual([]);
    expect(await refs(astana, { q: "Abdullaev" })).toEqual([]);
  });

  it("cases written before the search columns existed are filled by the backfill", async () => {
    const c = await fileCase({ person: { surname: "OMAROV", givenNames: "DANIYAR" } });
    await t.db.update(cases).set({ searchNames: null, searchNumbers: null }).where(eq(cases.id, c.id));
    expect(await refs(officer, { q: "Омаров" })).toEqual([]);
    expect(await backfillSearchColumns(t.db)).toBe(1);
    expect(await refs(officer, { q: "Омаров" })).toEqual([c.reference]);
  });

  describe("views", () => {
    let mine: CaseSnapshot;
    let others: CaseSnapshot;
    let free: CaseSnapshot;
    let lapsing: CaseSnapshot;
    let overdue: CaseSnapshot;
    let soon: CaseSnapshot;
    let later: CaseSnapshot;
    let waiting: CaseSnapshot;
    let closed: CaseSnapshot;
    const today = "2026-04-01";
    const now = at(today);

    beforeAll(async () => {
      await t.db.update(cases).set({ dueOn: null, clockRemainingDays: null, assigneeId: null, leaseExpiresAt: null });
      const made = await Promise.all(Array.from({ length: 9 }, () => fileCase({ person: { surname: "VIEWCASE", givenNames: "ANNA" } })));
      [mine, others, free, lapsing, overdue, soon, later, waiting, closed] = made as [CaseSnapshot, CaseSnapshot, CaseSnapshot, CaseSnapshot, CaseSnapshot, CaseSnapshot, CaseSnapshot, CaseSnapshot, CaseSnapshot];
      await t.db.update(cases).set({ dueOn: null });
      const claim = async (v: Viewer, c: CaseSnapshot, when: Date) => {
        const r = await claimCase(t.db, v, c.id, c.version, when);
        if (!r.ok) throw new Error(JSON.stringify(r));
      };
      await claim(officer, mine, hours(now, -1));
      await claim(otherOfficer, others, hours(now, -1));
      // Claimed the day before: the four-hour hold has lapsed by now.
      await claim(otherOfficer, lapsing, hours(now, -24));
      await setDue(overdue.id, "2026-03-31");
      // 2026-04-01 is a Wednesday: two working days later is Friday 3 April.
      await setDue(soon.id, "2026-04-03");
      await setDue(later.id, "2026-04-06");
      await setDue(waiting.id, null, 5);
      await t.db.update(cases).set({ status: "withdrawn" }).where(eq(cases.id, closed.id));
    });

    const viewRefs = (viewer: Viewer, filter: QueueFilter) => refs(viewer, { today, now, q: "viewcase", ...filter });

    it("due soon ends after deadline_warning_working_days working days on the calendar", async () => {
      const [params, ref] = await Promise.all([loadParameters(t.db), loadReferenceData(t.db)]);
      expect(dueSoonUntil(today, params, ref.calendar)).toBe("2026-04-03");
      // Friday: the weekend does not count, so due soon reaches Tuesday.
      expect(dueSoonUntil("2026-04-03", params, ref.calendar)).toBe("2026-04-07");
    });

    it("my work: the cases the viewer holds", async () => {
      expect(await viewRefs(officer, { view: "mine" })).toEqual([mine.reference]);
      expect(await viewRefs(otherOfficer, { view: "mine" }).then((r) => r.sort())).toEqual([others.reference, lapsing.reference].sort());
    });

    it("unassigned: open cases nobody holds, and those whose hold lapsed; not closed ones", async () => {
      const r = await viewRefs(officer, { view: "unassigned" });
      expect(r).toContain(free.reference);
      expect(r).toContain(lapsing.reference);
      expect(r).not.toContain(mine.reference);
      expect(r).not.toContain(others.reference);
      expect(r).not.toContain(closed.reference);
      expect(r).toHaveLength(6);
    });

    it("lease expiry: a held case appears in unassigned once its hold lapses", async () => {
      expect(await viewRefs(officer, { view: "unassigned", now: hours(now, 2) })).not.toContain(mine.reference);
      expect(await viewRefs(officer, { view: "unassigned", now: hours(now, 4) })).toContain(mine.reference);
    });

    it("team: open cases anyone holds, filterable by the holder", async () => {
      expect((await viewRefs(supervisor, { view: "team" })).sort()).toEqual([mine.reference, others.reference, lapsing.reference].sort());
      expect(await viewRefs(supervisor, { view: "team", assigneeId: officer.userId! })).toEqual([mine.reference]);
      expect(await viewRefs(supervisor, { view: "all", assigneeId: "not-a-uuid" })).toEqual([]);
    });

    it("overdue, due soon and waiting for the applicant", async () => {
      expect(await viewRefs(officer, { view: "overdue" })).toEqual([overdue.reference]);
      expect(await viewRefs(officer, { view: "due_soon" })).toEqual([soon.reference]);
      expect(await viewRefs(officer, { view: "due_soon", dueSoonUntil: "2026-04-06" })).toEqual([soon.reference, later.reference]);
      expect(await viewRefs(officer, { view: "waiting" })).toEqual([waiting.reference]);
    });

    it("all is sorted by due date, cases without one last; 'filed' sorts newest first", async () => {
      const all = await viewRefs(officer, { view: "all" });
      expect(all.slice(0, 3)).toEqual([overdue.reference, soon.reference, later.reference]);
      expect(all).toHaveLength(9);
      const byFiled = (await listQueue(t.db, officer, { today, now, q: "viewcase", sort: "filed" })).rows.map((r) => r.submittedAt!.getTime());
      expect(byFiled).toHaveLength(9);
      expect(byFiled).toEqual([...byFiled].sort((a, b) => b - a));
    });

    it("filters: status, flags, region, due and filed date ranges", async () => {
      expect(await viewRefs(officer, { status: ["withdrawn"] })).toEqual([closed.reference]);
      await t.db.update(cases).set({ flags: sql`array['potential_duplicate']::text[]` }).where(eq(cases.id, free.id));
      expect(await viewRefs(officer, { flags: ["potential_duplicate", "overstay"] })).toEqual([free.reference]);
      expect(await viewRefs(officer, { flags: ["late_filing"] })).toEqual([]);
      expect(await viewRefs(supervisor, { region: "KZ-AST" })).toEqual([]);
      expect(await viewRefs(officer, { dueFrom: "2026-04-01", dueTo: "2026-04-05" })).toEqual([soon.reference]);
      expect(await viewRefs(officer, { filedFrom: "2026-03-03", filedTo: "2026-03-03" })).toHaveLength(9);
      expect(await viewRefs(officer, { filedFrom: "2026-03-04" })).toEqual([]);
      expect(await viewRefs(officer, { filedTo: "2026-03-02" })).toEqual([]);
    });
  });

  it("the count is exact and the cursor is stable while cases are added in front of it", async () => {
    await t.db.update(cases).set({ dueOn: null });
    const batch: CaseSnapshot[] = [];
    for (let i = 0; i < 7; i++) batch.push(await fileCase({ person: { surname: "PAGER", givenNames: "OLGA" } }, hours(start, i)));
    await Promise.all(batch.map((c, i) => setDue(c.id, `2026-05-${String(10 + (i % 3)).padStart(2, "0")}`)));
    const filter: QueueFilter = { q: "pager", limit: 3 };
    const first = await listQueue(t.db, officer, filter);
    expect(first.total).toBe(7);
    expect(first.rows).toHaveLength(3);

    // A new case due before everything on the first page must not shift the later pages.
    const newcomer = await fileCase({ person: { surname: "PAGER", givenNames: "OLGA" } });
    await setDue(newcomer.id, "2026-05-01");
    const second = await listQueue(t.db, officer, { ...filter, cursor: first.nextCursor! });
    const third = await listQueue(t.db, officer, { ...filter, cursor: second.nextCursor! });
    expect(second.total).toBe(8);
    expect(third.nextCursor).toBeNull();
    const seen = [...first.rows, ...second.rows, ...third.rows].map((r) => r.id);
    expect(new Set(seen).size).toBe(7);
    expect(seen.sort()).toEqual(batch.map((c) => c.id).sort());

    // Newest filed first pages the same way, on the exact stored instant.
    const byFiled = await listQueue(t.db, officer, { ...filter, sort: "filed" });
    const next = await listQueue(t.db, officer, { ...filter, sort: "filed", cursor: byFiled.nextCursor! });
    const filedOrder = [...byFiled.rows, ...next.rows].map((r) => r.submittedAt!.getTime());
    expect(filedOrder).toEqual([...filedOrder].sort((a, b) => b - a));
    expect(new Set([...byFiled.rows, ...next.rows].map((r) => r.id)).size).toBe(6);
    // A cursor of the other order is ignored rather than misread.
    expect((await listQueue(t.db, officer, { ...filter, cursor: byFiled.nextCursor! })).rows[0]!.id).toBe(newcomer.id);
  });
});
