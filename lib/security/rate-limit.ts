import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db";
import type { DbOrTx } from "@/db/client";
import { clientIp } from "@/lib/auth/client-ip";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import type { ParameterReader } from "@/lib/rules/parameters";

/**
 * Rate limits of the public, sign-in-free look-ups (status check, document verification): they
 * answer "found / not found", so without a limit they could be used to guess passport numbers or
 * tokens. Fixed one-minute windows per client address and kind of check.
 *
 * The counters live in this process's memory: with several server processes each one counts on its
 * own, and a restart clears them.
 */

export type PublicCheckKind = "status" | "verify";
export type PublicRateResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export const PUBLIC_RATE_PARAMETER = "status_check_rate_per_minute";
export const DEFAULT_PUBLIC_CHECKS_PER_MINUTE = 10;
const WINDOW_SECONDS = 60;

/** Document verification has its own limit; without it, the status check's limit applies. */
export const VERIFY_RATE_PARAMETER = "verification_rate_per_minute";

function usableLimit(params: ParameterReader, key: string, onDate: string): number | null {
  if (!params.has(key, onDate)) return null;
  const value = params.get<unknown>(key, onDate);
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : null;
}

/** The limit in force on that date; a missing or unusable parameter falls back to the default. */
export function publicChecksPerMinute(params: ParameterReader, onDate: string, kind: PublicCheckKind = "status"): number {
  const own = kind === "verify" ? usableLimit(params, VERIFY_RATE_PARAMETER, onDate) : null;
  return own ?? usableLimit(params, PUBLIC_RATE_PARAMETER, onDate) ?? DEFAULT_PUBLIC_CHECKS_PER_MINUTE;
}

export interface PublicRateLimiter {
  /** Counts one check by `ip`; refuses once `perMinute` checks of this kind were made in the window. */
  consume(kind: PublicCheckKind, ip: string, perMinute: number): Promise<PublicRateResult>;
}

export function createPublicRateLimiter(): PublicRateLimiter {
  // One limiter per kind and limit: when an administrator changes the limit, counting starts afresh.
  const limiters = new Map<string, RateLimiterMemory>();
  function limiterFor(kind: PublicCheckKind, perMinute: number): RateLimiterMemory {
    const key = `${kind}:${perMinute}`;
    let limiter = limiters.get(key);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: `public-${kind}`, points: perMinute, duration: WINDOW_SECONDS });
      limiters.set(key, limiter);
    }
    return limiter;
  }
  return {
    async consume(kind, ip, perMinute) {
      try {
        await limiterFor(kind, perMinute).consume(ip);
        return { ok: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
        throw rejection;
      }
    },
  };
}

// One set of counters per process, kept across dev hot reloads.
const globalForRateLimit = globalThis as unknown as { publicRateLimiter?: PublicRateLimiter };

function sharedLimiter(): PublicRateLimiter {
  globalForRateLimit.publicRateLimiter ??= createPublicRateLimiter();
  return globalForRateLimit.publicRateLimiter;
}

/**
 * Counts one public check by the client at `ip`, with the limit from the rule parameters in force
 * today. `db` defaults to the application's database.
 */
export async function consumePublic(kind: PublicCheckKind, ip: string, db?: DbOrTx): Promise<PublicRateResult> {
  const params = await loadParameters(db ?? (await getDb()));
  return sharedLimiter().consume(kind, ip, publicChecksPerMinute(params, todayInKazakhstan(), kind));
}

/**
 * The address to count a public check against. Shares the sign-in throttle's reading of the proxy
 * headers (the last X-Forwarded-For entry, written by the closest proxy, cannot be forged by the
 * client the way the first can). Requests without one share a single bucket.
 */
export function publicClientIp(headers: Headers): string {
  return clientIp(headers) ?? "unknown";
}
