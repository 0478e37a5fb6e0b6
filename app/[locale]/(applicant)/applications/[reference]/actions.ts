"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { resubmitTrCase, trFormError } from "@/app/_components/tr-wizard/file";
import type { TrSubmitInput, TrSubmitState } from "@/app/_components/tr-wizard/submit-state";
import { getViewer } from "@/lib/dal/viewer";
import { perform } from "@/lib/engine/perform";
import { toActionState, type ActionState } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";

/** Actions of the applicant on their own case. Each loads the viewer again: actions are public endpoints. */

/** Sends the corrected application back to the officer at the version the applicant corrected. */
export async function resubmitTrApplication(target: { caseId: string; version: number }, input: TrSubmitInput): Promise<TrSubmitState> {
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return trFormError(input, "tr.form.signedOut");
  return resubmitTrCase(viewer, target, input, "online", (c, locale) => `/${locale}/applications/${c.reference}?done=resubmitted`);
}

/** Withdraws an application before a decision (with an optional reason). */
export async function withdrawApplication(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { ok: false, fieldErrors: {}, formError: t("tr.form.signedOut") };

  const version = Number(formText(formData, "version"));
  if (!Number.isInteger(version)) return { ok: false, fieldErrors: {}, formError: t("tr.form.invalidRequest") };
  const reason = formText(formData, "reason").trim();
  const result = await perform(await getDb(), viewer, formText(formData, "caseId"), "withdraw", { reason: reason || undefined }, version);
  if (result.ok) redirect(`/${locale}/applications/${result.case.reference}?done=withdrawn`);
  // The page shows the case as it is now; the form explains why nothing happened.
  if (result.error === "version_conflict") revalidatePath(`/${locale}/applications/${encodeURIComponent(formText(formData, "reference"))}`);
  return toActionState(t, result);
}
