import type { Role } from "@/db/schema";

/** Everyone who is not an applicant signs in to the staff area. */
export const STAFF_ROLES: ReadonlySet<string> = new Set<Role>(["clerk", "officer", "supervisor", "reviewer", "quota_planner", "admin", "auditor"]);

/** Roles that work with cases: the queue and case pages. Auditors read only; the engine gives them no actions. */
export const CASEWORK_ROLES = ["clerk", "officer", "supervisor", "reviewer", "auditor"] as const satisfies readonly Role[];

/** Roles that may act on a case through the staff case page (the engine decides which actions). */
export const ACTING_ROLES = ["clerk", "officer", "supervisor", "reviewer"] as const satisfies readonly Role[];
