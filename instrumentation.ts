/**
 * Background jobs run inside the server process: with the embedded database no other process may
 * open it. Every hour the due follow-ups run; the daily sweep guards itself against running twice.
 * Messages in the outbox are delivered every minute.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS_DISABLED === "1") return;
  const { sharedDbHandle } = await import("@/db/client");
  await import("@/lib/services");
  const { runDueJobs } = await import("@/lib/jobs/runner");
  const { deliverNotifications } = await import("@/lib/notify/deliver");
  const { mailTransportFromEnv } = await import("@/lib/notify/transport");
  const transport = mailTransportFromEnv();
  const tick = async () => {
    try {
      await runDueJobs((await sharedDbHandle()).db);
    } catch (e) {
      console.error("Background jobs failed", e);
    }
  };
  const deliver = async () => {
    try {
      await deliverNotifications((await sharedDbHandle()).db, transport);
    } catch (e) {
      console.error("Notification delivery failed", e);
    }
  };
  setTimeout(tick, 10_000).unref();
  setInterval(tick, 60 * 60 * 1000).unref();
  setInterval(deliver, 60 * 1000).unref();
}
