import { describe, expect, it } from "vitest";
import { isWellFormedToken, newVerificationToken } from "./tokens";

describe("verification tokens", () => {
  it("are 43 characters of base64url (32 random bytes)", () => {
    const token = newVerificationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("do not repeat over 1000 draws", () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => newVerificationToken()));
    expect(tokens.size).toBe(1000);
  });

  it("are recognised as well formed", () => {
    for (let i = 0; i < 100; i++) expect(isWellFormedToken(newVerificationToken())).toBe(true);
  });

  it("reject anything that newVerificationToken cannot produce", () => {
    const token = newVerificationToken();
    expect(isWellFormedToken("")).toBe(false);
    expect(isWellFormedToken(token.slice(1))).toBe(false);
    expect(isWellFormedToken(`${token}A`)).toBe(false);
    expect(isWellFormedToken(`${token.slice(0, 42)}=`)).toBe(false);
    expect(isWellFormedToken(`+${token.slice(1)}`)).toBe(false);
    expect(isWellFormedToken(`/${token.slice(1)}`)).toBe(false);
    expect(isWellFormedToken(`${token.slice(0, 20)} ${token.slice(21)}`)).toBe(false);
    // The last character carries 4 data bits and 2 zero bits; "B" (value 1) sets a padding bit.
    expect(isWellFormedToken(`${token.slice(0, 42)}B`)).toBe(false);
    expect(isWellFormedToken(42)).toBe(false);
    expect(isWellFormedToken(null)).toBe(false);
  });
});
