"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { addVisaRegime } from "@/lib/dal/admin";
import { refusalState, schemaErrorState, text } from "../_lib/action-state";
import type { AdminFormState } from "../_lib/form-state";
import { localeFrom, requireAdminAction } from "../_lib/require-admin";
import { addVisaRegimeSchema } from "../_lib/schemas";

export async function addVisaRegimeAction(_prev: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const viewer = await requireAdminAction();
  const locale = await localeFrom(formData);
  const t = await getTranslations({ locale, namespace: "admin" });
  const values = {
    country: text(formData, "country"),
    passportType: text(formData, "passportType"),
    regime: text(formData, "regime"),
    days: text(formData, "days"),
    effectiveFrom: text(formData, "effectiveFrom"),
    note: text(formData, "note"),
  };
  const parsed = addVisaRegimeSchema.safeParse(values);
  if (!parsed.success) return schemaErrorState(t, parsed.error, values);
  const result = await addVisaRegime(await getDb(), viewer, parsed.data, { ip: clientIp(await headers()) });
  if (!result.ok) return refusalState(t, result, values);
  revalidatePath(`/${locale}/admin/visa-regimes`);
  redirect(`/${locale}/admin/visa-regimes?country=${parsed.data.country}&done=added`);
}
