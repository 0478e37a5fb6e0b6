import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authSessions } from "@/db/schema";

/** One lifetime for every role: a session ends 8 hours after sign-in, however active it is. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Times come from the database clock, the same clock that checks them (see loadViewer). */
export async function createAuthSession(
  db: DbOrTx,
  input: { userId: string; ip?: string | null; userAgent?: string | null },
): Promise<string> {
  const [row] = await db
    .insert(authSessions)
    .values({
      userId: input.userId,
      expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})`,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
    })
    .returning({ id: authSessions.id });
  if (!row) throw new Error("auth session was not created");
  return row.id;
}

export async function revokeSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

export async function revokeAllSessionsOfUser(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return rows.length;
}
