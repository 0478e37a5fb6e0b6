import type { Db } from "@/db/client";
import type { scheduledJobs } from "@/db/schema";

export type JobHandler = (db: Db, job: typeof scheduledJobs.$inferSelect, now: Date) => Promise<void>;
/** A periodic job; it records its own run (job_runs) so that a day or month is never processed twice. */
export type Sweep = (db: Db, now: Date) => Promise<unknown>;

const handlers = new Map<string, JobHandler>();
const sweeps = new Map<string, Sweep>();

/** Services register the follow-ups they schedule (scheduled_jobs.kind) and their periodic sweeps. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export function registerSweep(name: string, sweep: Sweep): void {
  sweeps.set(name, sweep);
}

export function jobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}

export function allSweeps(): [string, Sweep][] {
  return [...sweeps.entries()];
}
