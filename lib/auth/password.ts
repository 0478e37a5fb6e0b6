import "server-only";
import { hash, verify, type Algorithm } from "@node-rs/argon2";

// Argon2id with the OWASP minimum (m=19 MiB, t=2, p=1). The enum is declared `const` in the
// package's types, which isolatedModules cannot inline, hence the literal.
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS = {
  algorithm: ARGON2ID,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hash of a random password nobody knows, made with ARGON2_OPTIONS. Sign-in verifies against it when
 * the email is unknown, so an unknown account costs the same time and gets the same answer as a
 * wrong password.
 */
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$l2MPYl2Vyi2pkTpRfy8vIw$h9yHD7/Xsr+EWzkmcuytAkI+h6ZWOqSDFw9JlpGQaV8";

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a stored hash that cannot be parsed. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch (error) {
    console.error("password verification failed on a malformed hash", error instanceof Error ? error.message : error);
    return false;
  }
}
