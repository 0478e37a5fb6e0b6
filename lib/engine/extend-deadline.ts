import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { caseEvents, users } from "@/db/schema";
import { isValidCivilDate, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { notify } from "./effects";
import { recordCaseEvent } from "./case-event";
import { loadVisibleCase, Rollback, zodIssues } from "./perform";
import { getService } from "./registry";
import type { PerformResult, RuleViolation, Viewer } from "./types";

/**
 * A supervisor extends a case's statutory deadline, with a reason. While the clock runs the new due
 * date must be later than the current one; while it is stopped (the case waits for the applicant)
 * the extension adds days to the time that will be left when it restarts. Extensions of one case
 * add up to at most `deadline_extension_max_working_days` working days (days of the term's unit
 * while stopped). One transaction, version-checked, one event the applicant also sees.
 */

export const EXTEND_DEADLINE_ACTION = "extend_deadline";

export const extendDeadlineInput = z.object({
  newDueOn: z.string().refine(isValidCivilDate, "rules.validation.date").optional(),
  addDays: z.number("deadlines.errors.addDaysMin").int("deadlines.errors.addDaysMin").min(1, "deadlines.errors.addDaysMin").optional(),
  reason: z.string().trim().min(1, "rules.validation.required").max(1000, "rules.validation.tooLong"),
});
export type ExtendDeadlineInput = z.input<typeof extendDeadlineInput>;

const MAX_PARAM = "deadline_extension_max_working_days";

const refuse = (messageKey: string, values?: Record<string, string | number>, path?: string[]): never => {
  const v: RuleViolation = { rule: "DEADLINE-EXT", messageKey, values, path };
  throw new Rollback({ ok: false, error: "rule_violation", violations: [v] });
};

export async function extendDeadline(db: Db, viewer: Viewer, caseId: string, rawInput: unknown, expectedVersion: number, now = new Date()): Promise<PerformResult> {
  try {
    return await db.transaction(async (tx) => {
      if (viewer.role !== "supervisor") throw new Rollback({ ok: false, error: "forbidden" });
      const current = await loadVisibleCase(tx, viewer, caseId);
      if (!current) throw new Rollback({ ok: false, error: "not_found" });
      if (current.version !== expectedVersion) throw new Rollback({ ok: false, error: "version_conflict", currentVersion: current.version });
      const parsed = extendDeadlineInput.safeParse(rawInput ?? {});
      if (!parsed.success) throw new Rollback({ ok: false, error: "validation_failed", issues: zodIssues(parsed.error) });
      const input = parsed.data;

      const deadline = getService(current.service)?.deadline;
      const running = current.dueOn !== null;
      const stopped = !running && current.clockRemainingDays !== null;
      if (!deadline || (!running && !stopped)) refuse("deadlines.errors.noDeadline");

      const today = todayInKazakhstan(now);
      const [params, ref] = await Promise.all([loadParameters(tx), loadReferenceData(tx)]);
      const max = params.number(MAX_PARAM, today);
      let days: number;
      let dueOn = current.dueOn;
      let remaining = current.clockRemainingDays;
      if (running) {
        if (!input.newDueOn) throw new Rollback({ ok: false, error: "validation_failed", issues: [{ path: ["newDueOn"], message: "rules.validation.required" }] });
        if (input.newDueOn <= current.dueOn!) refuse("deadlines.errors.notLater", { dueOn: current.dueOn! }, ["newDueOn"]);
        days = ref.calendar.workingDaysBetween(current.dueOn!, input.newDueOn);
        dueOn = input.newDueOn;
      } else {
        if (!input.addDays) throw new Rollback({ ok: false, error: "validation_failed", issues: [{ path: ["addDays"], message: "rules.validation.required" }] });
        days = input.addDays;
        remaining = current.clockRemainingDays! + days;
      }

      const earlier = await tx
        .select({ payload: caseEvents.payload })
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, current.id), eq(caseEvents.action, EXTEND_DEADLINE_ACTION)));
      const used = earlier.reduce((sum, e) => sum + Number((e.payload as { days?: number } | null)?.days ?? 0), 0);
      if (used + days > max) refuse("deadlines.errors.tooLong", { max, left: Math.max(0, max - used) }, [running ? "newDueOn" : "addDays"]);

      const recorded = await recordCaseEvent(tx, {
        viewer,
        current,
        expectedVersion,
        now,
        action: EXTEND_DEADLINE_ACTION,
        set: { dueOn, clockRemainingDays: remaining },
        payload: { previousDueOn: current.dueOn, newDueOn: dueOn, previousRemainingDays: current.clockRemainingDays, newRemainingDays: remaining, days },
        reason: input.reason,
        visibleToApplicant: true,
      });
      // The applicant is told the new date (or, while the case waits for them, the longer time left).
      if (current.ownerId) {
        const [owner] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, current.ownerId));
        await notify(tx, {
          userId: current.ownerId,
          caseId: current.id,
          template: running ? "deadlines.notifications.extended" : "deadlines.notifications.extendedWhileStopped",
          params: running ? { reference: current.reference, dueOn: dueOn! } : { reference: current.reference, days: remaining! },
          locale: owner?.locale ?? "kk",
          at: now,
        });
      }
      return { ok: true as const, ...recorded };
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}
