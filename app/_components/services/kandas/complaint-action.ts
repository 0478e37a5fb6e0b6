"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getViewer } from "@/lib/dal/viewer";
import { perform } from "@/lib/engine/perform";
import { toActionState, type ActionState } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";

/** KD-08: the applicant's complaint to the ministry about a refusal; the viewer is loaded again here. */
export async function fileKandasComplaint(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { ok: false, fieldErrors: {}, formError: t("kd.apply.signedOut") };
  const version = Number(formText(formData, "version"));
  if (!Number.isInteger(version)) return { ok: false, fieldErrors: {}, formError: t("kd.apply.invalidRequest") };
  const result = await perform(await getDb(), viewer, formText(formData, "caseId"), "file_complaint", { reason: formText(formData, "reason") }, version);
  if (result.ok) redirect(`/${locale}/applications/${result.case.reference}?done=complaint`);
  if (result.error === "version_conflict") revalidatePath(`/${locale}/applications/${encodeURIComponent(formText(formData, "reference"))}`);
  return toActionState(t, result);
}
