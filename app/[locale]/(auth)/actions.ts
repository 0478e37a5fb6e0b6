"use server";

import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { AuthError } from "next-auth";
import type { z } from "zod";
import type { FormState } from "@/app/_components/form-state";
import { getDb } from "@/db";
import { signIn, SignInThrottled } from "@/lib/auth";
import { findUserRoleByEmail, registerApplicant } from "@/lib/auth/accounts";
import { clientIp } from "@/lib/auth/client-ip";
import { homePathFor, safeCallbackPath } from "@/lib/auth/redirects";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, signInSchema, signUpSchema } from "@/lib/auth/schemas";
import { getSignUpThrottle, minutesToWait } from "@/lib/auth/throttle";
import { recordAudit } from "@/lib/dal/audit";
import { formLocale, formText } from "@/lib/forms/form-data";

type Translate = Awaited<ReturnType<typeof getTranslations<"auth">>>;

/** The first issue of each field, translated (message keys come from lib/auth/schemas). */
function fieldErrorsOf(error: z.ZodError, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (!(field in out)) out[field] = t(issue.message, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });
  }
  return out;
}

/**
 * Signs in and redirects: to a same-site callbackUrl when one was given, otherwise to the staff
 * area or the applicant's applications. Only Auth.js errors are handled here; anything else
 * (including Next's redirect signal) propagates.
 */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: "auth" });
  const values = { email: formText(formData, "email") };
  const parsed = signInSchema.safeParse({ email: values.email, password: formText(formData, "password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error, t), formError: null, values };

  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return { fieldErrors: {}, formError: t("signIn.throttled", { minutes: minutesToWait(error.retryAfterSeconds) }), values };
    }
    if (error instanceof AuthError) return { fieldErrors: {}, formError: t("signIn.invalidCredentials"), values };
    throw error;
  }

  const role = await findUserRoleByEmail(await getDb(), parsed.data.email);
  redirect(safeCallbackPath(formData.get("callbackUrl")) ?? homePathFor(role ?? "applicant", locale));
}

/** Creates an applicant account, then signs it in. */
export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: "auth" });
  const values = { displayName: formText(formData, "displayName"), email: formText(formData, "email") };
  const parsed = signUpSchema.safeParse({
    ...values,
    password: formText(formData, "password"),
    confirmPassword: formText(formData, "confirmPassword"),
  });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error, t), formError: null, values };

  const ip = clientIp(await headers());
  const gate = await getSignUpThrottle().attempt(ip);
  if (!gate.ok) {
    return { fieldErrors: {}, formError: t("signUp.throttled", { minutes: minutesToWait(gate.retryAfterSeconds) }), values };
  }

  const db = await getDb();
  const created = await registerApplicant(db, { ...parsed.data, locale });
  if (!created.ok) return { fieldErrors: { email: t("errors.emailTaken") }, formError: null, values };
  await recordAudit(db, {
    viewer: { kind: "user", userId: created.userId, role: "applicant" },
    action: "auth.sign_up",
    target: parsed.data.email,
    channel: "action",
    ip,
  });

  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirect: false });
  } catch (error) {
    // The account exists; if signing in is refused now (throttled), the sign-in page takes over.
    if (error instanceof AuthError) redirect(`/${locale}/sign-in`);
    throw error;
  }
  redirect(homePathFor("applicant", locale));
}
