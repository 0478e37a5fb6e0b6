import { z } from "zod";
import { ROLES } from "@/db/schema";
import { passwordSchema } from "@/lib/auth/schemas";

/**
 * Admin form schemas, shared by the client forms (react-hook-form) and the server actions. They
 * check the shape of what was typed; whether it fits the data (a region exists, a date is after
 * today, periods do not overlap) is decided by lib/dal/admin.ts. Messages are keys under "admin".
 */

export const ROLE_VALUES = ROLES;
export const PASSPORT_TYPE_VALUES = ["national", "official", "diplomatic"] as const;
export const REGIME_VALUES = ["visa_free_unlimited", "visa_free_days", "visa_required"] as const;
export const TRANSFER_KINDS = ["moved_working_day", "moved_day_off"] as const;

/** A checkbox group arrives as a string (one box), an array (several) or false/undefined (none). */
const checkboxes = z.preprocess((v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []), z.array(z.string().max(100)).max(50));

const civilDate = z.iso.date("errors.dateInvalid");

const email = z
  .string({ error: "errors.emailRequired" })
  .trim()
  .toLowerCase()
  .min(1, "errors.emailRequired")
  .max(254, "errors.emailInvalid")
  .pipe(z.email("errors.emailInvalid"));

const access = {
  role: z.enum(ROLE_VALUES, "errors.roleRequired"),
  regions: checkboxes,
  services: checkboxes,
};

export const createUserSchema = z.object({
  email,
  displayName: z.string({ error: "errors.displayNameRequired" }).trim().min(1, "errors.displayNameRequired").max(200, "errors.displayNameTooLong"),
  ...access,
  password: passwordSchema,
});

export const updateAccessSchema = z.object(access);

export const setPasswordSchema = z
  .object({
    password: passwordSchema,
    confirmPassword: z.string({ error: "errors.confirmPasswordRequired" }).min(1, "errors.confirmPasswordRequired"),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "errors.passwordsDoNotMatch" });

const reason = z.string({ error: "errors.reasonRequired" }).trim().min(5, "errors.reasonRequired").max(500, "errors.reasonTooLong");

/** The value is typed as JSON: "7" is the number 7, "[\"a\"]" a list; strings need quotes. */
export const scheduleParameterSchema = z.object({
  value: z
    .string({ error: "errors.valueRequired" })
    .trim()
    .min(1, "errors.valueRequired")
    .max(10_000, "errors.valueInvalid")
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "errors.valueInvalid" });
        return z.NEVER;
      }
    }),
  effectiveFrom: civilDate,
  reason,
});

export const addVisaRegimeSchema = z
  .object({
    country: z.string({ error: "errors.countryRequired" }).regex(/^[A-Z]{3}$/, "errors.countryRequired"),
    passportType: z.enum(PASSPORT_TYPE_VALUES, "errors.passportTypeRequired"),
    regime: z.enum(REGIME_VALUES, "errors.regimeRequired"),
    days: z.preprocess(
      (v) => (v === "" || v === undefined || v === null ? null : typeof v === "string" ? Number(v.trim()) : v),
      z.number("errors.daysRequired").int("errors.daysRequired").min(1, "errors.daysRequired").max(365, "errors.daysRequired").nullable(),
    ),
    effectiveFrom: civilDate,
    note: z
      .string()
      .trim()
      .max(500, "errors.noteTooLong")
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.regime === "visa_free_days" && v.days === null) ctx.addIssue({ code: "custom", path: ["days"], message: "errors.daysRequired" });
    if (v.regime !== "visa_free_days" && v.days !== null) ctx.addIssue({ code: "custom", path: ["days"], message: "errors.daysNotAllowed" });
  });

export const calendarTransferSchema = z.object({
  day: civilDate,
  kind: z.enum(TRANSFER_KINDS, "errors.transferKindRequired"),
  name: z.string({ error: "errors.transferNameRequired" }).trim().min(1, "errors.transferNameRequired").max(200, "errors.transferNameTooLong"),
});

/** Every message key the schemas can produce, so a page can hand their translations to a form. */
export const SCHEMA_MESSAGE_KEYS = [
  "errors.emailRequired",
  "errors.emailInvalid",
  "errors.displayNameRequired",
  "errors.displayNameTooLong",
  "errors.roleRequired",
  "errors.passwordRequired",
  "errors.passwordTooShort",
  "errors.passwordTooLong",
  "errors.confirmPasswordRequired",
  "errors.passwordsDoNotMatch",
  "errors.valueRequired",
  "errors.valueInvalid",
  "errors.dateInvalid",
  "errors.reasonRequired",
  "errors.reasonTooLong",
  "errors.countryRequired",
  "errors.passportTypeRequired",
  "errors.regimeRequired",
  "errors.daysRequired",
  "errors.daysNotAllowed",
  "errors.noteTooLong",
  "errors.transferKindRequired",
  "errors.transferNameRequired",
  "errors.transferNameTooLong",
] as const;
