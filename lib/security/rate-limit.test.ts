import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { ruleParameters } from "@/db/schema";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { createTestDatabase, type TestDatabase } from "@/test/db";
import {
  DEFAULT_PUBLIC_CHECKS_PER_MINUTE,
  PUBLIC_RATE_PARAMETER,
  VERIFY_RATE_PARAMETER,
  consumePublic,
  createPublicRateLimiter,
  publicChecksPerMinute,
  publicClientIp,
} from "./rate-limit";

const row = (value: unknown, effectiveFrom = "2000-01-01", effectiveTo: string | null = null) => ({
  key: PUBLIC_RATE_PARAMETER,
  value,
  effectiveFrom,
  effectiveTo,
});

describe("createPublicRateLimiter", () => {
  it("refuses the N+1th check in a minute and says how long to wait", async () => {
    const limiter = createPublicRateLimiter();
    for (let i = 0; i < 3; i += 1) expect(await limiter.consume("status", "203.0.113.1", 3)).toEqual({ ok: true });
    const refused = await limiter.consume("status", "203.0.113.1", 3);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts each address and each kind of check on its own", async () => {
    const limiter = createPublicRateLimiter();
    expect(await limiter.consume("status", "203.0.113.2", 1)).toEqual({ ok: true });
    expect((await limiter.consume("status", "203.0.113.2", 1)).ok).toBe(false);
    expect(await limiter.consume("status", "203.0.113.3", 1)).toEqual({ ok: true });
    expect(await limiter.consume("verify", "203.0.113.2", 1)).toEqual({ ok: true });
  });
});

describe("publicChecksPerMinute", () => {
  it("reads the parameter in force on the date", () => {
    const params = parameterReaderFrom([row(10, "2000-01-01", "2025-12-31"), row(4, "2026-01-01")]);
    expect(publicChecksPerMinute(params, "2025-06-01")).toBe(10);
    expect(publicChecksPerMinute(params, "2026-06-01")).toBe(4);
  });

  it("falls back to the default when the parameter is missing or unusable", () => {
    expect(publicChecksPerMinute(parameterReaderFrom([]), "2026-06-01")).toBe(DEFAULT_PUBLIC_CHECKS_PER_MINUTE);
    expect(publicChecksPerMinute(parameterReaderFrom([row(0)]), "2026-06-01")).toBe(DEFAULT_PUBLIC_CHECKS_PER_MINUTE);
    expect(publicChecksPerMinute(parameterReaderFrom([row("ten")]), "2026-06-01")).toBe(DEFAULT_PUBLIC_CHECKS_PER_MINUTE);
    expect(publicChecksPerMinute(parameterReaderFrom([row(2.5)]), "2026-06-01")).toBe(DEFAULT_PUBLIC_CHECKS_PER_MINUTE);
  });
});

describe("consumePublic", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("pglite");
  });
  afterAll(async () => {
    await db.close();
  });

  it("allows the seeded limit per minute and refuses the next check with retryAfterSeconds", async () => {
    const ip = "198.51.100.10";
    for (let i = 0; i < DEFAULT_PUBLIC_CHECKS_PER_MINUTE; i += 1) expect(await consumePublic("status", ip, db.db)).toEqual({ ok: true });
    const refused = await consumePublic("status", ip, db.db);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("follows a changed parameter", async () => {
    await db.db.update(ruleParameters).set({ value: 2 }).where(eq(ruleParameters.key, PUBLIC_RATE_PARAMETER));
    const ip = "198.51.100.11";
    expect(await consumePublic("status", ip, db.db)).toEqual({ ok: true });
    expect(await consumePublic("status", ip, db.db)).toEqual({ ok: true });
    expect((await consumePublic("status", ip, db.db)).ok).toBe(false);
  });

  it("verification has its own limit, and falls back to the status check's without it", async () => {
    await db.db.update(ruleParameters).set({ value: 3 }).where(eq(ruleParameters.key, VERIFY_RATE_PARAMETER));
    const ip = "198.51.100.12";
    for (let i = 0; i < 3; i += 1) expect(await consumePublic("verify", ip, db.db)).toEqual({ ok: true });
    expect((await consumePublic("verify", ip, db.db)).ok).toBe(false);
    expect(publicChecksPerMinute(parameterReaderFrom([row(4)]), "2026-06-01", "verify")).toBe(4);
  });
});

describe("publicClientIp", () => {
  it("takes the address written by the closest proxy", () => {
    expect(publicClientIp(new Headers({ "x-forwarded-for": "10.0.0.1, 192.0.2.7" }))).toBe("192.0.2.7");
    expect(publicClientIp(new Headers({ "x-real-ip": "192.0.2.8" }))).toBe("192.0.2.8");
  });

  it("puts requests without an address into one bucket", () => {
    expect(publicClientIp(new Headers())).toBe("unknown");
  });
});
