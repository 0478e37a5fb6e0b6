import { openDb } from "@/db/client";
import { BulkSeedError, seedBulk } from "./load";

/**
 * npm run seed:bulk -- --cases 1000000 [--seed 1]
 * Fills an empty database (DATABASE_URL, PostgreSQL) with generated cases for measuring queries at scale.
 */
function arg(name: string, fallback: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0 && args[i + 1]) return args[i + 1]!;
  const inline = args.find((a) => a.startsWith(`--${name}=`));
  return inline ? inline.slice(name.length + 3) : fallback;
}

const cases = Number(arg("cases", "10000").replace(/_/g, ""));
const seed = Number(arg("seed", "1"));
const handle = await openDb();
const started = performance.now();
try {
  console.log(`Bulk seed: ${cases} cases into ${handle.kind === "postgres" ? "PostgreSQL" : "the embedded database"}`);
  const result = await seedBulk(handle, { cases, seed, log: (line) => console.log(line) });
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s: ${result.cases} cases, ${result.people} people, ${result.parties} parties, ${result.events} events`);
} catch (error) {
  if (error instanceof BulkSeedError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
} finally {
  await handle.close();
}
