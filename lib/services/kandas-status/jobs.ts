import { and, asc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, jobRuns, kandasQuotas, kandasWaitlist } from "@/db/schema";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER } from "@/lib/engine/types";
import { registerSweep } from "@/lib/jobs/registry";
import { todayInKazakhstan } from "@/lib/rules/dates";

/**
 * KD-04, KD-06: once a day, where a region has free places this year (a new year's quota, a larger
 * share, a freed place), the families at the head of its wait-list go back to quota review, one
 * per free place, in priority order. Each move goes through the engine, which checks order and room again.
 */
export async function runWaitlistSweep(db: Db, now = new Date()): Promise<{ date: string; reopened: number; skipped: boolean }> {
  const today = todayInKazakhstan(now);
  const claimed = await db.insert(jobRuns).values({ job: "kd_waitlist_sweep", runDate: today }).onConflictDoNothing().returning();
  if (!claimed.length) return { date: today, reopened: 0, skipped: true };
  const year = Number(today.slice(0, 4));
  const open = await db
    .select({ region: kandasQuotas.region, free: sql<number>`${kandasQuotas.familiesAllocated} - ${kandasQuotas.familiesUsed}` })
    .from(kandasQuotas)
    .where(and(eq(kandasQuotas.year, year), gt(kandasQuotas.familiesAllocated, kandasQuotas.familiesUsed)));
  let reopened = 0;
  for (const { region, free } of open) {
    const heads = await db
      .select({ caseId: kandasWaitlist.caseId, version: cases.version })
      .from(kandasWaitlist)
      .innerJoin(cases, eq(cases.id, kandasWaitlist.caseId))
      .where(and(eq(kandasWaitlist.region, region), isNull(kandasWaitlist.leftAt), eq(cases.status, "waitlisted")))
      .orderBy(sql`${kandasWaitlist.priorityScore} desc`, asc(kandasWaitlist.listedAt), asc(kandasWaitlist.id))
      .limit(Number(free));
    for (const head of heads) {
      const r = await perform(db, SYSTEM_VIEWER, head.caseId, "reopen_quota_review", {}, head.version, { now });
      if (r.ok) reopened++;
    }
  }
  await db.update(jobRuns).set({ result: { reopened } }).where(and(eq(jobRuns.job, "kd_waitlist_sweep"), eq(jobRuns.runDate, today)));
  return { date: today, reopened, skipped: false };
}

registerSweep("kd_waitlist", runWaitlistSweep);
