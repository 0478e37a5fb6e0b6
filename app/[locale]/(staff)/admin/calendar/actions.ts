"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_components/form-state";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { addCalendarTransfer, deleteCalendarException } from "@/lib/dal/admin";
import { formLocale, formText } from "@/lib/forms/form-data";
import { isValidCivilDate } from "@/lib/rules/dates";
import { refusalState, schemaErrorState } from "../_lib/action-state";
import { requireAdminAction } from "../_lib/require-admin";
import { calendarTransferSchema } from "../_lib/schemas";

export async function addTransferAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const viewer = await requireAdminAction();
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: "admin" });
  const values = { day: formText(formData, "day"), kind: formText(formData, "kind"), name: formText(formData, "name") };
  const parsed = calendarTransferSchema.safeParse(values);
  if (!parsed.success) return schemaErrorState(t, parsed.error, values);
  const result = await addCalendarTransfer(await getDb(), viewer, parsed.data, { ip: clientIp(await headers()) });
  if (!result.ok) return refusalState(t, result, values);
  revalidatePath(`/${locale}/admin/calendar`);
  redirect(`/${locale}/admin/calendar?year=${parsed.data.day.slice(0, 4)}&done=added#day-${parsed.data.day}`);
}

export async function deleteExceptionAction(formData: FormData): Promise<void> {
  const viewer = await requireAdminAction();
  const locale = await formLocale(formData);
  const day = formText(formData, "day");
  if (!isValidCivilDate(day)) redirect(`/${locale}/admin/calendar`);
  const result = await deleteCalendarException(await getDb(), viewer, day, { ip: clientIp(await headers()) });
  revalidatePath(`/${locale}/admin/calendar`);
  const outcome = result.ok ? "done=deleted" : `error=${result.error === "invalid" ? result.problems[0]!.code : "notFound"}`;
  redirect(`/${locale}/admin/calendar?year=${day.slice(0, 4)}&${outcome}`);
}
