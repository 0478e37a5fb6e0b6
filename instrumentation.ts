/**
 * Background jobs run inside the server process. On PostgreSQL they go through pg-boss queues
 * (lib/jobs/pg-boss.ts): follow-ups are dispatched and the outbox delivered every minute, the daily
 * sweeps hourly, each tick once across all servers. With the embedded database no other process
 * may open it, so the same job code runs here on timers: the outbox every minute, the rest hourly.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_DISABLED === "1") return;
  const { sharedDbHandle } = await import("@/db/client");
  await import("@/lib/services");
  const handle = await sharedDbHandle();

  if (handle.kind === "postgres" && process.env.DATABASE_URL) {
    const { startPgBossDriver } = await import("@/lib/jobs/pg-boss");
    try {
      const driver = await startPgBossDriver(handle.db, { connectionString: process.env.DATABASE_URL });
      process.once("SIGTERM", () => void driver.stop());
    } catch (e) {
      console.error("The job queue could not start", e);
    }
    return;
  }

  const { runDueJobs } = await import("@/lib/jobs/runner");
  const { deliverNotifications } = await import("@/lib/notify/deliver");
  const { transportsFromEnv } = await import("@/lib/notify/transport");
  const transports = transportsFromEnv();
  const tick = async () => {
    try {
      await runDueJobs(handle.db, new Date(), transports);
    } catch (e) {
      console.error("Background jobs failed", e);
    }
  };
  const deliver = async () => {
    try {
      await deliverNotifications(handle.db, transports);
    } catch (e) {
      console.error("Notification delivery failed", e);
    }
  };
  setTimeout(tick, 10_000).unref();
  setInterval(tick, 60 * 60 * 1000).unref();
  setInterval(deliver, 60 * 1000).unref();
}
