import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMIT, createLoginThrottle, createSignUpThrottle, IP_LIMIT, minutesToWait } from "./throttle";

describe("login throttle", () => {
  it("allows 5 attempts per account in 15 minutes, refuses the 6th with the wait in seconds", async () => {
    expect(ACCOUNT_LIMIT).toEqual({ points: 5, durationSeconds: 900 });
    const throttle = createLoginThrottle();
    for (let i = 0; i < 5; i++) expect(await throttle.attempt("a@example.kz", `10.0.0.${i}`)).toEqual({ ok: true });
    const sixth = await throttle.attempt("a@example.kz", "10.0.0.99");
    expect(sixth.ok).toBe(false);
    if (!sixth.ok) {
      expect(sixth.retryAfterSeconds).toBeGreaterThan(890);
      expect(sixth.retryAfterSeconds).toBeLessThanOrEqual(900);
      expect(minutesToWait(sixth.retryAfterSeconds)).toBe(15);
    }
  });

  it("counts the account by normalised email and leaves other accounts alone", async () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 5; i++) await throttle.attempt(i % 2 ? " A@Example.KZ " : "a@example.kz", "10.0.0.1");
    expect((await throttle.attempt("a@example.kz", "10.0.0.2")).ok).toBe(false);
    expect(await throttle.attempt("b@example.kz", "10.0.0.2")).toEqual({ ok: true });
  });

  it("limits one address to 20 attempts across accounts", async () => {
    expect(IP_LIMIT).toEqual({ points: 20, durationSeconds: 900 });
    const throttle = createLoginThrottle();
    for (let i = 0; i < 20; i++) expect((await throttle.attempt(`user${i}@example.kz`, "192.0.2.7")).ok).toBe(true);
    expect((await throttle.attempt("fresh@example.kz", "192.0.2.7")).ok).toBe(false);
    expect((await throttle.attempt("fresh@example.kz", "192.0.2.8")).ok).toBe(true);
  });

  it("a successful sign-in resets the account counter", async () => {
    const throttle = createLoginThrottle();
    for (let i = 0; i < 4; i++) await throttle.attempt("a@example.kz", null);
    await throttle.reset("A@example.kz");
    for (let i = 0; i < 5; i++) expect((await throttle.attempt("a@example.kz", null)).ok).toBe(true);
    expect((await throttle.attempt("a@example.kz", null)).ok).toBe(false);
  });

  it("never locks out for good: counters start again when the window ends", async () => {
    const throttle = createLoginThrottle({ account: { points: 2, durationSeconds: 1 }, ip: { points: 100, durationSeconds: 1 } });
    await throttle.attempt("a@example.kz", "10.0.0.1");
    await throttle.attempt("a@example.kz", "10.0.0.1");
    const refused = await throttle.attempt("a@example.kz", "10.0.0.1");
    expect(refused).toEqual({ ok: false, retryAfterSeconds: 1 });
    // Further refused attempts do not extend the window.
    await throttle.attempt("a@example.kz", "10.0.0.1");
    await new Promise((r) => setTimeout(r, 1100));
    expect(await throttle.attempt("a@example.kz", "10.0.0.1")).toEqual({ ok: true });
  });
});

describe("sign-in throttle: successful sign-ins from one address", () => {
  it("do not use up the address limit; failures still do", async () => {
    const throttle = createLoginThrottle({ ip: { points: 3, durationSeconds: 60 } });
    for (let i = 0; i < 10; i++) {
      expect((await throttle.attempt(`clerk${i}@example.kz`, "10.9.9.9")).ok).toBe(true);
      await throttle.reset(`clerk${i}@example.kz`, "10.9.9.9");
    }
    for (let i = 0; i < 3; i++) expect((await throttle.attempt(`guess${i}@example.kz`, "10.9.9.9")).ok).toBe(true);
    expect((await throttle.attempt("guess9@example.kz", "10.9.9.9")).ok).toBe(false);
  });
});

describe("sign-up throttle", () => {
  it("limits new accounts per address", async () => {
    const throttle = createSignUpThrottle({ points: 2, durationSeconds: 60 });
    expect((await throttle.attempt("10.0.0.1")).ok).toBe(true);
    expect((await throttle.attempt("10.0.0.1")).ok).toBe(true);
    expect((await throttle.attempt("10.0.0.1")).ok).toBe(false);
    expect((await throttle.attempt("10.0.0.2")).ok).toBe(true);
  });
});
