import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { TZDate } from "@date-fns/tz";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { apiTokens, users, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/dal/audit";
import type { Viewer } from "@/lib/engine/types";
import { AuthzError } from "./errors";
import { isUuid } from "./ids";
import type { IssueTokenData } from "./schemas";

/** Recognisable in logs and secret scanners; 32 random bytes after it. */
export const API_TOKEN_PREFIX = "kzm_";

export function generateApiToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString("base64url");
}

/** Only this digest is stored; the token itself is shown once, when issued. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Token administration is for admins signed in with a password, never for another token. */
function isTokenAdmin(viewer: Viewer): boolean {
  return viewer.kind === "user" && viewer.role === "admin";
}

export interface ApiTokenListItem {
  id: string;
  name: string;
  scopes: string[];
  user: { id: string; displayName: string; email: string; role: Role };
  createdByName: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  /** Decided by the database clock, the one that also decides whether the token still works. */
  status: "active" | "revoked" | "expired";
}

export async function listApiTokens(db: Db, viewer: Viewer): Promise<ApiTokenListItem[]> {
  if (!isTokenAdmin(viewer)) throw new AuthzError("forbidden");
  const creator = alias(users, "creator");
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scopes: apiTokens.scopes,
      userId: users.id,
      userDisplayName: users.displayName,
      userEmail: users.email,
      userRole: users.role,
      createdByName: creator.displayName,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
      lastUsedAt: apiTokens.lastUsedAt,
      status: sql<ApiTokenListItem["status"]>`case when ${apiTokens.revokedAt} is not null then 'revoked' when ${apiTokens.expiresAt} <= now() then 'expired' else 'active' end`,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(creator, eq(creator.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    user: { id: r.userId, displayName: r.userDisplayName, email: r.userEmail, role: r.userRole },
    createdByName: r.createdByName,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    revokedAt: r.revokedAt,
    lastUsedAt: r.lastUsedAt,
    status: r.status,
  }));
}

export interface ServiceAccountOption {
  id: string;
  displayName: string;
  email: string;
  role: Role;
}

/** Staff accounts a token may act as (applicants cannot: the API files on behalf of agencies). */
export async function listServiceAccountCandidates(db: Db, viewer: Viewer): Promise<ServiceAccountOption[]> {
  if (!isTokenAdmin(viewer)) throw new AuthzError("forbidden");
  return db
    .select({ id: users.id, displayName: users.displayName, email: users.email, role: users.role })
    .from(users)
    .where(and(ne(users.role, "applicant"), isNull(users.disabledAt)))
    .orderBy(users.displayName);
}

/** End of the chosen civil day in Kazakhstan, i.e. the start of the next one. */
export function tokenExpiryInstant(expiresOn: string): Date {
  const [y, m, d] = expiresOn.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d + 1, "Asia/Almaty").getTime());
}

export type IssueTokenResult =
  | { ok: true; id: string; token: string }
  | { ok: false; error: "forbidden" }
  | { ok: false; error: "invalid_user" };

export async function issueApiToken(
  db: Db,
  viewer: Viewer,
  input: IssueTokenData,
  meta: { ip?: string | null } = {},
): Promise<IssueTokenResult> {
  if (!isTokenAdmin(viewer) || !viewer.userId) return { ok: false, error: "forbidden" };
  const createdBy = viewer.userId;
  const token = generateApiToken();
  const expiresAt = input.expiresOn ? tokenExpiryInstant(input.expiresOn) : null;
  return db.transaction(async (tx) => {
    const [account] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.userId), ne(users.role, "applicant"), isNull(users.disabledAt)))
      .limit(1);
    if (!account) return { ok: false, error: "invalid_user" } as const;
    const [row] = await tx
      .insert(apiTokens)
      .values({ name: input.name, tokenHash: hashApiToken(token), userId: account.id, scopes: [...input.scopes], createdBy, expiresAt })
      .returning({ id: apiTokens.id });
    if (!row) throw new Error("api token was not created");
    await recordAudit(tx, {
      viewer,
      action: "api_token.issue",
      target: row.id,
      channel: "action",
      ip: meta.ip,
      details: { name: input.name, userId: account.id, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    return { ok: true, id: row.id, token } as const;
  });
}

export type RevokeTokenResult = { ok: true } | { ok: false; error: "forbidden" | "not_found" };

export async function revokeApiToken(
  db: Db,
  viewer: Viewer,
  tokenId: string,
  meta: { ip?: string | null } = {},
): Promise<RevokeTokenResult> {
  if (!isTokenAdmin(viewer)) return { ok: false, error: "forbidden" };
  if (!isUuid(tokenId)) return { ok: false, error: "not_found" };
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (rows.length === 0) return { ok: false, error: "not_found" } as const;
    await recordAudit(tx, { viewer, action: "api_token.revoke", target: tokenId, channel: "action", ip: meta.ip });
    return { ok: true } as const;
  });
}
