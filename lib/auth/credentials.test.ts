import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditLog, authSessions, users } from "@/db/schema";
import { registerApplicant } from "./accounts";
import { authenticate } from "./credentials";
import { hashPassword, verifyPassword } from "./password";
import { openTestDb, TEST_DB_KINDS, type TestDb } from "./test-db";
import { createLoginThrottle } from "./throttle";

const PASSWORD = "correct horse battery staple";

describe.each(TEST_DB_KINDS)("authenticate (%s)", (kind) => {
  let testDb: TestDb;
  let db: Db;
  let hash: string;
  beforeAll(async () => {
    testDb = await openTestDb(kind);
    db = testDb.handle.db;
    hash = await hashPassword(PASSWORD);
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  async function makeUser(email: string, extra: Partial<typeof users.$inferInsert> = {}) {
    const [row] = await db.insert(users).values({ email, passwordHash: hash, displayName: "U", role: "officer", ...extra }).returning();
    return row!;
  }

  function countingVerify() {
    const calls: string[] = [];
    return {
      calls,
      verify: async (storedHash: string, password: string) => {
        calls.push(storedHash);
        return verifyPassword(storedHash, password);
      },
    };
  }

  const meta = { ip: "203.0.113.5", userAgent: "test" };

  it("the right password creates a session row and audits the sign-in", async () => {
    const user = await makeUser("ok@example.kz");
    const result = await authenticate(db, { email: " OK@example.kz ", password: PASSWORD, ...meta }, { throttle: createLoginThrottle() });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "officer" } });
    if (!result.ok) return;
    const [session] = await db.select().from(authSessions).where(eq(authSessions.id, result.sessionId));
    expect(session).toMatchObject({ userId: user.id, ip: "203.0.113.5", userAgent: "test", revokedAt: null });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.actorId, user.id), eq(auditLog.action, "auth.sign_in")));
    expect(audit).toHaveLength(1);
  });

  it("an unknown email and a wrong password get the same answer after exactly one verification each", async () => {
    await makeUser("known@example.kz");
    const unknown = countingVerify();
    const wrong = countingVerify();
    const throttle = createLoginThrottle();
    const a = await authenticate(db, { email: "nobody@example.kz", password: PASSWORD, ...meta }, { throttle, verify: unknown.verify });
    const b = await authenticate(db, { email: "known@example.kz", password: "wrong password!!", ...meta }, { throttle, verify: wrong.verify });
    expect(a).toEqual({ ok: false, reason: "invalid" });
    expect(b).toEqual(a);
    expect(unknown.calls).toHaveLength(1);
    expect(wrong.calls).toHaveLength(1);
    const failures = await db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_failed"));
    expect(failures.map((f) => f.target).sort()).toEqual(["known@example.kz", "nobody@example.kz"]);
    expect(JSON.stringify(failures)).not.toContain("wrong password");
  });

  it("a disabled account answers like a wrong password", async () => {
    await makeUser("disabled@example.kz", { disabledAt: new Date() });
    const result = await authenticate(db, { email: "disabled@example.kz", password: PASSWORD, ...meta }, { throttle: createLoginThrottle() });
    expect(result).toEqual({ ok: false, reason: "invalid" });
  });

  it("the 6th attempt on an account is refused before any hash is computed; success afterwards needs the window to pass", async () => {
    await makeUser("victim@example.kz");
    const throttle = createLoginThrottle();
    const counter = countingVerify();
    for (let i = 0; i < 5; i++) {
      await authenticate(db, { email: "victim@example.kz", password: `guess number ${i}!`, ...meta }, { throttle, verify: counter.verify });
    }
    expect(counter.calls).toHaveLength(5);
    const sixth = await authenticate(db, { email: "victim@example.kz", password: PASSWORD, ...meta }, { throttle, verify: counter.verify });
    expect(sixth).toMatchObject({ ok: false, reason: "throttled" });
    if (sixth.ok || sixth.reason !== "throttled") return;
    expect(sixth.retryAfterSeconds).toBeGreaterThan(800);
    expect(counter.calls).toHaveLength(5);
    const throttled = await db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in_throttled"));
    expect(throttled).toHaveLength(1);
  });

  it("a successful sign-in resets the account's counter", async () => {
    await makeUser("forgetful@example.kz");
    const throttle = createLoginThrottle();
    for (let i = 0; i < 4; i++) await authenticate(db, { email: "forgetful@example.kz", password: "nope nope nope", ...meta }, { throttle });
    expect((await authenticate(db, { email: "forgetful@example.kz", password: PASSWORD, ...meta }, { throttle })).ok).toBe(true);
    for (let i = 0; i < 4; i++) await authenticate(db, { email: "forgetful@example.kz", password: "nope nope nope", ...meta }, { throttle });
    expect((await authenticate(db, { email: "forgetful@example.kz", password: PASSWORD, ...meta }, { throttle })).ok).toBe(true);
  });

  it("malformed input is refused without counting against the throttle", async () => {
    const throttle = createLoginThrottle({ account: { points: 1, durationSeconds: 60 } });
    expect(await authenticate(db, { email: 42, password: undefined, ...meta }, { throttle })).toEqual({ ok: false, reason: "invalid" });
    expect(await throttle.attempt("x@example.kz", null)).toEqual({ ok: true });
  });

  it("self-registration creates an applicant with a normalised email; the address can be used once", async () => {
    const first = await registerApplicant(db, { displayName: " Aigerim ", email: " New@Example.KZ", password: PASSWORD, locale: "ru" });
    expect(first.ok).toBe(true);
    const [row] = await db.select().from(users).where(eq(users.email, "new@example.kz"));
    expect(row).toMatchObject({ role: "applicant", displayName: "Aigerim", locale: "ru", regions: [], services: [] });
    expect(await verifyPassword(row!.passwordHash, PASSWORD)).toBe(true);
    expect(await registerApplicant(db, { displayName: "Other", email: "new@example.kz", password: PASSWORD, locale: "kk" })).toEqual({
      ok: false,
      reason: "email_taken",
    });
    await expect(registerApplicant(db, { displayName: "X", email: "short@example.kz", password: "too short", locale: "kk" })).rejects.toThrow();
  });
});
