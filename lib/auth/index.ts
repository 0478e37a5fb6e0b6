import "server-only";
import NextAuth from "next-auth";
import { getDb } from "@/db";
import { createAuthConfig } from "./config";
import { getLoginThrottle } from "./throttle";

// The configuration is built on first use, not at import: `next build` loads this module without
// AUTH_SECRET, while a running server without it fails on the first request with a clear message.
export const { auth, signIn, signOut, handlers } = NextAuth(() =>
  createAuthConfig({ getDb, throttle: getLoginThrottle() }),
);

export { SignInThrottled, THROTTLED_CODE } from "./config";
