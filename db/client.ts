import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: every query function takes one as its first argument. */
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export const DEFAULT_PGLITE_DIR = ".data/pglite";

/**
 * PGlite (embedded) when DATABASE_URL is unset, postgres.js otherwise.
 * Drivers are imported lazily so that neither is loaded where it is not used.
 */
export async function openDb(options: { url?: string; pgliteDir?: string } = {}): Promise<DbHandle> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
      connection: { TimeZone: "UTC" },
    });
    return { db: drizzle(client, { schema }) as unknown as Db, kind: "postgres", close: () => client.end() };
  }
  const dir = options.pgliteDir ?? process.env.PGLITE_DIR ?? DEFAULT_PGLITE_DIR;
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (!dir.startsWith("memory://")) {
    const { mkdirSync } = await import("node:fs");
    mkdirSync(dir, { recursive: true });
  }
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  return { db: drizzle(client, { schema }) as unknown as Db, kind: "pglite", close: () => client.close() };
}

export async function migrateDb(handle: DbHandle): Promise<void> {
  const migrationsFolder = "db/migrations";
  if (handle.kind === "postgres") {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}

// One handle per process, surviving dev hot reload, opened on first use (never at import time:
// PGlite may be opened by one process only, and build steps import this module).
const globalForDb = globalThis as unknown as { sharedDbHandle?: Promise<DbHandle> };

export function sharedDbHandle(): Promise<DbHandle> {
  globalForDb.sharedDbHandle ??= openDb();
  return globalForDb.sharedDbHandle;
}
