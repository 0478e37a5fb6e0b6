"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_components/form-state";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { createUser, setUserDisabledByAdmin, setUserPassword, signOutUserEverywhere, updateUserAccess } from "@/lib/dal/admin";
import { formList, formLocale, formText } from "@/lib/forms/form-data";
import { refusalState, schemaErrorState } from "../_lib/action-state";
import { requireAdminAction } from "../_lib/require-admin";
import { createUserSchema, setPasswordSchema, updateAccessSchema } from "../_lib/schemas";

async function context(formData: FormData) {
  const viewer = await requireAdminAction();
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: "admin" });
  return { viewer, locale, t, db: await getDb(), meta: { ip: clientIp(await headers()) } };
}

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { viewer, locale, t, db, meta } = await context(formData);
  const values = {
    email: formText(formData, "email"),
    displayName: formText(formData, "displayName"),
    role: formText(formData, "role"),
    regions: formList(formData, "regions"),
    services: formList(formData, "services"),
  };
  const parsed = createUserSchema.safeParse({ ...values, password: formText(formData, "password") });
  if (!parsed.success) return schemaErrorState(t, parsed.error, values);
  const result = await createUser(db, viewer, parsed.data, meta);
  if (!result.ok) return refusalState(t, result, values);
  revalidatePath(`/${locale}/admin/users`);
  redirect(`/${locale}/admin/users/${result.userId}?done=created`);
}

export async function updateAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { viewer, locale, t, db, meta } = await context(formData);
  const userId = formText(formData, "userId");
  const values = { role: formText(formData, "role"), regions: formList(formData, "regions"), services: formList(formData, "services") };
  const parsed = updateAccessSchema.safeParse(values);
  if (!parsed.success) return schemaErrorState(t, parsed.error, values);
  const result = await updateUserAccess(db, viewer, userId, parsed.data, meta);
  if (!result.ok) return refusalState(t, result, values);
  revalidatePath(`/${locale}/admin/users`);
  redirect(`/${locale}/admin/users/${userId}?done=accessUpdated`);
}

export async function setPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { viewer, locale, t, db, meta } = await context(formData);
  const userId = formText(formData, "userId");
  const parsed = setPasswordSchema.safeParse({ password: formText(formData, "password"), confirmPassword: formText(formData, "confirmPassword") });
  // Passwords are never sent back into the form.
  if (!parsed.success) return schemaErrorState(t, parsed.error, {});
  const result = await setUserPassword(db, viewer, userId, parsed.data.password, meta);
  if (!result.ok) return refusalState(t, result, {});
  redirect(`/${locale}/admin/users/${userId}?done=passwordSet`);
}

/** Button forms: the outcome travels in the address, so they work without JavaScript too. */
export async function setDisabledAction(formData: FormData): Promise<void> {
  const { viewer, locale, db, meta } = await context(formData);
  const userId = formText(formData, "userId");
  const disabled = formText(formData, "disabled") === "true";
  const result = await setUserDisabledByAdmin(db, viewer, userId, disabled, meta);
  revalidatePath(`/${locale}/admin/users`);
  if (!result.ok && result.error === "not_found") redirect(`/${locale}/admin/users`);
  redirect(`/${locale}/admin/users/${userId}?${result.ok ? `done=${disabled ? "disabled" : "enabled"}` : `error=${result.problems[0]!.code}`}`);
}

export async function signOutEverywhereAction(formData: FormData): Promise<void> {
  const { viewer, locale, db, meta } = await context(formData);
  const userId = formText(formData, "userId");
  const result = await signOutUserEverywhere(db, viewer, userId, meta);
  if (!result.ok) redirect(`/${locale}/admin/users`);
  redirect(`/${locale}/admin/users/${userId}?done=signedOut&revoked=${result.revoked}`);
}
