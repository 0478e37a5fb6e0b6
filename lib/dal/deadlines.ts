import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { caseEvents, cases, users } from "@/db/schema";
import { caseVisibility } from "@/lib/engine/access";
import { deadlineState, type DeadlineState } from "@/lib/engine/deadline";
import { EXTEND_DEADLINE_ACTION } from "@/lib/engine/extend-deadline";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";

export type { DeadlineState };

/**
 * The deadline state of any number of cases, judged on one day with the parameters and calendar
 * read once: for a case page, a queue of fifty rows or an applicant's status page alike.
 */
export async function loadDeadlineJudge(db: DbOrTx, now = new Date()): Promise<(c: Pick<CaseSnapshot, "dueOn" | "clockRemainingDays">) => DeadlineState> {
  const [params, ref] = await Promise.all([loadParameters(db), loadReferenceData(db)]);
  const today = todayInKazakhstan(now);
  return (c) => deadlineState(c, today, params, ref);
}

export interface DeadlineExtensionView {
  at: Date;
  previousDueOn: string | null;
  newDueOn: string | null;
  previousRemainingDays: number | null;
  newRemainingDays: number | null;
  /** What the extension counts against deadline_extension_max_working_days. */
  days: number;
  reason: string | null;
  /** Null for the applicant: they see what changed and why, not who did it. */
  byName: string | null;
}

/** A case's deadline extensions, oldest first, if the viewer may see the case. */
export async function deadlineExtensions(db: DbOrTx, viewer: Viewer, caseId: string): Promise<DeadlineExtensionView[]> {
  const rows = await db
    .select({ at: caseEvents.at, payload: caseEvents.payload, reason: caseEvents.reason, byName: users.displayName })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, EXTEND_DEADLINE_ACTION), caseVisibility(viewer)))
    .orderBy(asc(caseEvents.version));
  return rows.map((r) => {
    const p = (r.payload ?? {}) as Partial<Record<"previousDueOn" | "newDueOn", string | null> & Record<"previousRemainingDays" | "newRemainingDays" | "days", number | null>>;
    return {
      at: r.at,
      previousDueOn: p.previousDueOn ?? null,
      newDueOn: p.newDueOn ?? null,
      previousRemainingDays: p.previousRemainingDays ?? null,
      newRemainingDays: p.newRemainingDays ?? null,
      days: p.days ?? 0,
      reason: r.reason,
      byName: viewer.role === "applicant" ? null : r.byName,
    };
  });
}
