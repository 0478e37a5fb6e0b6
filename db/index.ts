import "server-only";
import { sharedDbHandle, type Db, type DbHandle } from "./client";

export function getDbHandle(): Promise<DbHandle> {
  return sharedDbHandle();
}

export async function getDb(): Promise<Db> {
  return (await sharedDbHandle()).db;
}
