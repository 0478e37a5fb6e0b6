import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { Auth, raw, skipCSRFCheck } from "@auth/core";
import NextAuth, { AuthError } from "next-auth";
import { NextRequest } from "next/server";
import type { Db } from "@/db/client";
import { authSessions, users } from "@/db/schema";
import { loadViewer } from "@/lib/dal/viewer";
import { createAuthConfig, SignInThrottled } from "./config";
import { hashPassword } from "./password";
import { openTestDb, type TestDb } from "./test-db";
import { createLoginThrottle } from "./throttle";

const PASSWORD = "correct horse battery staple";

/** The Auth.js HTTP flow end to end (CSRF → credentials callback → session → sign-out) on PGlite. */
describe("Auth.js configuration", () => {
  let testDb: TestDb;
  let db: Db;
  let handlers: ReturnType<typeof NextAuth>["handlers"];
  let userId: string;

  beforeAll(async () => {
    process.env.AUTH_SECRET = "test-secret-with-enough-entropy-0123456789";
    testDb = await openTestDb("pglite");
    db = testDb.handle.db;
    const [user] = await db
      .insert(users)
      .values({ email: "officer@example.kz", passwordHash: await hashPassword(PASSWORD), displayName: "Officer", role: "officer" })
      .returning();
    userId = user!.id;
    handlers = NextAuth(createAuthConfig({ getDb: async () => db, throttle: createLoginThrottle() })).handlers;
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  function cookieHeader(setCookies: string[]): string {
    return setCookies.map((c) => c.split(";")[0]).join("; ");
  }

  async function signIn(origin: string, password: string) {
    const csrf = await handlers.GET(new NextRequest(`${origin}/api/auth/csrf`));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const csrfCookies = csrf.headers.getSetCookie();
    const response = await handlers.POST(
      new NextRequest(`${origin}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrfCookies) },
        body: new URLSearchParams({ email: "officer@example.kz", password, csrfToken, callbackUrl: `${origin}/kk/staff` }),
      }),
    );
    return { response, csrfToken, cookies: [...csrfCookies, ...response.headers.getSetCookie()] };
  }

  it("over plain http (next start on localhost): HttpOnly, SameSite=Lax, not Secure; the session names a live auth_sessions row", async () => {
    const { response, cookies } = await signIn("http://localhost:3000", PASSWORD);
    expect(response.status).toBe(302);
    const session = cookies.find((c) => c.startsWith("authjs.session-token="));
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);

    const sessionResponse = await handlers.GET(
      new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: cookieHeader(cookies) } }),
    );
    const body = (await sessionResponse.json()) as { uid?: string; sid?: string; expires?: string };
    expect(body.uid).toBe(userId);
    expect(body.sid).toMatch(/^[0-9a-f-]{36}$/);
    const hours = (new Date(body.expires!).getTime() - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(7.9);
    expect(hours).toBeLessThanOrEqual(8);
    expect(await loadViewer(db, { uid: body.uid, sid: body.sid })).toMatchObject({ kind: "user", role: "officer", sessionId: body.sid });
  });

  it("over https: __Secure- cookie with the Secure flag", async () => {
    const { cookies } = await signIn("https://migration.example.kz", PASSWORD);
    const session = cookies.find((c) => c.startsWith("__Secure-authjs.session-token="));
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
  });

  it("a wrong password sets no session cookie and sends the browser back to sign-in", async () => {
    const { response, cookies } = await signIn("http://localhost:3000", "not the password");
    expect(cookies.some((c) => c.includes("session-token=") && !c.includes("session-token=;"))).toBe(false);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/kk/sign-in");
    expect(location.searchParams.get("error")).toBe("CredentialsSignin");
  });

  it("signing out revokes the server-side session row", async () => {
    const { cookies, csrfToken } = await signIn("http://localhost:3000", PASSWORD);
    const sessionBody = (await (
      await handlers.GET(new NextRequest("http://localhost:3000/api/auth/session", { headers: { cookie: cookieHeader(cookies) } }))
    ).json()) as { sid: string };
    await handlers.POST(
      new NextRequest("http://localhost:3000/api/auth/signout", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(cookies) },
        body: new URLSearchParams({ csrfToken, callbackUrl: "http://localhost:3000/kk" }),
      }),
    );
    const [row] = await db.select().from(authSessions).where(eq(authSessions.id, sessionBody.sid));
    expect(row!.revokedAt).toBeInstanceOf(Date);
    expect(await loadViewer(db, { uid: userId, sid: sessionBody.sid })).toBeNull();
  });

  it("a throttled attempt reaches a server-side caller as SignInThrottled with the wait (what the sign-in action shows)", async () => {
    // The same call next-auth's signIn() makes from a server action.
    const config = createAuthConfig({ getDb: async () => db, throttle: createLoginThrottle({ account: { points: 1, durationSeconds: 600 } }) });
    const attempt = () =>
      Auth(
        new Request("http://localhost:3000/api/auth/callback/credentials", {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ email: "officer@example.kz", password: "wrong", callbackUrl: "/kk" }),
        }),
        { ...config, basePath: "/api/auth", raw, skipCSRFCheck },
      );
    await expect(attempt()).rejects.toBeInstanceOf(AuthError);
    const error = await attempt().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInThrottled);
    expect((error as SignInThrottled).retryAfterSeconds).toBeGreaterThan(590);
  });

  it("refuses to start without AUTH_SECRET", () => {
    const saved = process.env.AUTH_SECRET;
    delete process.env.AUTH_SECRET;
    try {
      expect(() => createAuthConfig({ getDb: async () => db, throttle: createLoginThrottle() })).toThrow(/AUTH_SECRET/);
    } finally {
      process.env.AUTH_SECRET = saved;
    }
  });
});
