import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db";
import { regions } from "@/db/schema";
import { json } from "@/lib/api/http";
import type { HealthView } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

/** A health check that fails instead of hanging when the database does not answer. */
const DB_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Liveness and database reachability for load balancers and monitoring. No sign-in, no details of failures. */
export async function GET(): Promise<Response> {
  let kind: HealthView["db"] = null;
  try {
    await withTimeout(
      (async () => {
        const handle = await getDbHandle();
        kind = handle.kind;
        await handle.db.select({ one: sql<number>`1` }).from(regions).limit(1);
      })(),
      DB_TIMEOUT_MS,
    );
  } catch (error) {
    console.error("health check: database unreachable", error);
    const body: HealthView = { status: "unavailable", db: kind, time: new Date().toISOString() };
    return json(body, 503);
  }
  const body: HealthView = { status: "ok", db: kind, time: new Date().toISOString() };
  return json(body);
}
