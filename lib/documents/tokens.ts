import { randomBytes } from "node:crypto";

/** 32 random bytes: 256 bits, far beyond any guessing attack on the public verify page. */
const TOKEN_BYTES = 32;
/** base64url without padding of 32 bytes. */
const TOKEN_LENGTH = 43;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A fresh verification token for an issued document; the QR code carries it. */
export function newVerificationToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/**
 * True when `s` could have come from `newVerificationToken()`. Lets the verify route reject junk
 * before touching the database; the round trip also refuses non-canonical final characters.
 */
export function isWellFormedToken(s: unknown): s is string {
  if (typeof s !== "string" || s.length !== TOKEN_LENGTH || !TOKEN_SHAPE.test(s)) return false;
  const bytes = Buffer.from(s, "base64url");
  return bytes.length === TOKEN_BYTES && bytes.toString("base64url") === s;
}
