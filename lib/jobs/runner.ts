import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scheduledJobs } from "@/db/schema";
import { checkStayEnd, runStayEndSweep } from "./tr-stay-end";
import { allSweeps, jobHandler, registerJobHandler, registerSweep } from "./registry";
import { deliverNotifications } from "@/lib/notify/deliver";
import { mailTransportFromEnv } from "@/lib/notify/transport";

registerJobHandler("tr_stay_end_check", async (db, job, now) => {
  if (job.caseId) await checkStayEnd(db, job.caseId, now);
});
registerSweep("tr_stay_end", runStayEndSweep);

const MAX_ATTEMPTS = 5;

/** Runs the follow-ups the engine scheduled that are due, then the daily sweeps. */
export async function runDueJobs(db: Db, now = new Date()): Promise<{ ran: number; failed: number }> {
  const due = await db
    .select()
    .from(scheduledJobs)
    .where(and(isNull(scheduledJobs.doneAt), lte(scheduledJobs.runAt, now), sql`${scheduledJobs.attempts} < ${MAX_ATTEMPTS}`))
    .orderBy(asc(scheduledJobs.runAt))
    .limit(500);
  let ran = 0;
  let failed = 0;
  for (const job of due) {
    const handler = jobHandler(job.kind);
    try {
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      await handler(db, job, now);
      await db.update(scheduledJobs).set({ doneAt: new Date(), attempts: job.attempts + 1 }).where(eq(scheduledJobs.id, job.id));
      ran++;
    } catch (e) {
      failed++;
      await db
        .update(scheduledJobs)
        .set({ attempts: job.attempts + 1, lastError: e instanceof Error ? e.message : String(e) })
        .where(eq(scheduledJobs.id, job.id));
    }
  }
  for (const [, sweep] of allSweeps()) await sweep(db, now);
  // Last, so that messages the sweeps just wrote go out in the same run.
  await deliverNotifications(db, mailTransportFromEnv(), now);
  return { ran, failed };
}
