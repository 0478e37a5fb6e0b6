import "server-only";
import { and, asc, eq, gte, inArray, lt, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { caseEvents, caseParties, cases, decisions, issuedDocuments, kandasQuotas, offences, people } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";
import { periodBounds, type ReportFilter } from "@/lib/reports/filter";
import { percent, type ReportColumn, type ReportRow } from "@/lib/reports/table";
import { HP_DOCUMENT_TYPE } from "@/lib/services/household-permit/definition";
import { HP_SERVICE, KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services/ids";
import { TR_FLAGS } from "@/lib/services/temporary-registration/rules";
import { recordAudit } from "../audit";
import { narrowScope, reportScope, scopeCondition, type ReportScope } from "./scope";

/**
 * Reports and exports (issue 6 item 7, domain §5). Each report is one aggregate query; the page and
 * the CSV/XLSX downloads call the same `runReport`, so a download holds exactly the rows on screen.
 */

export const REPORT_IDS = ["permits-issued", "registrations", "refugee-renewals", "kandas-status", "kandas-quota", "offences"] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export interface ReportDefinition {
  id: ReportId;
  /** Domain §5 rows the report serves. */
  basis: string;
  /** The report is offered when the viewer's scope holds at least one of these services. */
  services: readonly string[];
  columns: readonly ReportColumn[];
  run(db: DbOrTx, scope: ReportScope, filter: ReportFilter): Promise<ReportRow[]>;
}

const n = (v: unknown) => Number(v ?? 0);
const month = (instant: unknown) => sql<string>`to_char(${instant} at time zone 'Asia/Almaty', 'YYYY-MM')`;

function inPeriod(column: Parameters<typeof gte>[0], filter: ReportFilter) {
  const { start, end } = periodBounds(filter);
  return and(gte(column, start), lt(column, end));
}

/** S-03: household permits issued per month by work category, citizenship and sex (extensions apart). */
const permitsIssued: ReportDefinition = {
  id: "permits-issued",
  basis: "S-03",
  services: [HP_SERVICE],
  columns: [
    { key: "month", kind: "month" },
    { key: "category", kind: "code", labels: "hp.categories" },
    { key: "citizenship", kind: "country" },
    { key: "sex", kind: "code", labels: "hp.apply.sexes" },
    { key: "issued", kind: "count" },
    { key: "extended", kind: "count" },
  ],
  async run(db, scope, filter) {
    // An extension re-issues the permit paper with its extension count; the first paper has 0.
    const extensions = sql`coalesce((${issuedDocuments.content}->>'extensions')::int, 0)`;
    const rows = await db
      .select({
        month: month(issuedDocuments.issuedAt),
        category: sql<string>`${cases.data}->'work'->>'category'`,
        citizenship: people.citizenship,
        sex: people.sex,
        issued: sql<number>`count(*) filter (where ${extensions} = 0)::int`,
        extended: sql<number>`count(*) filter (where ${extensions} > 0)::int`,
      })
      .from(issuedDocuments)
      .innerJoin(cases, eq(cases.id, issuedDocuments.caseId))
      .innerJoin(caseParties, and(eq(caseParties.caseId, cases.id), eq(caseParties.role, "applicant")))
      .innerJoin(people, eq(people.id, caseParties.personId))
      .where(and(eq(issuedDocuments.type, HP_DOCUMENT_TYPE), inPeriod(issuedDocuments.issuedAt, filter), scopeCondition(scope)))
      .groupBy(sql`1, 2, 3, 4`)
      .orderBy(sql`1, 2, 3, 4`);
    return rows.map((r) => ({ ...r, issued: n(r.issued), extended: n(r.extended) }));
  },
};

const LATE_FLAGS = [TR_FLAGS.lateFiling, TR_FLAGS.lateTierA, TR_FLAGS.lateTierB];

/** S-12: registrations granted per month and region, and how many were filed late (TR-02, TR-09). */
const registrations: ReportDefinition = {
  id: "registrations",
  basis: "S-12",
  services: [TR_SERVICE],
  columns: [
    { key: "month", kind: "month" },
    { key: "region", kind: "region" },
    { key: "registrations", kind: "count" },
    { key: "late", kind: "count" },
    { key: "lateTierA", kind: "count" },
    { key: "lateTierB", kind: "count" },
    { key: "lateShare", kind: "percent" },
  ],
  async run(db, scope, filter) {
    const { start } = periodBounds(filter);
    const has = (flag: string) => sql`${flag} = any(${cases.flags})`;
    const rows = await db
      .select({
        month: month(decisions.decidedAt),
        region: cases.region,
        registrations: sql<number>`count(*)::int`,
        late: sql<number>`count(*) filter (where ${cases.flags} && ${sql.raw(`array[${LATE_FLAGS.map((f) => `'${f}'`).join(",")}]::text[]`)})::int`,
        lateTierA: sql<number>`count(*) filter (where ${has(TR_FLAGS.lateTierA)})::int`,
        lateTierB: sql<number>`count(*) filter (where ${has(TR_FLAGS.lateTierB)})::int`,
      })
      .from(decisions)
      .innerJoin(cases, eq(cases.id, decisions.caseId))
      // A case's last decision is never older than its registration: lets the cases_decided index prune.
      .where(and(eq(decisions.outcome, "registered"), inPeriod(decisions.decidedAt, filter), gte(cases.decidedAt, start), scopeCondition(scope)))
      .groupBy(sql`1, 2`)
      .orderBy(sql`1, 2`);
    return rows.map((r) => ({ ...r, registrations: n(r.registrations), late: n(r.late), lateTierA: n(r.lateTierA), lateTierB: n(r.lateTierB), lateShare: percent(n(r.late), n(r.registrations)) }));
  },
};

/** S-11: renewal decisions per month and region by outcome (the person-level list is RF-11's). */
const refugeeRenewals: ReportDefinition = {
  id: "refugee-renewals",
  basis: "S-09, S-11",
  services: [RF_SERVICE],
  columns: [
    { key: "month", kind: "month" },
    { key: "region", kind: "region" },
    { key: "outcome", kind: "code", labels: "rf.status" },
    { key: "decisions", kind: "count" },
  ],
  async run(db, scope, filter) {
    const { start } = periodBounds(filter);
    const rows = await db
      .select({ month: month(decisions.decidedAt), region: cases.region, outcome: decisions.outcome, decisions: sql<number>`count(*)::int` })
      .from(decisions)
      .innerJoin(cases, eq(cases.id, decisions.caseId))
      .where(and(inArray(decisions.outcome, ["extended", "refused", "refusal_final"]), inPeriod(decisions.decidedAt, filter), gte(cases.decidedAt, start), scopeCondition(scope)))
      .groupBy(sql`1, 2, 3`)
      .orderBy(sql`1, 2, 3`);
    return rows.map((r) => ({ ...r, decisions: n(r.decisions) }));
  },
};

/** S-06: kandas status and quota decisions of the period by region and country of origin. */
const kandasStatus: ReportDefinition = {
  id: "kandas-status",
  basis: "S-06",
  services: [KD_SERVICE],
  columns: [
    { key: "region", kind: "region" },
    { key: "origin", kind: "country" },
    { key: "granted", kind: "count" },
    { key: "refused", kind: "count" },
    { key: "inQuota", kind: "count" },
    { key: "waitlisted", kind: "count" },
    { key: "quotaRefused", kind: "count" },
  ],
  async run(db, scope, filter) {
    const { start } = periodBounds(filter);
    const outcome = (o: string) => sql<number>`count(*) filter (where ${decisions.outcome} = ${o})::int`;
    const rows = await db
      .select({
        region: cases.region,
        origin: sql<string>`${cases.data}->'origin'->>'currentCountry'`,
        granted: outcome("status_granted"),
        refused: outcome("status_refused"),
        inQuota: outcome("in_quota"),
        waitlisted: outcome("waitlisted"),
        quotaRefused: outcome("quota_refused"),
      })
      .from(decisions)
      .innerJoin(cases, eq(cases.id, decisions.caseId))
      .where(and(inPeriod(decisions.decidedAt, filter), gte(cases.decidedAt, start), scopeCondition(narrowScope(scope, { service: KD_SERVICE }))))
      .groupBy(sql`1, 2`)
      .orderBy(sql`1, 2`);
    return rows
      .map((r) => ({ ...r, granted: n(r.granted), refused: n(r.refused), inQuota: n(r.inQuota), waitlisted: n(r.waitlisted), quotaRefused: n(r.quotaRefused) }))
      .filter((r) => r.granted + r.refused + r.inQuota + r.waitlisted + r.quotaRefused > 0);
  },
};

/** S-06: each region's share of the national quota and its use, for the years of the period. */
const kandasQuota: ReportDefinition = {
  id: "kandas-quota",
  basis: "S-06",
  services: [KD_SERVICE],
  columns: [
    { key: "year", kind: "year" },
    { key: "region", kind: "region" },
    { key: "allocated", kind: "count" },
    { key: "used", kind: "count" },
    { key: "free", kind: "count" },
    { key: "usedShare", kind: "percent" },
  ],
  async run(db, scope, filter) {
    if (!scope.services.includes(KD_SERVICE) || (scope.regions !== null && !scope.regions.length)) return [];
    const rows = await db
      .select({ year: kandasQuotas.year, region: kandasQuotas.region, allocated: kandasQuotas.familiesAllocated, used: kandasQuotas.familiesUsed })
      .from(kandasQuotas)
      .where(
        and(
          gte(kandasQuotas.year, Number(filter.from.slice(0, 4))),
          lte(kandasQuotas.year, Number(filter.to.slice(0, 4))),
          scope.regions === null ? undefined : inArray(kandasQuotas.region, [...scope.regions]),
        ),
      )
      .orderBy(asc(kandasQuotas.year), asc(kandasQuotas.region));
    return rows.map((r) => ({ year: String(r.year), region: r.region, allocated: r.allocated, used: r.used, free: r.allocated - r.used, usedShare: percent(r.used, r.allocated) }));
  },
};

/**
 * S-08: offences recorded per month and region: those officers record on household-permit cases
 * (HP-18) and the overstays the daily sweep flags on registrations (TR-08). Late registration (TR-09)
 * is in the registrations report; other offence types have no source in the system yet.
 */
const offencesReport: ReportDefinition = {
  id: "offences",
  basis: "S-08",
  services: [HP_SERVICE, TR_SERVICE],
  columns: [
    { key: "month", kind: "month" },
    { key: "region", kind: "region" },
    { key: "offence", kind: "code", labels: "reports.offenceCodes" },
    { key: "count", kind: "count" },
  ],
  async run(db, scope, filter) {
    const hpScope = narrowScope(scope, { service: HP_SERVICE });
    const trScope = narrowScope(scope, { service: TR_SERVICE });
    const [recorded, overstays] = await Promise.all([
      db
        .select({ month: month(offences.recordedAt), region: cases.region, offence: offences.code, count: sql<number>`count(*)::int` })
        .from(offences)
        .innerJoin(cases, eq(cases.id, offences.caseId))
        .where(and(inPeriod(offences.recordedAt, filter), scopeCondition(hpScope)))
        .groupBy(sql`1, 2, 3`),
      db
        .select({ month: month(caseEvents.at), region: cases.region, count: sql<number>`count(*)::int` })
        .from(cases)
        // Served by the partial index cases_overstay; the event is found by (case_id, version).
        .innerJoin(caseEvents, and(eq(caseEvents.caseId, cases.id), eq(caseEvents.action, "flag_overstay")))
        .where(and(sql`${TR_FLAGS.overstay} = any(${cases.flags})`, inPeriod(caseEvents.at, filter), scopeCondition(trScope)))
        .groupBy(sql`1, 2`),
    ]);
    const rows: ReportRow[] = [
      ...recorded.map((r) => ({ month: r.month, region: r.region, offence: r.offence, count: n(r.count) })),
      ...overstays.map((r) => ({ month: r.month, region: r.region, offence: "tr_overstay", count: n(r.count) })),
    ];
    const key = (r: ReportRow) => `${r.month}|${r.region}|${r.offence}`;
    return rows.sort((a, b) => key(a).localeCompare(key(b)));
  },
};

export const REPORTS: Readonly<Record<ReportId, ReportDefinition>> = {
  "permits-issued": permitsIssued,
  registrations,
  "refugee-renewals": refugeeRenewals,
  "kandas-status": kandasStatus,
  "kandas-quota": kandasQuota,
  offences: offencesReport,
};

export function isReportId(id: string): id is ReportId {
  return (REPORT_IDS as readonly string[]).includes(id);
}

/** The reports a viewer may open (none for roles without a report scope). */
export function reportsFor(viewer: Viewer): ReportDefinition[] {
  const scope = reportScope(viewer);
  if (!scope) return [];
  return REPORT_IDS.map((id) => REPORTS[id]).filter((r) => r.services.some((s) => scope.services.includes(s)));
}

export interface ReportResult {
  definition: ReportDefinition;
  rows: ReportRow[];
}

/** The rows of a report for the viewer and filters; null when the viewer may not open it. */
export async function runReport(db: DbOrTx, viewer: Viewer, id: string, filter: ReportFilter): Promise<ReportResult | null> {
  if (!isReportId(id)) return null;
  const definition = REPORTS[id];
  const full = reportScope(viewer);
  if (!full || !definition.services.some((s) => full.services.includes(s))) return null;
  const narrowed = narrowScope(full, filter);
  const scope = { ...narrowed, services: narrowed.services.filter((s) => definition.services.includes(s)) };
  return { definition, rows: await definition.run(db, scope, filter) };
}

export type ExportFormat = "csv" | "xlsx";

/**
 * A download of a report: the same rows as the page (runReport), rendered by the caller, and an
 * audit row saying who took which report with which filters.
 */
export async function exportReport<T>(
  db: DbOrTx,
  viewer: Viewer,
  id: string,
  filter: ReportFilter,
  options: { format: ExportFormat; ip: string | null; render: (result: ReportResult) => Promise<T> | T },
): Promise<{ file: T; result: ReportResult } | null> {
  const result = await runReport(db, viewer, id, filter);
  if (!result) return null;
  const file = await options.render(result);
  await recordAudit(db, {
    viewer,
    action: "report.download",
    target: result.definition.id,
    channel: "page",
    ip: options.ip,
    details: { format: options.format, filter: { ...filter }, rows: result.rows.length },
  });
  return { file, result };
}
