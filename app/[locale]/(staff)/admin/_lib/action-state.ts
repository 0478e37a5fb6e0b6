import "server-only";
import type { z } from "zod";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import type { AdminProblem } from "@/lib/dal/admin";
import type { FormState } from "@/app/_components/form-state";

/** A translator for the "admin" namespace. */
export type AdminTranslate = (key: string, values?: Record<string, string | number>) => string;

const MESSAGE_VALUES = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/** The first schema issue of each field, translated. */
export function schemaErrorState(t: AdminTranslate, error: z.ZodError, values: FormState["values"]): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    fieldErrors[field] ??= t(issue.message, MESSAGE_VALUES);
  }
  return { fieldErrors, formError: null, values };
}

/** A refusal from lib/dal/admin.ts, next to the fields it names. */
export function refusalState(
  t: AdminTranslate,
  result: { error: "not_found" } | { error: "invalid"; problems: AdminProblem[] },
  values: FormState["values"],
): FormState {
  if (result.error === "not_found") return { fieldErrors: {}, formError: t("errors.notFound"), values };
  const fieldErrors: Record<string, string> = {};
  for (const p of result.problems) fieldErrors[p.field] ??= t(`errors.${p.code}`, MESSAGE_VALUES);
  return { fieldErrors, formError: null, values };
}
