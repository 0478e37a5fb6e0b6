import { z } from "zod";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { API_SCOPES } from "./scopes";

/**
 * Form schemas shared by the client (react-hook-form) and the server actions. Messages are keys in
 * the "auth" namespace. Kept out of "use server" modules, which may export async functions only.
 */

export const PASSWORD_MIN_LENGTH = 12;
// Long enough for any passphrase, short enough that nobody posts megabytes into the hash.
export const PASSWORD_MAX_LENGTH = 256;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const email = z
  .string({ error: "errors.emailRequired" })
  .trim()
  .toLowerCase()
  .min(1, "errors.emailRequired")
  .max(254, "errors.emailInvalid")
  .pipe(z.email("errors.emailInvalid"));

export const passwordSchema = z
  .string({ error: "errors.passwordRequired" })
  .min(1, "errors.passwordRequired")
  .min(PASSWORD_MIN_LENGTH, "errors.passwordTooShort")
  .max(PASSWORD_MAX_LENGTH, "errors.passwordTooLong");

/** Sign-in does not re-check the policy: an account keeps working if the policy changes later. */
export const signInSchema = z.object({
  email,
  password: z
    .string({ error: "errors.passwordRequired" })
    .min(1, "errors.passwordRequired")
    .max(PASSWORD_MAX_LENGTH, "errors.passwordTooLong"),
});
export type SignInInput = z.input<typeof signInSchema>;

export const signUpSchema = z
  .object({
    displayName: z
      .string({ error: "errors.displayNameRequired" })
      .trim()
      .min(1, "errors.displayNameRequired")
      .max(200, "errors.displayNameTooLong"),
    email,
    password: passwordSchema,
    confirmPassword: z.string({ error: "errors.confirmPasswordRequired" }).min(1, "errors.confirmPasswordRequired"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "errors.passwordsDoNotMatch" });
export type SignUpInput = z.input<typeof signUpSchema>;

/** Today's civil date in Kazakhstan (one zone, UTC+5, since 1 March 2024). */
export function todayInAlmaty(now: Date = new Date()): string {
  return format(new TZDate(now, "Asia/Almaty"), "yyyy-MM-dd");
}

export const issueTokenSchema = z.object({
  name: z.string({ error: "errors.tokenNameRequired" }).trim().min(1, "errors.tokenNameRequired").max(100, "errors.tokenNameTooLong"),
  userId: z.uuid("errors.tokenUserRequired"),
  // A checkbox group arrives as a string (one box), an array (several) or false/undefined (none).
  scopes: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []),
    z.array(z.enum(API_SCOPES, "errors.tokenScopesRequired")).min(1, "errors.tokenScopesRequired"),
  ),
  expiresOn: z
    .union([z.literal(""), z.iso.date("errors.tokenExpiryInvalid")])
    .optional()
    .refine((d) => !d || d > todayInAlmaty(), "errors.tokenExpiryPast"),
});
export type IssueTokenInput = z.input<typeof issueTokenSchema>;
export type IssueTokenData = z.output<typeof issueTokenSchema>;
