/** Set when a new case matches an earlier record of a person (lib/engine/duplicates.ts); the queue filters on it. */
export const POTENTIAL_DUPLICATE = "potential_duplicate";

/** Flags for staff only: an applicant is never told that their case is suspected of being a duplicate. */
export const STAFF_ONLY_FLAGS: ReadonlySet<string> = new Set([POTENTIAL_DUPLICATE]);

export type FlagAudience = "staff" | "applicant";

export function flagsFor(flags: readonly string[], audience: FlagAudience): string[] {
  return audience === "applicant" ? flags.filter((f) => !STAFF_ONLY_FLAGS.has(f)) : [...flags];
}
