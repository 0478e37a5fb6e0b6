import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { caseParties, cases, people, users } from "@/db/schema";
import { getService } from "./registry";
import type { ActionDefinition, BreakGlassGrant, CaseSnapshot, Viewer } from "./types";

/** Regional staff: they see and file cases of their services in their regions. */
const STAFF_ROLES = new Set(["clerk", "officer", "supervisor"]);

/** Who may open a case outside their regions by giving a reason (break-glass); front offices may not. */
export const BREAK_GLASS_ROLES: ReadonlySet<string> = new Set(["officer", "supervisor"]);

function hasScope(viewer: Viewer, scope: string): boolean {
  return viewer.kind !== "token" || (viewer.scopes ?? []).includes(scope);
}

/** The viewer's services whose cases their role may handle at all (ServiceDefinition.staffRoles). */
function servicesOf(viewer: Viewer): string[] {
  return viewer.services.filter((s) => {
    const roles = getService(s)?.staffRoles;
    return !roles || (roles as readonly string[]).includes(viewer.role);
  });
}

/** The viewer's live break-glass grants that still count: only officers and supervisors hold them. */
function grantsOf(viewer: Pick<Viewer, "kind" | "role" | "breakGlass">): readonly BreakGlassGrant[] {
  return viewer.kind === "user" && BREAK_GLASS_ROLES.has(viewer.role) ? (viewer.breakGlass ?? []) : [];
}

/** The live grant under which the viewer reads this case, if they read it under one. */
export function breakGlassGrantFor(viewer: Pick<Viewer, "kind" | "role" | "breakGlass">, caseId: string | null | undefined): BreakGlassGrant | null {
  if (!caseId) return null;
  return grantsOf(viewer).find((g) => g.caseId === caseId) ?? null;
}

/**
 * The viewer for changing cases: break-glass grants are read-only, so the assignment and duplicate
 * functions load the case through this and see only their jurisdiction (perform refuses through
 * mayPerform, which checks canSeeCase).
 */
export function actingAs(viewer: Viewer): Viewer {
  return viewer.breakGlass?.length ? { ...viewer, breakGlass: [] } : viewer;
}

/**
 * A case a clerk filed for a walk-in applicant (no online owner) whose applicant party carries the
 * IIN verified on this account. Only the applicant party counts: a family member or a host with the
 * same IIN does not see the case. Read-only: acting stays with the owner (mayPerform) or the office.
 */
function filedAtOfficeFor(userId: string): SQL {
  return sql`(${cases.ownerId} is null and exists (select 1 from ${caseParties}
    join ${people} on ${people.id} = ${caseParties.personId}
    join ${users} on ${users.iin} = ${people.iin}
    where ${caseParties.caseId} = ${cases.id} and ${caseParties.role} = 'applicant' and ${users.id} = ${userId}))`;
}

/**
 * The SQL condition for the cases a viewer may read. Object-level authorisation lives in the WHERE
 * clause, so "not found" and "not yours" look the same to the caller.
 *
 * Break-glass grants add their cases by primary key (`id in (…)`, the ids loaded with the viewer
 * from live grants): for everyone without a grant the condition is exactly the regional one, and
 * with one the planner can still combine both index scans. The grant keeps the service rule: a
 * grant never opens a service the viewer's role may not handle (refugee cases stay protected).
 */
export function caseVisibility(viewer: Viewer): SQL | undefined {
  const never = sql`false`;
  if (viewer.kind === "system") return undefined;
  if (!hasScope(viewer, "cases:read") && !hasScope(viewer, "applications:read")) return never;
  switch (viewer.role) {
    case "applicant":
      return viewer.userId ? or(eq(cases.ownerId, viewer.userId), filedAtOfficeFor(viewer.userId)) : never;
    case "clerk":
    case "officer":
    case "supervisor":
    case "reviewer": {
      const services = servicesOf(viewer);
      if (!services.length) return never;
      // Central complaints reviewers work nationally, for their services only.
      if (viewer.role === "reviewer") return inArray(cases.service, services);
      const regional = viewer.regions.length ? and(inArray(cases.region, [...viewer.regions]), inArray(cases.service, services)) : undefined;
      const granted = grantsOf(viewer).map((g) => g.caseId);
      const underGrant = granted.length ? and(inArray(cases.id, granted), inArray(cases.service, services)) : undefined;
      if (regional && underGrant) return or(regional, underGrant);
      return regional ?? underGrant ?? never;
    }
    case "auditor":
      return undefined;
    default:
      return never;
  }
}

/**
 * Whether the case is within the viewer's jurisdiction (what they may act on). A break-glass
 * grant lets one read a case outside it (caseVisibility), never act: this ignores grants.
 */
export function canSeeCase(viewer: Viewer, c: Pick<CaseSnapshot, "ownerId" | "region" | "service">): boolean {
  if (viewer.kind === "system" || viewer.role === "auditor") return true;
  if (viewer.role === "applicant") return viewer.userId !== null && c.ownerId === viewer.userId;
  if (STAFF_ROLES.has(viewer.role)) return viewer.regions.includes(c.region) && servicesOf(viewer).includes(c.service);
  if (viewer.role === "reviewer") return servicesOf(viewer).includes(c.service);
  return false;
}

/** Whether the viewer's role may perform the action on this (already visible) case. */
export function mayPerform(viewer: Viewer, action: Pick<ActionDefinition, "allowed">, c: Pick<CaseSnapshot, "ownerId" | "region" | "service">): boolean {
  if (!hasScope(viewer, "cases:act")) return false;
  if (viewer.kind === "system") return action.allowed.includes("system");
  if (!canSeeCase(viewer, c)) return false;
  if (viewer.role === "applicant") return action.allowed.includes("owner") && c.ownerId === viewer.userId;
  return (action.allowed as readonly string[]).includes(viewer.role);
}

/** Who may open a new case of a service in a region. Clerks file for walk-in applicants. */
export function mayCreate(viewer: Viewer, service: string, region: string): boolean {
  if (viewer.kind === "token" && !(viewer.scopes ?? []).includes("applications:create")) return false;
  if (viewer.kind === "system") return true;
  if (viewer.role === "applicant") return viewer.userId !== null;
  if (STAFF_ROLES.has(viewer.role)) return viewer.regions.includes(region) && servicesOf(viewer).includes(service);
  return false;
}

/**
 * Whether the viewer may open this case with a break-glass grant: an officer or supervisor, a
 * service their role handles (the service's staffRoles still apply), a region that is not theirs.
 */
export function mayBreakGlass(viewer: Viewer, c: Pick<CaseSnapshot, "ownerId" | "region" | "service" | "status">): boolean {
  if (viewer.kind !== "user" || !BREAK_GLASS_ROLES.has(viewer.role)) return false;
  return c.status !== "draft" && servicesOf(viewer).includes(c.service) && !canSeeCase(viewer, c);
}
