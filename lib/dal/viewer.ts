import "server-only";
import { cache } from "react";
import { and, eq, gt, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import type { DbOrTx } from "@/db/client";
import { apiTokens, authSessions, users, type Role } from "@/db/schema";
import { hashApiToken } from "@/lib/auth/api-tokens";
import { AuthzError } from "@/lib/auth/errors";
import { isUuid } from "@/lib/auth/ids";
import type { Viewer } from "@/lib/engine/types";
import { withBreakGlass } from "@/lib/engine/break-glass";

export { AuthzError } from "@/lib/auth/errors";
import { sessionIsLive, sessionSecondsLeft, touchSession } from "@/lib/auth/sessions";

export { revokeSession, revokeAllSessionsOfUser } from "@/lib/auth/sessions";
export { changePassword, setUserDisabled } from "@/lib/auth/accounts";

const viewerColumns = {
  userId: users.id,
  role: users.role,
  regions: users.regions,
  services: users.services,
  displayName: users.displayName,
  locale: users.locale,
};

/**
 * The signed-in user behind a session cookie's { uid, sid }, or null when the session row is
 * missing, revoked or expired, the account is disabled, or the password changed after the session
 * began. All time checks use the database clock.
 */
export async function loadViewer(db: DbOrTx, claims: { uid: unknown; sid: unknown }): Promise<Viewer | null> {
  if (!isUuid(claims.uid) || !isUuid(claims.sid)) return null;
  const [row] = await db
    .select({ ...viewerColumns, sessionId: authSessions.id })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.id, claims.sid),
        eq(authSessions.userId, claims.uid),
        isNull(authSessions.revokedAt),
        sessionIsLive(),
        isNull(users.disabledAt),
        lte(users.passwordChangedAt, authSessions.createdAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  const viewer: Viewer = {
    kind: "user",
    userId: row.userId,
    role: row.role,
    regions: row.regions,
    services: row.services,
    sessionId: row.sessionId,
    displayName: row.displayName,
    locale: row.locale,
  };
  // Break-glass grants live as long as they say; loading them per request makes expiry exact.
  return withBreakGlass(db, viewer);
}

// A token is 4 + 43 characters; anything much longer is not one of ours and is not worth hashing.
const MAX_TOKEN_LENGTH = 200;

/**
 * The service account behind a bearer token, with the token's scopes; null when the token is
 * unknown, revoked or expired, or its account is disabled. Records last use at most once a minute.
 */
export async function loadViewerForToken(db: DbOrTx, token: string): Promise<Viewer | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const [row] = await db
    .select({ ...viewerColumns, tokenId: apiTokens.id, scopes: apiTokens.scopes })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, hashApiToken(token)),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        isNull(users.disabledAt),
      ),
    )
    .limit(1);
  if (!row) return null;
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, row.tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
  return {
    kind: "token",
    userId: row.userId,
    role: row.role,
    regions: row.regions,
    services: row.services,
    scopes: row.scopes,
    tokenId: row.tokenId,
    displayName: row.displayName,
    locale: row.locale,
  };
}

/**
 * Seconds until the signed-in user's session ends if they do nothing; `extend` counts the call as
 * activity ("stay signed in"). Null when nobody is signed in or the session is over.
 */
export async function currentSessionSecondsLeft(options: { extend: boolean }): Promise<number | null> {
  const { auth } = await import("@/lib/auth");
  const session = await auth();
  if (!session) return null;
  const db = await getDb();
  const viewer = await loadViewer(db, { uid: session.uid, sid: session.sid });
  if (!viewer?.sessionId) return null;
  if (options.extend) await touchSession(db, viewer.sessionId);
  return sessionSecondsLeft(db, viewer.sessionId);
}

async function viewerFromSessionCookie(): Promise<Viewer | null> {
  // Loaded on use so that the database part of this module is testable without Next.js around it.
  const { auth } = await import("@/lib/auth");
  const session = await auth();
  if (!session) return null;
  const db = await getDb();
  const viewer = await loadViewer(db, { uid: session.uid, sid: session.sid });
  // Using a page or action is activity; the session-status endpoint reads without this.
  if (viewer?.sessionId) await touchSession(db, viewer.sessionId);
  return viewer;
}

/**
 * The viewer of the current page or server action: the session cookie, checked against the
 * database on every request (once per request thanks to React's cache).
 *
 * Bearer tokens are deliberately not accepted here: pages and server actions check roles, not token
 * scopes, so a token must only ever reach the /api/v1 handlers (see getViewerForRequest).
 */
export const getViewer = cache(viewerFromSessionCookie);

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * For route handlers: an `Authorization: Bearer <token>` header decides alone (an invalid token is
 * null, never a fallback to the cookie); without one, the session cookie as for pages.
 */
export async function getViewerForRequest(request: Request): Promise<Viewer | null> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const token = BEARER.exec(authorization)?.[1];
    return token ? loadViewerForToken(await getDb(), token) : null;
  }
  return getViewer();
}

/** For pages and actions that need someone signed in; throws AuthzError("unauthenticated"). */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AuthzError("unauthenticated");
  return viewer;
}

export function hasRole(viewer: Viewer | null, roles: readonly Role[]): viewer is Viewer {
  return viewer !== null && viewer.kind !== "system" && (roles as readonly string[]).includes(viewer.role);
}

/** Returns the viewer when it holds one of the roles; otherwise throws AuthzError. */
export function requireRole(viewer: Viewer | null, roles: readonly Role[]): Viewer {
  if (!viewer) throw new AuthzError("unauthenticated");
  if (!hasRole(viewer, roles)) throw new AuthzError("forbidden");
  return viewer;
}

/** Token viewers are limited to their scopes; signed-in users are limited by role alone. */
export function hasScope(viewer: Viewer, scope: string): boolean {
  return viewer.kind !== "token" || (viewer.scopes ?? []).includes(scope);
}
