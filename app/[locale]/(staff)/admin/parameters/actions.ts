"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_components/form-state";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { cancelScheduledParameterValue, scheduleParameterValue } from "@/lib/dal/admin";
import { formLocale, formText } from "@/lib/forms/form-data";
import { refusalState, schemaErrorState } from "../_lib/action-state";
import { PARAMETER_KEY } from "../_lib/parameters";
import { requireAdminAction } from "../_lib/require-admin";
import { scheduleParameterSchema } from "../_lib/schemas";

export async function scheduleParameterAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireAdminAction();
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: "admin" });
  const key = formText(formData, "key");
  const values = { value: formText(formData, "value"), effectiveFrom: formText(formData, "effectiveFrom"), reason: formText(formData, "reason") };
  if (!PARAMETER_KEY.test(key)) return { fieldErrors: {}, formError: t("errors.notFound"), values };
  const parsed = scheduleParameterSchema.safeParse(values);
  if (!parsed.success) return schemaErrorState(t, parsed.error, values);
  const result = await scheduleParameterValue(await getDb(), viewer, { key, ...parsed.data }, { ip: clientIp(await headers()) });
  if (!result.ok) return refusalState(t, result, values);
  revalidatePath(`/${locale}/admin/parameters`);
  redirect(`/${locale}/admin/parameters/${key}?done=scheduled`);
}

export async function cancelScheduledParameterAction(formData: FormData): Promise<void> {
  const viewer = await requireAdminAction();
  const locale = await formLocale(formData);
  const key = formText(formData, "key");
  const result = await cancelScheduledParameterValue(await getDb(), viewer, formText(formData, "periodId"), { ip: clientIp(await headers()) });
  revalidatePath(`/${locale}/admin/parameters`);
  if (result.ok) redirect(`/${locale}/admin/parameters/${result.key}?done=cancelled`);
  if (!PARAMETER_KEY.test(key)) redirect(`/${locale}/admin/parameters`);
  redirect(`/${locale}/admin/parameters/${key}?error=${result.error === "invalid" ? result.problems[0]!.code : "notFound"}`);
}
