import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiTokens, auditLog, authSessions, users } from "@/db/schema";
import { changePassword, setUserDisabled } from "@/lib/auth/accounts";
import { generateApiToken, hashApiToken, issueApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createAuthSession, revokeAllSessionsOfUser, revokeSession, SESSION_IDLE_SECONDS, sessionSecondsLeft, touchSession } from "@/lib/auth/sessions";
import { openTestDb, TEST_DB_KINDS, type TestDb } from "@/lib/auth/test-db";
import type { Viewer } from "@/lib/engine/types";
import { hasScope, loadViewer, loadViewerForToken, requireRole } from "./viewer";

async function makeUser(db: Db, overrides: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await db
    .insert(users)
    .values({
      email: `u${Math.random().toString(36).slice(2)}@example.kz`,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$x",
      displayName: "Test User",
      role: "officer",
      regions: ["ALM"],
      services: ["tr"],
      ...overrides,
    })
    .returning();
  if (!row) throw new Error("no user");
  return row;
}

describe.each(TEST_DB_KINDS)("viewer loading (%s)", (kind) => {
  let testDb: TestDb;
  let db: Db;
  beforeAll(async () => {
    testDb = await openTestDb(kind);
    db = testDb.handle.db;
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  describe("session viewers", () => {
    it("a live session gives the user's role, regions and services", async () => {
      const user = await makeUser(db, { role: "supervisor", regions: ["ALM", "AST"], services: ["tr", "hp"] });
      const sid = await createAuthSession(db, { userId: user.id });
      const viewer = await loadViewer(db, { uid: user.id, sid });
      expect(viewer).toEqual({
        kind: "user",
        userId: user.id,
        role: "supervisor",
        regions: ["ALM", "AST"],
        services: ["tr", "hp"],
        sessionId: sid,
        displayName: "Test User",
        locale: "kk",
      });
    });

    it("the session expires 8 hours after it starts", async () => {
      const user = await makeUser(db);
      const sid = await createAuthSession(db, { userId: user.id });
      const [row] = await db.select().from(authSessions).where(eq(authSessions.id, sid));
      expect((row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3600_000).toBeCloseTo(8, 5);
    });

    it("a revoked session → null", async () => {
      const user = await makeUser(db);
      const sid = await createAuthSession(db, { userId: user.id });
      await revokeSession(db, sid);
      expect(await loadViewer(db, { uid: user.id, sid })).toBeNull();
    });

    it("an expired session → null", async () => {
      const user = await makeUser(db);
      const sid = await createAuthSession(db, { userId: user.id });
      await db.update(authSessions).set({ expiresAt: sql`now() - interval '1 second'` }).where(eq(authSessions.id, sid));
      expect(await loadViewer(db, { uid: user.id, sid })).toBeNull();
    });

    it("a session idle for longer than the idle limit → null; activity before that keeps it", async () => {
      const user = await makeUser(db);
      const sid = await createAuthSession(db, { userId: user.id });
      const idleFor = (seconds: number) =>
        db.update(authSessions).set({ lastSeenAt: sql`now() - make_interval(secs => ${seconds})` }).where(eq(authSessions.id, sid));

      await idleFor(SESSION_IDLE_SECONDS - 30);
      expect(await loadViewer(db, { uid: user.id, sid })).not.toBeNull();
      expect(await sessionSecondsLeft(db, sid)).toBeLessThanOrEqual(30);
      await touchSession(db, sid);
      expect(await sessionSecondsLeft(db, sid)).toBeGreaterThan(SESSION_IDLE_SECONDS - 5);

      await idleFor(SESSION_IDLE_SECONDS + 1);
      expect(await loadViewer(db, { uid: user.id, sid })).toBeNull();
      expect(await sessionSecondsLeft(db, sid)).toBeNull();
      // An ended session cannot be brought back by activity.
      await touchSession(db, sid);
      expect(await loadViewer(db, { uid: user.id, sid })).toBeNull();
    });

    it("seconds left is the earlier of the fixed end and the idle end; touching within a minute writes nothing", async () => {
      const user = await makeUser(db);
      const sid = await createAuthSession(db, { userId: user.id });
      await db.update(authSessions).set({ expiresAt: sql`now() + interval '100 seconds'` }).where(eq(authSessions.id, sid));
      expect(await sessionSecondsLeft(db, sid)).toBeLessThanOrEqual(100);
      expect(await sessionSecondsLeft(db, sid)).toBeGreaterThan(90);

      const [before] = await db.select({ at: authSessions.lastSeenAt }).from(authSessions).where(eq(authSessions.id, sid));
      await touchSession(db, sid);
      const [after] = await db.select({ at: authSessions.lastSeenAt }).from(authSessions).where(eq(authSessions.id, sid));
      expect(after!.at.getTime()).toBe(before!.at.getTime());
    });

    it("a disabled user → null, and disabling revokes every session", async () => {
      const user = await makeUser(db);
      const sid1 = await createAuthSession(db, { userId: user.id });
      const sid2 = await createAuthSession(db, { userId: user.id });
      await setUserDisabled(db, user.id, true);
      expect(await loadViewer(db, { uid: user.id, sid: sid1 })).toBeNull();
      const rows = await db.select().from(authSessions).where(eq(authSessions.userId, user.id));
      expect(rows.map((r) => r.revokedAt)).toEqual([expect.any(Date), expect.any(Date)]);
      // Re-enabling does not bring the old sessions back.
      await setUserDisabled(db, user.id, false);
      expect(await loadViewer(db, { uid: user.id, sid: sid2 })).toBeNull();
      const sid3 = await createAuthSession(db, { userId: user.id });
      expect(await loadViewer(db, { uid: user.id, sid: sid3 })).not.toBeNull();
    });

    it("a user disabled by a direct update (rows not revoked) is still refused", async () => {
      const user = await makeUser(db);
      const sid = await createAuthSession(db, { userId: user.id });
      await db.update(users).set({ disabledAt: sql`now()` }).where(eq(users.id, user.id));
      expect(await loadViewer(db, { uid: user.id, sid })).toBeNull();
    });

    it("a password changed after the session began → null, even without revoking the row", async () => {
      const user = await makeUser(db);
      const sid = await createAuthSession(db, { userId: user.id });
      await db.update(users).set({ passwordChangedAt: sql`now() + interval '1 second'` }).where(eq(users.id, user.id));
      expect(await loadViewer(db, { uid: user.id, sid })).toBeNull();
    });

    it("changePassword ends existing sessions; a session started afterwards works", async () => {
      const user = await makeUser(db);
      const before = await createAuthSession(db, { userId: user.id });
      await changePassword(db, user.id, "a brand new passphrase");
      expect(await loadViewer(db, { uid: user.id, sid: before })).toBeNull();
      const after = await createAuthSession(db, { userId: user.id });
      expect(await loadViewer(db, { uid: user.id, sid: after })).not.toBeNull();
      await expect(changePassword(db, user.id, "short")).rejects.toThrow();
    });

    it("a session of another user, or malformed claims → null", async () => {
      const a = await makeUser(db);
      const b = await makeUser(db);
      const sid = await createAuthSession(db, { userId: a.id });
      expect(await loadViewer(db, { uid: b.id, sid })).toBeNull();
      expect(await loadViewer(db, { uid: "not-a-uuid", sid })).toBeNull();
      expect(await loadViewer(db, { uid: a.id, sid: undefined })).toBeNull();
    });

    it("revokeAllSessionsOfUser revokes only that user's sessions", async () => {
      const a = await makeUser(db);
      const b = await makeUser(db);
      const sa = await createAuthSession(db, { userId: a.id });
      const sb = await createAuthSession(db, { userId: b.id });
      expect(await revokeAllSessionsOfUser(db, a.id)).toBe(1);
      expect(await loadViewer(db, { uid: a.id, sid: sa })).toBeNull();
      expect(await loadViewer(db, { uid: b.id, sid: sb })).not.toBeNull();
    });
  });

  describe("bearer token viewers", () => {
    async function insertToken(userId: string, values: Partial<typeof apiTokens.$inferInsert> = {}) {
      const token = generateApiToken();
      const [row] = await db
        .insert(apiTokens)
        .values({ name: "feed", tokenHash: hashApiToken(token), userId, scopes: ["cases:read"], createdBy: userId, ...values })
        .returning();
      return { token, row: row! };
    }

    it("a token gives its account's role, regions and services, and the token's scopes", async () => {
      const account = await makeUser(db, { role: "clerk", regions: ["AST"], services: ["tr"] });
      const { token, row } = await insertToken(account.id, { scopes: ["applications:create", "applications:read"] });
      const viewer = await loadViewerForToken(db, token);
      expect(viewer).toMatchObject({
        kind: "token",
        userId: account.id,
        role: "clerk",
        regions: ["AST"],
        services: ["tr"],
        scopes: ["applications:create", "applications:read"],
        tokenId: row.id,
      });
      expect(hasScope(viewer!, "applications:create")).toBe(true);
      expect(hasScope(viewer!, "cases:act")).toBe(false);
    });

    it("only the SHA-256 of the token is stored", async () => {
      const account = await makeUser(db);
      const { token, row } = await insertToken(account.id);
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.tokenHash).not.toContain(token);
    });

    it("revoked or expired tokens, unknown tokens and tokens of disabled accounts → null", async () => {
      const account = await makeUser(db);
      const revoked = await insertToken(account.id, { revokedAt: new Date() });
      const expired = await insertToken(account.id, { expiresAt: new Date(Date.now() - 1000) });
      const future = await insertToken(account.id, { expiresAt: new Date(Date.now() + 3600_000) });
      expect(await loadViewerForToken(db, revoked.token)).toBeNull();
      expect(await loadViewerForToken(db, expired.token)).toBeNull();
      expect(await loadViewerForToken(db, future.token)).not.toBeNull();
      expect(await loadViewerForToken(db, generateApiToken())).toBeNull();
      expect(await loadViewerForToken(db, "x".repeat(5000))).toBeNull();

      const other = await makeUser(db);
      const live = await insertToken(other.id);
      await setUserDisabled(db, other.id, true);
      expect(await loadViewerForToken(db, live.token)).toBeNull();
    });

    it("records last use, at most once a minute", async () => {
      const account = await makeUser(db);
      const { token, row } = await insertToken(account.id);
      await loadViewerForToken(db, token);
      const [first] = await db.select().from(apiTokens).where(eq(apiTokens.id, row.id));
      expect(first!.lastUsedAt).toBeInstanceOf(Date);
      await loadViewerForToken(db, token);
      const [second] = await db.select().from(apiTokens).where(eq(apiTokens.id, row.id));
      expect(second!.lastUsedAt).toEqual(first!.lastUsedAt);
      await db.update(apiTokens).set({ lastUsedAt: sql`now() - interval '2 minutes'` }).where(eq(apiTokens.id, row.id));
      await loadViewerForToken(db, token);
      const [third] = await db.select().from(apiTokens).where(eq(apiTokens.id, row.id));
      expect(third!.lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    });
  });

  describe("token administration", () => {
    it("an admin issues a token that works once and is audited; revoking stops it", async () => {
      const admin = await makeUser(db, { role: "admin" });
      const account = await makeUser(db, { role: "clerk" });
      const adminViewer: Viewer = { kind: "user", userId: admin.id, role: "admin", regions: [], services: [], displayName: "A", locale: "kk" };
      const issued = await issueApiToken(db, adminViewer, { name: "Border feed", userId: account.id, scopes: ["applications:create"], expiresOn: "" });
      expect(issued.ok).toBe(true);
      if (!issued.ok) return;
      expect(issued.token).toMatch(/^kzm_[A-Za-z0-9_-]{43}$/);
      expect((await loadViewerForToken(db, issued.token))?.scopes).toEqual(["applications:create"]);
      const audit = await db.select().from(auditLog).where(eq(auditLog.target, issued.id));
      expect(audit.map((a) => a.action)).toEqual(["api_token.issue"]);
      expect(JSON.stringify(audit[0]!.details)).not.toContain(issued.token);

      expect(await revokeApiToken(db, adminViewer, issued.id)).toEqual({ ok: true });
      expect(await loadViewerForToken(db, issued.token)).toBeNull();
      expect(await revokeApiToken(db, adminViewer, issued.id)).toEqual({ ok: false, error: "not_found" });
    });

    it("only a signed-in admin may issue, and never for an applicant account", async () => {
      const admin = await makeUser(db, { role: "admin" });
      const officer = await makeUser(db, { role: "officer" });
      const applicant = await makeUser(db, { role: "applicant" });
      const input = { name: "x", userId: officer.id, scopes: ["cases:read" as const], expiresOn: "" };
      const asOfficer: Viewer = { kind: "user", userId: officer.id, role: "officer", regions: [], services: [], displayName: "O", locale: "kk" };
      const adminToken: Viewer = { kind: "token", userId: admin.id, role: "admin", regions: [], services: [], displayName: "A", locale: "kk", scopes: ["cases:act"] };
      const asAdmin: Viewer = { ...adminToken, kind: "user", scopes: undefined };
      expect(await issueApiToken(db, asOfficer, input)).toEqual({ ok: false, error: "forbidden" });
      expect(await issueApiToken(db, adminToken, input)).toEqual({ ok: false, error: "forbidden" });
      expect(await issueApiToken(db, asAdmin, { ...input, userId: applicant.id })).toEqual({ ok: false, error: "invalid_user" });
    });

    it("an expiry date means the end of that day in Kazakhstan", async () => {
      const admin = await makeUser(db, { role: "admin" });
      const account = await makeUser(db, { role: "clerk" });
      const asAdmin: Viewer = { kind: "user", userId: admin.id, role: "admin", regions: [], services: [], displayName: "A", locale: "kk" };
      const issued = await issueApiToken(db, asAdmin, { name: "x", userId: account.id, scopes: ["cases:read"], expiresOn: "2099-03-31" });
      if (!issued.ok) throw new Error("not issued");
      const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, issued.id));
      expect(row!.expiresAt!.toISOString()).toBe("2099-03-31T19:00:00.000Z");
    });
  });
});

describe("requireRole", () => {
  const officer: Viewer = { kind: "user", userId: "u", role: "officer", regions: [], services: [], displayName: "O", locale: "kk" };
  it("returns the viewer for an allowed role and throws typed errors otherwise", () => {
    expect(requireRole(officer, ["officer", "supervisor"])).toBe(officer);
    expect(() => requireRole(officer, ["admin"])).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => requireRole(null, ["admin"])).toThrow(expect.objectContaining({ code: "unauthenticated" }));
  });
});
