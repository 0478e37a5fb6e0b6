"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_components/form-state";
import { getDb } from "@/db";
import { setNationalQuota, setRegionalQuota, type QuotaWriteResult } from "@/lib/dal/kandas";
import { getViewer, hasRole } from "@/lib/dal/viewer";
import { translateMessage, violationMessage } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";
import { nationalQuotaSchema, regionalQuotaSchema } from "./schemas";

type Values = Record<string, string>;
type Translate = Awaited<ReturnType<typeof getTranslations>>;

function schemaErrors(t: Translate, issues: { path: PropertyKey[]; message: string }[], values: Values): FormState {
  const fieldErrors: Record<string, string> = {};
  for (const i of issues) fieldErrors[String(i.path[0])] ??= translateMessage(t, i.message);
  return { fieldErrors, formError: null, values };
}

function outcome(t: Translate, result: QuotaWriteResult, values: Values, locale: string): FormState {
  if (result.ok) {
    revalidatePath(`/${locale}/quotas`);
    return { fieldErrors: {}, formError: null, values: { ...values, saved: "1" } };
  }
  if (result.error === "forbidden") return { fieldErrors: {}, formError: t("kd.planner.forbidden"), values };
  const message = violationMessage(t, result.violation);
  return result.violation.path?.length ? { fieldErrors: { [String(result.violation.path[0])]: message }, formError: null, values } : { fieldErrors: {}, formError: message, values };
}

/** KD-04: the national quota of a year. A server action is a public endpoint: the role is checked here. */
export async function saveNationalQuota(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const values = { year: formText(formData, "year"), families: formText(formData, "families"), basis: formText(formData, "basis") };
  const viewer = await getViewer();
  if (!hasRole(viewer, ["quota_planner"])) return { fieldErrors: {}, formError: t("kd.planner.forbidden"), values };
  const parsed = nationalQuotaSchema.safeParse(values);
  if (!parsed.success) return schemaErrors(t, parsed.error.issues, values);
  return outcome(t, await setNationalQuota(await getDb(), viewer, parsed.data), values, locale);
}

/** KD-04: one region's share of the year's quota. */
export async function saveRegionalQuota(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const values = { year: formText(formData, "year"), region: formText(formData, "region"), families: formText(formData, "families") };
  const viewer = await getViewer();
  if (!hasRole(viewer, ["quota_planner"])) return { fieldErrors: {}, formError: t("kd.planner.forbidden"), values };
  const parsed = regionalQuotaSchema.safeParse(values);
  if (!parsed.success) return schemaErrors(t, parsed.error.issues, values);
  return outcome(t, await setRegionalQuota(await getDb(), viewer, parsed.data), values, locale);
}
