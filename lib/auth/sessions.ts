import "server-only";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { authSessions } from "@/db/schema";

/** One lifetime for every role: a session ends 8 hours after sign-in, however active it is. */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** A session nobody used for this long ends too; the pages warn before it does. */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** Requests within a minute of the last recorded one do not write again. */
const TOUCH_EVERY_SECONDS = 60;

/**
 * Seconds until the session ends if nothing else happens: the earlier of its fixed end and the idle
 * end, on the database clock. Null when the session is over or unknown.
 */
export async function sessionSecondsLeft(db: DbOrTx, sessionId: string): Promise<number | null> {
  const [row] = await db
    .select({
      seconds: sql<number>`floor(extract(epoch from least(${authSessions.expiresAt}, ${authSessions.lastSeenAt} + make_interval(secs => ${SESSION_IDLE_SECONDS})) - now()))::int`.mapWith(Number),
    })
    .from(authSessions)
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt), sessionIsLive()));
  return row ? Math.max(0, row.seconds) : null;
}

/** The SQL condition of a session that has neither reached its fixed end nor been idle too long. */
export function sessionIsLive() {
  return and(
    gt(authSessions.expiresAt, sql`now()`),
    gt(authSessions.lastSeenAt, sql`now() - make_interval(secs => ${SESSION_IDLE_SECONDS})`),
  );
}

/** Records activity on a live session (at most once a minute), which moves its idle end. */
export async function touchSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db
    .update(authSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt), sessionIsLive(), lt(authSessions.lastSeenAt, sql`now() - make_interval(secs => ${TOUCH_EVERY_SECONDS})`)));
}

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
