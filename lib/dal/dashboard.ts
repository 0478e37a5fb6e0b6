import "server-only";
import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, decisions, users } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";
import { periodBounds, type ReportFilter } from "@/lib/reports/filter";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { KD_SERVICE } from "@/lib/services/ids";
import { centreOccupancy, quotaOfYear, type CentreOccupancy, type RegionQuotaRow } from "./kandas";
import { REFUSAL_OUTCOMES } from "./reports/open-states";
import { narrowScope, openCondition, reportScope, scopeCondition, type ReportScope } from "./reports/scope";

/**
 * The supervisor's dashboard (issue 6, item 6): workload per team and officer, decisions within the
 * statutory term, the age of open cases, refusal reasons, kandas quota use and centre occupancy.
 * Every figure is one aggregate query over `cases` filtered by the viewer's scope in SQL.
 */

export interface WorkloadCounts {
  open: number;
  /** Nobody holds the case (no assignee, or the assignee's lease lapsed). */
  unallocated: number;
  /** A running clock whose due date is before today in Kazakhstan. */
  overdue: number;
  /** Due today or within `deadline_warning_working_days` working days. */
  dueSoon: number;
  /** Held by the viewer. */
  mine: number;
}

/** A team is the staff of one service in one region: the unit a supervisor answers for. */
export interface TeamRow extends WorkloadCounts {
  region: string;
  service: string;
}

export interface OfficerRow {
  userId: string;
  name: string;
  open: number;
  overdue: number;
  dueSoon: number;
}

export interface Workload {
  totals: WorkloadCounts;
  teams: TeamRow[];
  officers: OfficerRow[];
  /** The last due date that still counts as due soon. */
  dueSoonUntil: string;
  warningDays: number;
}

export interface TermRow {
  region: string;
  service: string;
  within: number;
  late: number;
  /** Decided while no statutory clock was running (the service sets no decision term). */
  noTerm: number;
}

/** Open cases by days since filing; `max` null is the open-ended last bucket. */
export const AGE_BUCKETS: readonly { min: number; max: number | null }[] = [
  { min: 0, max: 2 },
  { min: 3, max: 5 },
  { min: 6, max: 10 },
  { min: 11, max: 20 },
  { min: 21, max: 30 },
  { min: 31, max: 60 },
  { min: 61, max: null },
];

export interface AgeBucketRow {
  min: number;
  max: number | null;
  count: number;
}

export interface RefusalRow {
  service: string;
  reasonCode: string | null;
  count: number;
}

export interface Dashboard {
  scope: ReportScope;
  workload: Workload;
  term: TermRow[];
  ages: AgeBucketRow[];
  refusals: RefusalRow[];
  /** Only when the scope includes kandas status. */
  kandas: { year: number; quotas: RegionQuotaRow[]; centres: CentreOccupancy[] } | null;
}

export interface DashboardOptions {
  /** The moment the figures are for (tests pin it); today is its civil date in Kazakhstan. */
  now?: Date;
}

const n = (v: unknown) => Number(v ?? 0);

