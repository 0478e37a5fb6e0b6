import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { hashPassword } from "./password";
import { normaliseEmail, passwordSchema } from "./schemas";
import { revokeAllSessionsOfUser } from "./sessions";

/**
 * Account changes that end sessions. They do not authorise: callers (admin pages, the user's own
 * settings) check the viewer first.
 */

export type RegisterResult = { ok: true; userId: string } | { ok: false; reason: "email_taken" };

/** Self-registration: always the "applicant" role, no regions or services. */
export async function registerApplicant(
  db: DbOrTx,
  input: { displayName: string; email: string; password: string; locale: string },
): Promise<RegisterResult> {
  const passwordHash = await hashPassword(passwordSchema.parse(input.password));
  // The unique constraint decides, so two simultaneous sign-ups for one address cannot both succeed.
  const rows = await db
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      passwordHash,
      displayName: input.displayName.trim(),
      role: "applicant",
      locale: input.locale,
    })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  const row = rows[0];
  return row ? { ok: true, userId: row.id } : { ok: false, reason: "email_taken" };
}

/**
 * Sets a new password. Every session that started before now stops working at the next request
 * (password_changed_at is compared with the session's start), and the rows are revoked as well.
 */
export async function changePassword(db: Db, userId: string, newPassword: string): Promise<void> {
  const passwordHash = await hashPassword(passwordSchema.parse(newPassword));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: sql`now()` }).where(eq(users.id, userId));
    await revokeAllSessionsOfUser(tx, userId);
  });
}

/** Disabling signs the user out everywhere at once; enabling does not bring old sessions back. */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`coalesce(${users.disabledAt}, now())` : null })
      .where(eq(users.id, userId));
    if (disabled) await revokeAllSessionsOfUser(tx, userId);
  });
}

/** The role behind an email (for choosing where to go after sign-in); null when there is none. */
export async function findUserRoleByEmail(db: DbOrTx, email: string): Promise<Role | null> {
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.email, normaliseEmail(email))).limit(1);
  return row?.role ?? null;
}
