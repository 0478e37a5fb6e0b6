import { openDb } from "@/db/client";
import "@/lib/services";
import { runDueJobs } from "./runner";

const handle = await openDb();
try {
  const result = await runDueJobs(handle.db);
  console.log(`Jobs: ${result.ran} ran, ${result.failed} failed.`);
} finally {
  await handle.close();
}
