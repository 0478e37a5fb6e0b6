"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_components/form-state";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { addVisaRegime } from "@/lib/dal/admin";
import { formLocale, formText } from "@/lib/forms/form-data";
import { refusalState, schemaErrorState } from "../_lib/action-state";
import { requireAdminAction } from "../_lib/require-admin";
import { addVisaRegimeSchema } from "../_lib/schemas";

export async function addVisaRegimeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireAdminAction();
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: "admin" });
  const values = {
    country: formText(formData, "country"),
    passportType: formText(formData, "passportType"),
    regime: formText(formData, "regime"),
    days: formText(formData, "days"),
    effectiveFrom: formText(formData, "effectiveFrom"),
    note: formText(formData, "note"),
  };
  const parsed = addVisaRegimeSchema.safeParse(values);
  if (!parsed.success) return schemaErrorState(t, parsed.error, values);
  const result = await addVisaRegime(await getDb(), viewer, parsed.data, { ip: clientIp(await headers()) });
  if (!result.ok) return refusalState(t, result, values);
  revalidatePath(`/${locale}/admin/visa-regimes`);
  redirect(`/${locale}/admin/visa-regimes?country=${parsed.data.country}&done=added`);
}
