import { and, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { caseParties, cases, people, users } from "@/db/schema";
import { getService } from "./registry";
import type { ActionDefinition, CaseSnapshot, Viewer } from "./types";

/** Regional staff: they see and file cases of their services in their regions. */
const STAFF_ROLES = new Set(["clerk", "officer", "supervisor"]);

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
      if (!viewer.regions.length) return never;
      return and(inArray(cases.region, [...viewer.regions]), inArray(cases.service, services));
    }
    case "auditor":
      return undefined;
    default:
      return never;
  }
}

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