export async function workload(db: DbOrTx, viewer: Viewer, scope: ReportScope, now: Date): Promise<Workload> {
  const today = todayInKazakhstan(now);
  const [params, ref] = await Promise.all([loadParameters(db), loadReferenceData(db)]);
  const warningDays = params.number("deadline_warning_working_days", today);
  const dueSoonUntil = ref.calendar.addWorkingDays(today, warningDays);
  // An assignee whose lease lapsed no longer holds the case (lib/engine/assign.ts).
  const holder = sql<string | null>`case when ${cases.assigneeId} is not null and ${cases.leaseExpiresAt} > ${now.toISOString()}::timestamptz then ${cases.assigneeId} end`;
  const rows = await db
    .select({
      region: cases.region,
      service: cases.service,
      holder,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) filter (where ${cases.dueOn} < ${today}::date)::int`,
      dueSoon: sql<number>`count(*) filter (where ${cases.dueOn} >= ${today}::date and ${cases.dueOn} <= ${dueSoonUntil}::date)::int`,
    })
    .from(cases)
    .where(and(scopeCondition(scope), openCondition(scope)))
    .groupBy(sql`1, 2, 3`); // by position: the lease expression carries a bound parameter

  const teams = new Map<string, TeamRow>();
  const officers = new Map<string, Omit<OfficerRow, "name">>();
  for (const r of rows) {
    const key = `${r.region}|${r.service}`;
    const team = teams.get(key) ?? { region: r.region, service: r.service, open: 0, unallocated: 0, overdue: 0, dueSoon: 0, mine: 0 };
    team.open += n(r.open);
    team.overdue += n(r.overdue);
    team.dueSoon += n(r.dueSoon);
    if (r.holder === null) team.unallocated += n(r.open);
    else {
      if (r.holder === viewer.userId) team.mine += n(r.open);
      const o = officers.get(r.holder) ?? { userId: r.holder, open: 0, overdue: 0, dueSoon: 0 };
      o.open += n(r.open);
      o.overdue += n(r.overdue);
      o.dueSoon += n(r.dueSoon);
      officers.set(r.holder, o);
    }
    teams.set(key, team);
  }
  const names = officers.size
    ? await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...officers.keys()]))
    : [];
  const nameOf = new Map(names.map((u) => [u.id, u.name]));
  const teamRows = [...teams.values()].sort((a, b) => a.region.localeCompare(b.region) || a.service.localeCompare(b.service));
  const totals = teamRows.reduce<WorkloadCounts>(
    (s, t) => ({ open: s.open + t.open, unallocated: s.unallocated + t.unallocated, overdue: s.overdue + t.overdue, dueSoon: s.dueSoon + t.dueSoon, mine: s.mine + t.mine }),
    { open: 0, unallocated: 0, overdue: 0, dueSoon: 0, mine: 0 },
  );
  return {
    totals,
    teams: teamRows,
    officers: [...officers.values()]
      .map((o) => ({ ...o, name: nameOf.get(o.userId) ?? o.userId }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name)),
    dueSoonUntil,
    warningDays,
  };
}

/** Cases whose last decision fell in the period, by whether it met the due date running then. */
export async function decidedWithinTerm(db: DbOrTx, scope: ReportScope, filter: Pick<ReportFilter, "from" | "to">): Promise<TermRow[]> {
  const { start, end } = periodBounds(filter);
  const rows = await db
    .select({
      region: cases.region,
      service: cases.service,
      within: sql<number>`count(*) filter (where ${cases.decidedWithinTerm})::int`,
      late: sql<number>`count(*) filter (where not ${cases.decidedWithinTerm})::int`,
      noTerm: sql<number>`count(*) filter (where ${cases.decidedWithinTerm} is null)::int`,
    })
    .from(cases)
    .where(and(scopeCondition(scope), gte(cases.decidedAt, start), lt(cases.decidedAt, end)))
    .groupBy(cases.region, cases.service)
    .orderBy(cases.region, cases.service);
  return rows.map((r) => ({ region: r.region, service: r.service, within: n(r.within), late: n(r.late), noTerm: n(r.noTerm) }));
}

/** Open cases by calendar days since filing (Kazakhstan dates), one row per bucket, empty ones included. */
export async function openCaseAges(db: DbOrTx, scope: ReportScope, today: string): Promise<AgeBucketRow[]> {
  const age = sql`(${today}::date - (coalesce(${cases.submittedAt}, ${cases.createdAt}) at time zone 'Asia/Almaty')::date)`;
  const bucket = sql<number>`case ${sql.join(
    AGE_BUCKETS.map((b, i) => (b.max === null ? sql`else ${i}` : sql`when ${age} <= ${b.max} then ${i}`)),
    sql` `,
  )} end`;
  const rows = await db
    .select({ bucket, count: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(scopeCondition(scope), openCondition(scope)))
    .groupBy(sql`1`);
  const counts = new Map(rows.map((r) => [n(r.bucket), n(r.count)]));
  return AGE_BUCKETS.map((b, i) => ({ ...b, count: counts.get(i) ?? 0 }));
}

/** Refusals decided in the period by service and reason code, most frequent first. */
export async function refusalReasons(db: DbOrTx, scope: ReportScope, filter: Pick<ReportFilter, "from" | "to">): Promise<RefusalRow[]> {
  const { start, end } = periodBounds(filter);
  const rows = await db
    .select({ service: cases.service, reasonCode: decisions.reasonCode, count: sql<number>`count(*)::int` })
    .from(decisions)
    .innerJoin(cases, eq(cases.id, decisions.caseId))
    .where(
      and(
        scopeCondition(scope),
        // A case's last decision is never older than its refusal: this lets the cases_decided index prune.
        gte(cases.decidedAt, start),
        gte(decisions.decidedAt, start),
        lt(decisions.decidedAt, end),
        inArray(decisions.outcome, [...REFUSAL_OUTCOMES]),
      ),
    )
    .groupBy(cases.service, decisions.reasonCode)
    .orderBy(desc(sql`count(*)`), cases.service, decisions.reasonCode);
  return rows.map((r) => ({ service: r.service, reasonCode: r.reasonCode, count: n(r.count) }));
}

/** Null when the viewer gets no dashboard (see reportScope). */
export async function supervisorDashboard(db: DbOrTx, viewer: Viewer, filter: ReportFilter, options: DashboardOptions = {}): Promise<Dashboard | null> {
  const full = reportScope(viewer);
  if (!full) return null;
  const scope = narrowScope(full, filter);
  const now = options.now ?? new Date();
  const today = todayInKazakhstan(now);
  const year = Number(filter.to.slice(0, 4));
  const withKandas = scope.services.includes(KD_SERVICE);
  const inRegion = (region: string) => scope.regions === null || scope.regions.includes(region);
  const [load, term, ages, refusals, quota, centres] = await Promise.all([
    workload(db, viewer, scope, now),
    decidedWithinTerm(db, scope, filter),
    openCaseAges(db, scope, today),
    refusalReasons(db, scope, filter),
    withKandas ? quotaOfYear(db, year) : null,
    withKandas ? centreOccupancy(db, viewer) : null,
  ]);
  return {
    scope,
    workload: load,
    term,
    ages,
    refusals,
    kandas: quota && centres ? { year, quotas: quota.regions.filter((r) => inRegion(r.region)), centres: centres.filter((c) => inRegion(c.region)) } : null,
  };
}
