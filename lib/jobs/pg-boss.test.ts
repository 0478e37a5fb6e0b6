import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { scheduledJobs } from "@/db/schema";
import { SMS_OUTBOX_ONLY, OUTBOX_ONLY } from "@/lib/notify/transport";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import { startPgBossDriver, QUEUES, type PgBossDriver } from "./pg-boss";
import { registerJobHandler } from "./registry";
import { MAX_JOB_ATTEMPTS } from "./runner";

/** The PostgreSQL driver: only meaningful (and only run) against a real server. */
describe.runIf(!!process.env.DATABASE_URL)("jobs through pg-boss on postgres", () => {
  let t: TestDatabase;
  let serverA: PgBossDriver;
  let serverB: PgBossDriver;
  const calls = new Map<string, number>();
  const count = (id: string) => calls.set(id, (calls.get(id) ?? 0) + 1);

  registerJobHandler("test_counts_calls", async (_db, job) => {
    count(job.id);
  });
  registerJobHandler("test_always_fails", async (_db, job) => {
    count(job.id);
    throw new Error("the registry is unreachable");
  });

  beforeAll(async () => {
    t = await createTestDatabase("postgres");
    const options = { connectionString: t.url!, schedule: false, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5, transports: { mail: OUTBOX_ONLY, sms: SMS_OUTBOX_ONLY } };
    // Two servers sharing the database, each with its workers.
    serverA = await startPgBossDriver(t.db, options);
    serverB = await startPgBossDriver(t.db, options);
  }, 60_000);
  afterAll(async () => {
    await serverA?.stop();
    await serverB?.stop();
    await t?.close();
  });

  const schedule = async (kind: string) => {
    const [job] = await t.db.insert(scheduledJobs).values({ kind, caseId: null, runAt: new Date(Date.now() - 1000) }).returning();
    return job!;
  };
  const row = async (id: string) => (await t.db.select().from(scheduledJobs).where(eq(scheduledJobs.id, id)))[0]!;
  async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error("timed out");
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it("a follow-up sent through pg-boss runs its handler once, though two servers dispatch it at once", async () => {
    const job = await schedule("test_counts_calls");
    const queued = await Promise.all([serverA.dispatch(), serverB.dispatch(), serverA.dispatch()]);
    expect(queued.reduce((a, b) => a + b, 0)).toBe(1);
    await until(async () => (await row(job.id)).doneAt !== null, 20_000);
    // Give a duplicate every chance to show up.
    await new Promise((r) => setTimeout(r, 1500));
    expect(calls.get(job.id)).toBe(1);
    expect(await row(job.id)).toMatchObject({ attempts: 1, lastError: null });
    expect(await serverA.dispatch()).toBe(0);
  }, 40_000);

  it("a failing follow-up is retried by the queue, recorded on each attempt, and dead-lettered after the last", async () => {
    const job = await schedule("test_always_fails");
    await serverA.dispatch();
    await until(async () => (await row(job.id)).attempts >= MAX_JOB_ATTEMPTS, 60_000);
    await until(async () => {
      const r = await serverA.boss.getDb().executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'jobId' = $2`, [QUEUES.dead, job.id]);
      return r.rows[0].n === 1;
    }, 10_000);
    expect(calls.get(job.id)).toBe(MAX_JOB_ATTEMPTS);
    expect(await row(job.id)).toMatchObject({ attempts: MAX_JOB_ATTEMPTS, doneAt: null, lastError: "the registry is unreachable" });
    // Nothing dispatches it again: it waits for a person.
    expect(await serverA.dispatch()).toBe(0);
  }, 90_000);
});
