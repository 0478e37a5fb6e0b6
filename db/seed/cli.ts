import { sql } from "drizzle-orm";
import { migrateDb, openDb } from "@/db/client";
import { cases } from "@/db/schema";
import "@/lib/services";
import { backfillSearchColumns } from "@/lib/engine/search-keys";
import { seedDemoCases } from "./demo-cases";
import { seedDemoHouseholdPermits } from "./demo-household-permits";
import { seedDemoKandas } from "./demo-kandas";
import { seedReference } from "./reference";
import { seedRefugeeDemo } from "./refugees";
import { DEMO_PASSWORD, DEMO_USERS, seedUsers } from "./users";

/**
 * npm run db:seed -- --demo   reference data, demo accounts and about 200 cases (skipped if cases exist)
 * npm run db:seed -- --e2e    the same accounts and a small deterministic set of cases
 * Reference data alone when neither flag is given.
 */
const args = new Set(process.argv.slice(2));
const mode = args.has("--e2e") ? "e2e" : args.has("--demo") ? "demo" : "reference";

const handle = await openDb();
try {
  await migrateDb(handle);
  const backfilled = await backfillSearchColumns(handle.db);
  if (backfilled) console.log(`Search columns filled for ${backfilled} existing cases.`);
  const counts = await seedReference(handle.db);
  console.log(`Reference data: ${JSON.stringify(counts)}`);
  if (mode !== "reference") {
    const accounts = await seedUsers(handle.db);
    const [{ n }] = (await handle.db.select({ n: sql<number>`count(*)::int` }).from(cases)) as [{ n: number }];
    if (n > 0) {
      console.log(`Cases already present (${n}); demo cases not added again.`);
    } else {
      // Before the other cases: their seeding runs the daily jobs, which must find the refugees.
      console.log(`Refugees: ${JSON.stringify(await seedRefugeeDemo(handle.db, accounts, mode === "e2e" ? { families: 12, seed: 11 } : { families: 90, seed: 2027 }))}`);
      const started = Date.now();
      const made = await seedDemoCases(handle.db, accounts, mode === "e2e" ? { count: 40, days: 40, seed: 7 } : { count: 200, days: 90, seed: 2026 });
      console.log(`Demo cases: ${made} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const permits = await seedDemoHouseholdPermits(handle.db, accounts, mode === "e2e" ? { count: 8, days: 30, seed: 11, fullEmployers: false } : { count: 300, days: 90, seed: 2014, fullEmployers: true });
      console.log(`Household permits: ${permits}`);
    }
    console.log(`Kandas demo: ${await seedDemoKandas(handle.db, accounts)} applications`);
    console.log("\nDemo accounts (password for all: " + DEMO_PASSWORD + ")");
    for (const u of DEMO_USERS) console.log(`  ${u.role.padEnd(10)} ${u.email.padEnd(34)} ${u.regions.join(", ")}`);
  }
} finally {
  await handle.close();
}
