import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import { getService } from "@/lib/engine/registry";
import { parseCaseReference } from "@/lib/rules/case-reference";
import { nameKey } from "@/lib/rules/name-key";
import { searchColumns } from "@/lib/engine/search-keys";
import { BulkSeedError, PGLITE_MAX_CASES, planTransitions, seedBulk } from "./load";
import { SERVICES, apportion } from "./plan";

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []);
}

describe("bulk data plan", () => {
  it("every generated history is a chain of the services' own actions", () => {
    const transitions = planTransitions();
    for (const plan of SERVICES) {
      const states = getService(plan.id)!.states as readonly string[];
      for (const status of [...plan.recent, ...plan.old].map(([s]) => s)) {
        expect(states, `${plan.id} ${status}`).toContain(status);
        expect(plan.paths[status], `${plan.id} has no path to ${status}`).toBeDefined();
      }
      expect(transitions.some((t) => t.service === plan.id)).toBe(true);
    }
  });

  it("apportions a total exactly", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(1_000_000, SERVICES.map((s) => s.share)).reduce((a, b) => a + b, 0)).toBe(1_000_000);
  });
});

describe("seedBulk on the embedded database", () => {
  let handle: DbHandle;
  const cases = 3_000;

  beforeAll(async () => {
    handle = await openDb({ url: "", pgliteDir: "memory://" });
    await seedBulk(handle, { cases, now: new Date("2026-11-23T12:00:00Z") });
  }, 120_000);
  afterAll(async () => handle?.close());

  const query = async <T>(text: string) => rowsOf<T>(await handle.db.execute(sql.raw(text)));

  it("writes the requested number of cases, each with a well-formed unique reference", async () => {
    const rows = await query<{ reference: string; service: string }>("select reference, service from cases");
    expect(rows).toHaveLength(cases);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(cases);
    for (const r of rows) {
      const parsed = parseCaseReference(r.reference);
      expect(parsed.ok, r.reference).toBe(true);
      expect(parsed.ok && parsed.prefix).toBe(getService(r.service)!.referencePrefix);
    }
  });

  it("gives every case a history from create and submit up to its status, and a matching version", async () => {
    const bad = await query<{ id: string }>(`
      select c.id from cases c
      left join lateral (select count(*)::int as n, max(version) as last, bool_or(action = 'submit') as submitted,
                                (array_agg(to_status order by version desc))[1] as latest
                         from case_events e where e.case_id = c.id) e on true
      where e.n <> c.version or e.last <> c.version or not e.submitted or e.latest <> c.status`);
    expect(bad).toEqual([]);
  });

  it("covers every service and all twenty regions, with open, overdue and stopped-clock cases", async () => {
    const [stats] = await query<{ services: number; regions: number; open: number; overdue: number; stopped: number; assigned: number }>(`
      select count(distinct service)::int as services, count(distinct region)::int as regions,
             count(*) filter (where due_on is not null)::int as open, count(*) filter (where due_on < date '2026-11-23')::int as overdue,
             count(*) filter (where clock_remaining_days is not null)::int as stopped, count(assignee_id)::int as assigned from cases`);
    expect(stats).toMatchObject({ services: 5, regions: 20 });
    expect(stats!.open).toBeGreaterThan(0);
    expect(stats!.overdue).toBeGreaterThan(0);
    expect(stats!.stopped).toBeGreaterThan(0);
    expect(stats!.assigned).toBeGreaterThan(0);
  });

  it("assigns cases only to officers who may see them", async () => {
    const outside = await query<{ id: string }>(`
      select c.id from cases c join users u on u.id = c.assignee_id
      where u.role <> 'officer' or not (c.region = any(u.regions)) or not (c.service = any(u.services))`);
    expect(outside).toEqual([]);
  });

  it("names applicants in Latin and, for many, Cyrillic spelling that folds to the same key", async () => {
    const people = await query<{ surname: string; surname_cyrillic: string | null }>("select surname, surname_cyrillic from people");
    const withCyrillic = people.filter((p) => p.surname_cyrillic);
    expect(withCyrillic.length).toBeGreaterThan(people.length / 4);
    const folded = withCyrillic.filter((p) => nameKey(p.surname) === nameKey(p.surname_cyrillic));
    expect(folded.length).toBeGreaterThan(withCyrillic.length / 2);
  });

  it("fills every person's name key as the engine computes it, for the duplicate check", async () => {
    const people = await query<{ surname: string; given_names: string; name_key: string | null }>("select surname, given_names, name_key from people");
    expect(people.length).toBeGreaterThan(0);
    expect(people.filter((p) => p.name_key !== nameKey(p.surname, p.given_names))).toEqual([]);
  });

  it("fills the queue's search columns exactly as the engine computes them from the case data", async () => {
    const rows = await query<{ reference: string; service: string; data: Record<string, unknown>; search_names: string | null; search_numbers: string[] | null }>(
      "select reference, service, data, search_names, search_numbers from cases",
    );
    const wrong = rows.filter((r) => {
      const expected = searchColumns(r.service, r.data);
      return r.search_names !== expected.searchNames || JSON.stringify(r.search_numbers) !== JSON.stringify(expected.searchNumbers);
    });
    expect(wrong.slice(0, 3).map((r) => ({ ...r, data: undefined, expected: searchColumns(r.service, r.data) }))).toEqual([]);
  });

  it("numbers the engine's next case after the generated ones", async () => {
    const gaps = await query<{ prefix: string }>(`
      select rc.prefix from reference_counters rc
      where rc.last < (select max(split_part(reference, '-', 3)::int) from cases where reference like rc.prefix || '-' || rc.year || '-%')`);
    expect(gaps).toEqual([]);
  });

  it("refuses a second run into a filled database and large sizes on the embedded database", async () => {
    await expect(seedBulk(handle, { cases: 10 })).rejects.toBeInstanceOf(BulkSeedError);
    await expect(seedBulk(handle, { cases: PGLITE_MAX_CASES + 1 })).rejects.toThrow(/DATABASE_URL/);
  });
});
