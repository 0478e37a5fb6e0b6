import { eq } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { Db } from "@/db/client";
import { scheduledJobs } from "@/db/schema";
import { deliverNotifications } from "@/lib/notify/deliver";
import { transportsFromEnv, type DeliveryTransports } from "@/lib/notify/transport";
import { MAX_JOB_ATTEMPTS, dueFollowUps, runFollowUp, runSweeps } from "./runner";

/**
 * The PostgreSQL driver of the job runner: pg-boss queues in the application's database (schema
 * "pgboss"). The engine still writes follow-ups to scheduled_jobs inside its transactions; a
 * dispatcher hands the due ones to a queue under their own id (so a job is queued once however
 * many servers dispatch), and workers run the same functions as the in-process driver. Cron
 * schedules are kept by pg-boss across servers, so each tick runs once.
 */

export const QUEUES = {
  /** One job per scheduled_jobs row; pg-boss retries it with back-off, then dead-letters it. */
  followUp: "case-follow-up",
  /** Every minute: hands due follow-ups to the queue above. */
  dispatch: "follow-up-dispatch",
  /** Every hour: the daily sweeps (each claims its day, so extra runs do nothing). */
  sweeps: "daily-sweeps",
  /** Every minute: the outbox; its own retries and dead messages stay on the rows (/admin/outbox). */
  deliver: "outbox-delivery",
  /** Follow-ups that failed every attempt, kept for inspection. */
  dead: "dead-follow-ups",
} as const;

export interface PgBossDriverOptions {
  connectionString: string;
  /** Seconds before the first retry of a failed follow-up (doubled each time). */
  retryDelaySeconds?: number;
  /** How often idle workers look for work. */
  pollingIntervalSeconds?: number;
  /** Register the cron schedules (servers do; a test may send jobs by hand). */
  schedule?: boolean;
  transports?: DeliveryTransports;
}

export interface PgBossDriver {
  boss: PgBoss;
  /** Hands due follow-ups to the queue; returns how many were queued now. */
  dispatch(now?: Date): Promise<number>;
  /** Sends one run of the dispatcher, the sweeps and the delivery, waits until every queue is idle, and names the jobs that failed meanwhile. */
  runOnce(timeoutMs?: number): Promise<{ failed: string[] }>;
  stop(): Promise<void>;
}

export async function startPgBossDriver(db: Db, options: PgBossDriverOptions): Promise<PgBossDriver> {
  const transports = options.transports ?? transportsFromEnv();
  const boss = new PgBoss({ connectionString: options.connectionString, schema: "pgboss", max: 4, application_name: "migration-jobs" });
  boss.on("error", (e) => console.error("Job queue error", e));
  await boss.start();

  await boss.createQueue(QUEUES.dead);
  await boss.createQueue(QUEUES.followUp, {
    name: QUEUES.followUp,
    retryLimit: MAX_JOB_ATTEMPTS - 1,
    retryDelay: options.retryDelaySeconds ?? 60,
    retryBackoff: true,
    deadLetter: QUEUES.dead,
  });
  // Stately queues: at most one tick waiting and one running, however many servers send them.
  for (const name of [QUEUES.dispatch, QUEUES.sweeps, QUEUES.deliver]) await boss.createQueue(name, { name, policy: "stately", retryLimit: 0 });

  async function dispatch(now = new Date()): Promise<number> {
    let queued = 0;
    for (const job of await dueFollowUps(db, now)) {
      // The job's own id: sending it again (another server, a crash before the update) is a no-op.
      const id = await boss.send(QUEUES.followUp, { jobId: job.id }, { id: job.id });
      await db.update(scheduledJobs).set({ queuedAt: now }).where(eq(scheduledJobs.id, job.id));
      if (id) queued++;
    }
    return queued;
  }

  const polling = { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  await boss.work<{ jobId: string }>(QUEUES.followUp, polling, async ([job]) => {
    if (job) await runFollowUp(db, job.data.jobId, new Date());
  });
  await boss.work(QUEUES.dispatch, polling, async () => {
    await dispatch();
  });
  await boss.work(QUEUES.sweeps, polling, async () => {
    await runSweeps(db, new Date());
  });
  await boss.work(QUEUES.deliver, polling, async () => {
    await deliverNotifications(db, transports, new Date());
  });
  await boss.work<{ jobId: string }>(QUEUES.dead, polling, async ([job]) => {
    if (job) console.error(`Follow-up ${job.data.jobId} failed ${MAX_JOB_ATTEMPTS} times; its last error is in scheduled_jobs.last_error`);
  });

  if (options.schedule ?? true) {
    await boss.schedule(QUEUES.dispatch, "* * * * *");
    await boss.schedule(QUEUES.deliver, "* * * * *");
    await boss.schedule(QUEUES.sweeps, "5 * * * *");
  }

  async function idle(): Promise<boolean> {
    for (const name of [QUEUES.dispatch, QUEUES.followUp, QUEUES.sweeps, QUEUES.deliver]) {
      if ((await boss.getQueueSize(name, { before: "completed" })) > 0) return false;
    }
    return true;
  }

  return {
    boss,
    dispatch,
    async runOnce(timeoutMs = 120_000) {
      const startedAt = new Date();
      await boss.send(QUEUES.dispatch, {});
      await boss.send(QUEUES.sweeps, {});
      const deadline = Date.now() + timeoutMs;
      // The delivery goes last, once the follow-ups and sweeps have written their messages.
      while (!(await idle())) {
        if (Date.now() > deadline) throw new Error("Jobs did not finish in time");
        await new Promise((r) => setTimeout(r, 500));
      }
      await boss.send(QUEUES.deliver, {});
      while (!(await idle())) {
        if (Date.now() > deadline) throw new Error("Outbox delivery did not finish in time");
        await new Promise((r) => setTimeout(r, 500));
      }
      const { rows } = await boss.getDb().executeSql(`SELECT name, output->>'message' AS message FROM pgboss.job WHERE state = 'failed' AND completed_on >= $1`, [startedAt]);
      return { failed: rows.map((r: { name: string; message: string | null }) => `${r.name}: ${r.message ?? "failed"}`) };
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
