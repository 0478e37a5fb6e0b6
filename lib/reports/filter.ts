import { addMonthsClamped } from "@/lib/rules/dates";

/** The filters of the dashboard and of every report, as they appear in the URL. */
export interface ReportFilter {
  region?: string;
  service?: string;
  /** First and last month of the period, both inclusive ('YYYY-MM'). */
  from: string;
  to: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Longer periods are cut to this many months, so one request never aggregates decades. */
export const MAX_PERIOD_MONTHS = 60;
const DEFAULT_PERIOD_MONTHS = 12;

const monthOf = (civilDate: string) => civilDate.slice(0, 7);
const shiftMonth = (month: string, n: number) => monthOf(addMonthsClamped(`${month}-01`, n));

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function param(params: Params, key: string): string | undefined {
  const v = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.trim() ? s.trim() : undefined;
}

/**
 * Reads the filters from a query string. Anything malformed falls back to the default (the twelve
 * months up to today's); a reversed period is swapped; a too-long one is cut at its end.
 */
export function parseReportFilter(params: Params, today: string): ReportFilter {
  const current = monthOf(today);
  let to = param(params, "to");
  let from = param(params, "from");
  if (!to || !MONTH.test(to)) to = current;
  if (!from || !MONTH.test(from)) from = shiftMonth(to, -(DEFAULT_PERIOD_MONTHS - 1));
  if (from > to) [from, to] = [to, from];
  if (monthsBetween(from, to) >= MAX_PERIOD_MONTHS) from = shiftMonth(to, -(MAX_PERIOD_MONTHS - 1));
  const region = param(params, "region");
  const service = param(params, "service");
  return {
    from,
    to,
    region: region && /^[A-Z]{2}-[A-Z0-9]{2,5}$/.test(region) ? region : undefined,
    service: service && /^[a-z_]{1,40}$/.test(service) ? service : undefined,
  };
}

/** The filters as a query string (for links between the dashboard, reports and downloads). */
export function filterQuery(filter: ReportFilter, extra: Record<string, string> = {}): string {
  const qs = new URLSearchParams();
  if (filter.region) qs.set("region", filter.region);
  if (filter.service) qs.set("service", filter.service);
  qs.set("from", filter.from);
  qs.set("to", filter.to);
  for (const [k, v] of Object.entries(extra)) qs.set(k, v);
  return qs.toString();
}

/** The period as instants: from the first moment of `from` to the first moment after `to`, in Kazakhstan time. */
export function periodBounds(filter: Pick<ReportFilter, "from" | "to">): { start: Date; end: Date } {
  return { start: new Date(`${filter.from}-01T00:00:00+05:00`), end: new Date(`${shiftMonth(filter.to, 1)}-01T00:00:00+05:00`) };
}
