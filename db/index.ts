import "server-only";
import { openDb, type Db, type DbHandle } from "./client";

// Survives dev hot reload and is opened on first use, never at import time (PGlite is single-process).
const globalForDb = globalThis as unknown as { dbHandle?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  globalForDb.dbHandle ??= openDb();
  return globalForDb.dbHandle;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}
