import "server-only";
import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { cases } from "@/db/schema";
import { allServices, getService } from "@/lib/engine/registry";
import type { Viewer } from "@/lib/engine/types";
import type { ReportFilter } from "@/lib/reports/filter";
import "@/lib/services";
import { OPEN_STATES } from "./open-states";

/**
 * What a viewer may count: the supervisor's regions and services, or everything for an auditor
 * (read-only, nationwide). Officers, clerks and admins get no dashboards or reports: the figures are
 * a supervisor's tool, and admins hold no case data.
 */
export interface ReportScope {
  /** Null: every region. */
  regions: readonly string[] | null;
  services: readonly string[];
}

export function reportScope(viewer: Viewer): ReportScope | null {
  if (viewer.kind !== "user") return null;
  if (viewer.role === "auditor") return { regions: null, services: allServices().map((s) => s.id) };
  if (viewer.role !== "supervisor") return null;
  const services = viewer.services.filter((s) => {
    const roles = getService(s)?.staffRoles;
    return getService(s) !== undefined && (!roles || (roles as readonly string[]).includes("supervisor"));
  });
  if (!services.length || !viewer.regions.length) return null;
  return { regions: [...viewer.regions], services };
}

/** The scope narrowed by the filter; a region or service outside the scope leaves nothing. */
export function narrowScope(scope: ReportScope, filter: Pick<ReportFilter, "region" | "service">): ReportScope {
  const regions = filter.region ? (scope.regions === null || scope.regions.includes(filter.region) ? [filter.region] : []) : scope.regions;
  const services = filter.service ? scope.services.filter((s) => s === filter.service) : scope.services;
  return { regions, services };
}

/** The SQL condition on `cases` for a scope. Region and service lead the case indexes. */
export function scopeCondition(scope: ReportScope): SQL {
  if (!scope.services.length || (scope.regions !== null && !scope.regions.length)) return sql`false`;
  return and(inArray(cases.service, [...scope.services]), scope.regions === null ? undefined : inArray(cases.region, [...scope.regions]))!;
}

/** Open cases of the scope's services (see OPEN_STATES). */
export function openCondition(scope: ReportScope): SQL {
  const parts = scope.services
    .filter((s) => OPEN_STATES[s]?.length)
    .map((s) => and(eq(cases.service, s), inArray(cases.status, [...OPEN_STATES[s]!]))!);
  return parts.length ? or(...parts)! : sql`false`;
}
