import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { migrateDb, openDb, type DbHandle } from "@/db/client";
import { seedReference } from "@/db/seed/reference";

export interface TestDatabase extends DbHandle {
  label: string;
}

/**
 * The engine integration tests run on: PostgreSQL when DATABASE_URL is set, PGlite otherwise. CI runs
 * the suite once in each mode, so each engine is covered once rather than PGlite twice.
 */
export const TEST_ENGINES: ("pglite" | "postgres")[] = process.env.DATABASE_URL ? ["postgres"] : ["pglite"];

/** A fresh, migrated database with reference data; on PostgreSQL a new database on the same server. */
export async function createTestDatabase(engine: "pglite" | "postgres"): Promise<TestDatabase> {
  if (engine === "pglite") {
    const handle = await openDb({ url: "", pgliteDir: "memory://" });
    await migrateDb(handle);
    await seedReference(handle.db);
    return { ...handle, label: "pglite" };
  }
  const base = new URL(process.env.DATABASE_URL!);
  const name = `test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(base.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  await migrateDb(handle);
  await seedReference(handle.db);
  return {
    ...handle,
    label: "postgres",
    close: async () => {
      await handle.close();
      const cleanup = postgres(base.toString(), { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
