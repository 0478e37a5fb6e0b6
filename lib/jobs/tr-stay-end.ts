import { and, arrayContains, eq, not, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, jobRuns } from "@/db/schema";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER, type PerformResult } from "@/lib/engine/types";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { TR_SERVICE } from "@/lib/services/temporary-registration/definition";
import { TR_FLAGS } from "@/lib/services/temporary-registration/rules";
import { hasOpenRefugeeRenewal } from "@/lib/services/refugee-renewal/records";

export interface SweepResult {
  date: string;
  expired: number;
  flaggedOverstay: number;
  skipped: boolean;
}

const validUntil = sql<string>`(${cases.data} -> 'registration' ->> 'validUntil')`;

/** Ends the registrations whose term has passed and flags overstays (TR-08), one case at a time through the engine. */
export async function checkStayEnd(db: Db, caseId: string, now: Date): Promise<{ expired: boolean; flagged: boolean }> {
  let expired = false;
  let flagged = false;
  const [row] = await db.select({ status: cases.status, version: cases.version }).from(cases).where(eq(cases.id, caseId));
  if (!row) return { expired, flagged };
  // RF-08: while a refugee's renewal or complaint is open, their stay counts as lawful.
  if (await hasOpenRefugeeRenewal(db, caseId)) return { expired, flagged };
  let version = row.version;
  if (row.status === "registered") {
    const r: PerformResult = await perform(db, SYSTEM_VIEWER, caseId, "expire", {}, version, { now });
    if (!r.ok) return { expired, flagged };
    expired = true;
    version = r.case.version;
  } else if (row.status !== "expired") {
    return { expired, flagged };
  }
  // Guards decide: the grace period (TR-08) and the protected-person flag are checked there.
  const f = await perform(db, SYSTEM_VIEWER, caseId, "flag_overstay", {}, version, { now });
  flagged = f.ok;
  return { expired, flagged };
}

/**
 * The daily sweep. Runs at most once per Kazakhstan calendar day (the job_runs primary key), so two
 * servers or a restart never sweep the same day twice.
 */
export async function runStayEndSweep(db: Db, now = new Date()): Promise<SweepResult> {
  const today = todayInKazakhstan(now);
  const claimed = await db.insert(jobRuns).values({ job: "tr_stay_end_sweep", runDate: today }).onConflictDoNothing().returning();
  if (!claimed.length) return { date: today, expired: 0, flaggedOverstay: 0, skipped: true };

  const params = await loadParameters(db);
  const graceEnd = addCalendarDays(today, -params.number("tr_overstay_grace_days", today));
  const candidates = await db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.service, TR_SERVICE),
        sql`(${cases.status} = 'registered' and ${validUntil} < ${today}) or (${cases.status} = 'expired' and ${validUntil} < ${graceEnd})`,
        not(arrayContains(cases.flags, [TR_FLAGS.overstay])),
        not(arrayContains(cases.flags, [TR_FLAGS.protectedPerson])),
      ),
    );
  let expired = 0;
  let flaggedOverstay = 0;
  for (const c of candidates) {
    const r = await checkStayEnd(db, c.id, now);
    if (r.expired) expired++;
    if (r.flagged) flaggedOverstay++;
  }
  const result = { date: today, expired, flaggedOverstay, skipped: false };
  await db.update(jobRuns).set({ result }).where(and(eq(jobRuns.job, "tr_stay_end_sweep"), eq(jobRuns.runDate, today)));
  return result;
}
