import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { recordAudit } from "@/lib/dal/audit";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "./password";
import { signInSchema } from "./schemas";
import { createAuthSession } from "./sessions";
import type { LoginThrottle } from "./throttle";

export type AuthenticateResult =
  | { ok: true; user: { id: string; displayName: string; role: Role }; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export interface AuthenticateDeps {
  throttle: LoginThrottle;
  /** Injected in tests to count verifications. */
  verify?: (storedHash: string, password: string) => Promise<boolean>;
}

/**
 * Email + password sign-in. The throttle is consulted before any hash is computed; then exactly one
 * verification runs whether or not the account exists, and an unknown email, a wrong password and a
 * disabled account all get the same answer. On success a server-side session row is created.
 */
export async function authenticate(
  db: Db,
  input: { email: unknown; password: unknown; ip: string | null; userAgent: string | null },
  deps: AuthenticateDeps,
): Promise<AuthenticateResult> {
  const parsed = signInSchema.safeParse({ email: input.email, password: input.password });
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;
  // Sign-in normally arrives through the form's server action; the Auth.js HTTP callback shares this path.
  const audit = { viewer: null, target: email, channel: "action" as const, ip: input.ip };

  const gate = await deps.throttle.attempt(email, input.ip);
  if (!gate.ok) {
    await recordAudit(db, { ...audit, action: "auth.sign_in_throttled", details: { retryAfterSeconds: gate.retryAfterSeconds } });
    return { ok: false, reason: "throttled", retryAfterSeconds: gate.retryAfterSeconds };
  }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, displayName: users.displayName, role: users.role, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  const verify = deps.verify ?? verifyPassword;
  const passwordOk = await verify(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !passwordOk || user.disabledAt) {
    await recordAudit(db, { ...audit, action: "auth.sign_in_failed" });
    return { ok: false, reason: "invalid" };
  }

  await deps.throttle.reset(email, input.ip);
  const sessionId = await createAuthSession(db, { userId: user.id, ip: input.ip, userAgent: input.userAgent });
  await recordAudit(db, {
    viewer: { kind: "user", userId: user.id, role: user.role },
    action: "auth.sign_in",
    target: email,
    channel: "action",
    ip: input.ip,
    details: { sessionId },
  });
  return { ok: true, user: { id: user.id, displayName: user.displayName, role: user.role }, sessionId };
}
