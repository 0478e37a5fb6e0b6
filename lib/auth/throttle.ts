import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { normaliseEmail } from "./schemas";

/**
 * Sign-in throttling, checked before any password hash is computed. Fixed windows: once a window
 * expires the counter starts again, so nobody is ever locked out for good.
 *
 * The counters live in this process's memory: with several server processes each one counts on its
 * own (limits are per process), and a restart clears them.
 */
export const ACCOUNT_LIMIT = { points: 5, durationSeconds: 15 * 60 } as const;
export const IP_LIMIT = { points: 20, durationSeconds: 15 * 60 } as const;
/**
 * New accounts per client address and hour (each costs a hash and a row). A front office or a test
 * run behind one address may need more: SIGN_UP_LIMIT_PER_HOUR sets it.
 */
export const SIGN_UP_IP_LIMIT = { points: Number(process.env.SIGN_UP_LIMIT_PER_HOUR) || 10, durationSeconds: 60 * 60 } as const;

export interface Limit {
  points: number;
  durationSeconds: number;
}

export type ThrottleResult = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface LoginThrottle {
  /** Counts one attempt for the account and the address; refuses once either is over its limit. */
  attempt(email: string, ip: string | null): Promise<ThrottleResult>;
  /**
   * After a successful sign-in the account starts afresh and the address gets its attempt back, so
   * the address limit counts failures: a front office where many clerks share one address is not
   * locked out by signing in, while guessing passwords across accounts still is.
   */
  reset(email: string, ip?: string | null): Promise<void>;
}

export interface SignUpThrottle {
  attempt(ip: string | null): Promise<ThrottleResult>;
}

function limiter(limit: Limit, keyPrefix: string): RateLimiterMemory {
  return new RateLimiterMemory({ keyPrefix, points: limit.points, duration: limit.durationSeconds });
}

/** Consumes one point; the seconds to wait when refused (at least 1). */
async function consume(rl: RateLimiterMemory, key: string): Promise<number | null> {
  try {
    await rl.consume(key);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw rejection;
  }
}

function verdict(waits: (number | null)[]): ThrottleResult {
  const refused = waits.filter((w): w is number => w !== null);
  return refused.length ? { ok: false, retryAfterSeconds: Math.max(...refused) } : { ok: true };
}

export function createLoginThrottle(limits: { account?: Limit; ip?: Limit } = {}): LoginThrottle {
  const byAccount = limiter(limits.account ?? ACCOUNT_LIMIT, "login-account");
  const byIp = limiter(limits.ip ?? IP_LIMIT, "login-ip");
  return {
    async attempt(email, ip) {
      const waits = await Promise.all([
        consume(byAccount, normaliseEmail(email)),
        // Without a known address there is nothing fair to share a bucket with; the account limit still holds.
        ip ? consume(byIp, ip) : Promise.resolve(null),
      ]);
      return verdict(waits);
    },
    async reset(email, ip) {
      await byAccount.delete(normaliseEmail(email));
      if (ip) await byIp.reward(ip, 1);
    },
  };
}

export function createSignUpThrottle(limit: Limit = SIGN_UP_IP_LIMIT): SignUpThrottle {
  const byIp = limiter(limit, "sign-up-ip");
  return {
    async attempt(ip) {
      return verdict([ip ? await consume(byIp, ip) : null]);
    },
  };
}

// One set of counters per process, kept across dev hot reloads.
const globalForThrottle = globalThis as unknown as { loginThrottle?: LoginThrottle; signUpThrottle?: SignUpThrottle };

export function getLoginThrottle(): LoginThrottle {
  globalForThrottle.loginThrottle ??= createLoginThrottle();
  return globalForThrottle.loginThrottle;
}

export function getSignUpThrottle(): SignUpThrottle {
  globalForThrottle.signUpThrottle ??= createSignUpThrottle();
  return globalForThrottle.signUpThrottle;
}

/** "Try again in N minutes", rounded up so the form never says 0. */
export function minutesToWait(retryAfterSeconds: number): number {
  return Math.max(1, Math.ceil(retryAfterSeconds / 60));
}
