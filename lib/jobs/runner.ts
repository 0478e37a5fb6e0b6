import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scheduledJobs } from "@/db/schema";
import { checkStayEnd, runStayEndSweep } from "./tr-stay-end";
import "./reminders";
import { allSweeps, jobHandler, registerJobHandler, registerSweep } from "./registry";
import { deliverNotifications } from "@/lib/notify/deliver";
import { transportsFromEnv, type DeliveryTransports } from "@/lib/notify/transport";

registerJobHandler("tr_stay_end_check", async (db, job, now) => {
  if (job.caseId) await checkStayEnd(db, job.caseId, now);
});
registerSweep("tr_stay_end", runStayEndSweep);

/**
 * The job code both drivers run: in-process (PGlite, tests, the seed) calls these functions
 * directly; on PostgreSQL pg-boss workers call the same functions (lib/jobs/pg-boss.ts).
 */

/** A follow-up is tried at most this many times; its last error stays on the row. */
export const MAX_JOB_ATTEMPTS = 5;

type ScheduledJob = typeof scheduledJobs.$inferSelect;

/** Follow-ups that are due and not yet handed to a queue. */
export async function dueFollowUps(db: Db, now: Date, limit = 500): Promise<ScheduledJob[]> {
  return db
    .select()
    .from(scheduledJobs)
    .where(and(isNull(scheduledJobs.doneAt), isNull(scheduledJobs.queuedAt), lte(scheduledJobs.runAt, now), sql`${scheduledJobs.attempts} < ${MAX_JOB_ATTEMPTS}`))
    .orderBy(asc(scheduledJobs.runAt))
    .limit(limit);
}

/**
 * Runs one follow-up and records the attempt. A job already done is skipped, so a queue that
 * delivers a job twice runs its handler once. A failure is recorded and thrown again for the
 * driver to retry.
 */
export async function runFollowUp(db: Db, jobId: string, now: Date): Promise<"done" | "skipped"> {
  const [job] = await db.select().from(scheduledJobs).where(and(eq(scheduledJobs.id, jobId), isNull(scheduledJobs.doneAt)));
  if (!job) return "skipped";
  const handler = jobHandler(job.kind);
  try {
    if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
    await handler(db, job, now);
    await db.update(scheduledJobs).set({ doneAt: new Date(), attempts: job.attempts + 1 }).where(eq(scheduledJobs.id, job.id));
    return "done";
  } catch (e) {
    await db
      .update(scheduledJobs)
      .set({ attempts: job.attempts + 1, lastError: (e instanceof Error ? e.message : String(e)).slice(0, 500) })
      .where(eq(scheduledJobs.id, job.id));
    throw e;
  }
}

/** The periodic sweeps; each claims its day in job_runs, so running them again does nothing twice. */
export async function runSweeps(db: Db, now: Date): Promise<void> {
  for (const [, sweep] of allSweeps()) await sweep(db, now);
}

/** In-process driver: the due follow-ups, then the sweeps, then the outbox. */
export async function runDueJobs(db: Db, now = new Date(), transports: DeliveryTransports = transportsFromEnv()): Promise<{ ran: number; failed: number }> {
  let ran = 0;
  let failed = 0;
  for (const job of await dueFollowUps(db, now)) {
    try {
      if ((await runFollowUp(db, job.id, now)) === "done") ran++;
    } catch {
      // Recorded on the row; tried again on a later run.
      failed++;
    }
  }
  await runSweeps(db, now);
  // Last, so that messages the sweeps just wrote go out in the same run.
  await deliverNotifications(db, transports, now);
  return { ran, failed };
}
