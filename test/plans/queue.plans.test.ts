import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/postgres-js";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { openDb } from "@/db/client";
import { seedBulk } from "@/db/seed/bulk/load";
import { viewerOf } from "@/db/seed/users";
import { listQueue, type QueueFilter } from "@/lib/dal/cases";
import type { Viewer } from "@/lib/engine/types";

/**
 * The main queue queries must use indexes at a million cases: no sequential scan of `cases`.
 * The SQL is captured from listQueue itself (drizzle's logger), so the test follows the queue code.
 *
 *   npm run test:plans                       seeds its own database (about 2.5 minutes), drops it after
 *   PLANS_DATABASE_URL=postgres://…/bulk …    uses a database already filled by `npm run seed:bulk`
 */
const CASES = Number(process.env.PLANS_CASES ?? 1_000_000);

interface Captured {
  query: string;
  params: unknown[];
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Actual Total Time"?: number;
  Plans?: PlanNode[];
}

function seqScansOnCases(node: PlanNode): PlanNode[] {
  const own = node["Node Type"] === "Seq Scan" && node["Relation Name"] === "cases" ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScansOnCases)];
}

describe(`queue query plans at ${CASES} cases`, () => {
  let client: postgres.Sql;
  let db: Db;
  const captured: Captured[] = [];
  let dropDatabase: (() => Promise<void>) | null = null;
  let officer: Viewer;
  let supervisor: Viewer;
  let sample: { reference: string; passport: string; surname: string; surnameCyrillic: string };

  beforeAll(async () => {
    let url = process.env.PLANS_DATABASE_URL;
    if (!url) {
      const base = process.env.DATABASE_URL;
      if (!base) throw new Error("Set DATABASE_URL (a PostgreSQL server; the test creates its own database) or PLANS_DATABASE_URL (a database filled by npm run seed:bulk).");
      const name = `plans_${Date.now()}_${randomBytes(3).toString("hex")}`;
      const admin = postgres(base, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const u = new URL(base);
      u.pathname = `/${name}`;
      url = u.toString();
      dropDatabase = async () => {
        const cleanup = postgres(base, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      };
      const handle = await openDb({ url });
      try {
        await seedBulk(handle, { cases: CASES, log: (line) => console.log(line) });
      } finally {
        await handle.close();
      }
    }
    client = postgres(url, { max: 2, onnotice: () => {}, connection: { TimeZone: "UTC" } });
    db = drizzle(client, { schema, logger: { logQuery: (query, params) => captured.push({ query, params }) } }) as unknown as Db;
    const user = async (email: string) => viewerOf((await db.select().from(schema.users).where(eq(schema.users.email, email)))[0]!);
    officer = await user("officer.almaty@demo.kz");
    supervisor = await user("supervisor.almaty@demo.kz");
    const [row] = await client<{ reference: string; number: string; surname: string; surname_cyrillic: string }[]>`
      select c.reference, d.number, p.surname, p.surname_cyrillic from cases c
      join case_parties cp on cp.case_id = c.id and cp.role = 'applicant' join people p on p.id = cp.person_id
      join identity_documents d on d.person_id = p.id
      where c.region = 'KZ-ALA' and c.service = 'temporary_registration' and p.surname_cyrillic is not null
      order by c.reference limit 1`;
    sample = { reference: row!.reference, passport: row!.number, surname: row!.surname, surnameCyrillic: row!.surname_cyrillic };
  }, 600_000);

  afterAll(async () => {
    await client?.end();
    await dropDatabase?.();
  }, 120_000);

  /** Every statement listQueue runs for this filter, explained and executed; returns the plans that scan `cases` sequentially. */
  async function explainQueue(viewer: Viewer, filter: QueueFilter) {
    captured.length = 0;
    const page = await listQueue(db, viewer, filter);
    const statements = captured.filter((c) => /^\s*select/i.test(c.query));
    expect(statements.length).toBeGreaterThan(0);
    const report: { ms: number; seqScans: number; text: string }[] = [];
    for (const { query, params } of statements) {
      const [json] = await client.unsafe(`explain (analyze, format json) ${query}`, params as never[]);
      const plan = (json!["QUERY PLAN"] as { Plan: PlanNode; "Execution Time": number }[])[0]!;
      const scans = seqScansOnCases(plan.Plan);
      const text = scans.length ? (await client.unsafe(`explain ${query}`, params as never[])).map((r) => r["QUERY PLAN"]).join("\n") : "";
      report.push({ ms: plan["Execution Time"], seqScans: scans.length, text: `${query}\n${text}` });
    }
    return { page, report };
  }

  const views: [string, () => [Viewer, QueueFilter]][] = [
    ["default view (officer)", () => [officer, {}]],
    ["default view (supervisor, two regions)", () => [supervisor, {}]],
    ["My work", () => [officer, { view: "mine" }]],
    ["Unassigned", () => [officer, { view: "unassigned" }]],
    ["Team", () => [supervisor, { view: "team" }]],
    ["Overdue", () => [officer, { view: "overdue" }]],
    ["Due soon", () => [officer, { view: "due_soon" }]],
    ["Waiting for applicant", () => [officer, { view: "waiting" }]],
    ["service and status filter", () => [officer, { service: "temporary_registration", status: ["under_review", "submitted"] }]],
    ["flag filter", () => [officer, { flags: ["late_filing"] }]],
    ["region filter (supervisor)", () => [supervisor, { region: "KZ-ALM" }]],
    ["newest filed first", () => [officer, { sort: "filed" }]],
    ["reference search", () => [officer, { q: sample.reference }]],
    ["passport number search", () => [officer, { q: sample.passport }]],
    ["name search, Latin", () => [officer, { q: sample.surname }]],
    ["name search, Cyrillic", () => [officer, { q: sample.surnameCyrillic }]],
  ];

  for (const [name, make] of views) {
    it(`${name}: no sequential scan on cases`, async () => {
      const [viewer, filter] = make();
      const { report } = await explainQueue(viewer, filter);
      console.log(`${name}: ${report.map((r) => `${r.ms.toFixed(1)} ms`).join(" + ")}`);
      const bad = report.filter((r) => r.seqScans > 0);
      expect(bad.map((r) => r.text), `${name} scans the cases table`).toEqual([]);
    }, 120_000);
  }

  it("the second page of the default view: no sequential scan on cases", async () => {
    const first = await listQueue(db, officer, {});
    expect(first.nextCursor).not.toBeNull();
    const { report } = await explainQueue(officer, { cursor: first.nextCursor! });
    console.log(`second page: ${report.map((r) => `${r.ms.toFixed(1)} ms`).join(" + ")}`);
    expect(report.filter((r) => r.seqScans > 0).map((r) => r.text)).toEqual([]);
  }, 120_000);
});
