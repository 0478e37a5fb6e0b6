import { describe, expect, it } from "vitest";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./password";

/** $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash> */
function decodePhc(phc: string) {
  const [, algorithm, version, params, salt, hash] = phc.split("$");
  const p = Object.fromEntries((params ?? "").split(",").map((kv) => kv.split("=") as [string, string]));
  return { algorithm, version, m: Number(p.m), t: Number(p.t), p: Number(p.p), salt, hash };
}

describe("password hashing", () => {
  it("uses argon2id with m=19456 KiB, t=2, p=1", async () => {
    const phc = decodePhc(await hashPassword("correct horse battery staple"));
    expect(phc).toMatchObject({ algorithm: "argon2id", version: "v=19", m: 19456, t: 2, p: 1 });
    expect(phc.salt?.length).toBeGreaterThanOrEqual(22); // 16 random bytes, base64
  });

  it("salts every hash and verifies only the right password", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(a, "correct horse battery stapler")).toBe(false);
  });

  it("the dummy hash has the same cost parameters as real hashes and matches no likely password", async () => {
    const real = decodePhc(await hashPassword("whatever-password"));
    const dummy = decodePhc(DUMMY_PASSWORD_HASH);
    expect({ ...dummy, salt: undefined, hash: undefined }).toEqual({ ...real, salt: undefined, hash: undefined });
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "")).toBe(false);
    expect(await verifyPassword(DUMMY_PASSWORD_HASH, "password123456")).toBe(false);
  });

  it("a malformed stored hash verifies as false instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});
