import { openDb } from "@/db/client";
import "@/lib/services";
import { startPgBossDriver } from "./pg-boss";
import { runDueJobs } from "./runner";

/**
 * `npm run jobs:run`: runs the due jobs once and exits. On PostgreSQL through the pg-boss queues
 * (so a server's workers and this run never do the same job twice); on PGlite in this process.
 */
const handle = await openDb();
try {
  if (handle.kind === "postgres") {
    const driver = await startPgBossDriver(handle.db, { connectionString: process.env.DATABASE_URL!, schedule: false });
    try {
      const { failed } = await driver.runOnce();
      for (const f of failed) console.error(`Failed: ${f}`);
      console.log(`Jobs: the queues are idle; ${failed.length} failed.`);
      if (failed.length) process.exitCode = 1;
    } finally {
      await driver.stop();
    }
  } else {
    const result = await runDueJobs(handle.db);
    console.log(`Jobs: ${result.ran} ran, ${result.failed} failed.`);
  }
} finally {
  await handle.close();
}
