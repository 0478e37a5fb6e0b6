import { randomBytes } from "node:crypto";
import { migrateDb, openDb, type DbHandle } from "@/db/client";

/** Test support: PGlite always, PostgreSQL too when DATABASE_URL is set. */
export const TEST_DB_KINDS: readonly ("pglite" | "postgres")[] = process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];

export interface TestDb {
  handle: DbHandle;
  cleanup(): Promise<void>;
}

/** A migrated, empty database; on PostgreSQL a fresh database of its own (never the shared one). */
export async function openTestDb(kind: "pglite" | "postgres"): Promise<TestDb> {
  if (kind === "pglite") {
    const handle = await openDb({ url: "", pgliteDir: "memory://" });
    await migrateDb(handle);
    return { handle, cleanup: () => handle.close() };
  }
  const baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) throw new Error("DATABASE_URL is not set");
  const { default: postgres } = await import("postgres");
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  const name = `t_auth_${randomBytes(6).toString("hex")}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = await openDb({ url: url.toString() });
  await migrateDb(handle);
  return {
    handle,
    async cleanup() {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name}`);
      await admin.end();
    },
  };
}
