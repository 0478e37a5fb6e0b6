import "server-only";
import type { NextAuthConfig } from "next-auth";
import { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Db } from "@/db/client";
import { routing } from "@/lib/i18n/routing";
import { clientIp } from "./client-ip";
import { authenticate } from "./credentials";
import { isUuid } from "./ids";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import type { LoginThrottle } from "./throttle";

declare module "next-auth" {
  interface User {
    /** auth_sessions.id created by authorize(). */
    sid?: string;
  }
  interface Session {
    uid?: string;
    sid?: string;
  }
}

export const THROTTLED_CODE = "throttled";

/** authorize() refused before checking the password; the sign-in form says how long to wait. */
export class SignInThrottled extends CredentialsSignin {
  code = THROTTLED_CODE;
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

export interface AuthDeps {
  getDb: () => Promise<Db>;
  throttle: LoginThrottle;
}

/**
 * Credentials sign-in with JWT sessions. The JWT carries only { uid, sid }: who the user is and
 * which auth_sessions row backs it. Everything else (role, regions, disabled, revoked) is loaded
 * from the database on each request by lib/dal/viewer.ts, so revocation takes effect at once.
 */
export function createAuthConfig(deps: AuthDeps): NextAuthConfig {
  const secret = process.env.AUTH_SECRET;
  if (!secret) {
    throw new Error("AUTH_SECRET is not set. Generate one (e.g. `openssl rand -base64 32`) and put it in the environment.");
  }
  const signInPage = `/${routing.defaultLocale}/sign-in`;
  return {
    secret,
    // Host and X-Forwarded-Proto decide the callback URL and whether cookies are Secure (and
    // __Secure- prefixed): plain http on localhost gets non-Secure cookies, https gets Secure ones.
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: signInPage, error: signInPage },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(credentials, request) {
          const result = await authenticate(
            await deps.getDb(),
            {
              email: credentials.email,
              password: credentials.password,
              ip: clientIp(request.headers),
              userAgent: request.headers.get("user-agent"),
            },
            { throttle: deps.throttle },
          );
          if (result.ok) return { id: result.user.id, name: result.user.displayName, sid: result.sessionId };
          if (result.reason === "throttled") throw new SignInThrottled(result.retryAfterSeconds);
          return null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user, trigger }) {
        if (trigger === "signIn") {
          if (!user?.id || !user.sid) return null;
          return { uid: user.id, sid: user.sid };
        }
        return token;
      },
      session({ session, token }) {
        return {
          expires: session.expires,
          uid: typeof token.uid === "string" ? token.uid : undefined,
          sid: typeof token.sid === "string" ? token.sid : undefined,
        };
      },
    },
    events: {
      async signOut(message) {
        const sid = "token" in message ? message.token?.sid : undefined;
        if (isUuid(sid)) await revokeSession(await deps.getDb(), sid);
      },
    },
    logger: {
      // A wrong password is an expected outcome (audited separately), not a server error.
      error(error) {
        if (error instanceof CredentialsSignin) return;
        console.error(`[auth] ${error.name}: ${error.message}`, error.cause ?? "");
      },
    },
  };
}
