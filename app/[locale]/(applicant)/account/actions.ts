"use server";

import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { FormState } from "@/app/_components/form-state";
import { setMyPhone } from "@/lib/dal/contact";
import { getViewer } from "@/lib/dal/viewer";
import { formLocale, formText } from "@/lib/forms/form-data";

/** Saves the applicant's mobile number (a public endpoint: the viewer is loaded again here). */
export async function savePhoneAction(_prev: FormState & { saved?: boolean }, formData: FormData): Promise<FormState & { saved?: boolean }> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale, namespace: "contact" });
  const typed = formText(formData, "phone");
  const values = { phone: typed };
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { fieldErrors: {}, formError: t("signedOut"), values };
  const result = await setMyPhone(await getDb(), viewer, typed);
  if (!result.ok) return { fieldErrors: { phone: t("invalid") }, formError: null, values };
  return { fieldErrors: {}, formError: null, values: { phone: result.phone ?? "" }, saved: true };
}
