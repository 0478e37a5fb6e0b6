"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getViewer } from "@/lib/dal/viewer";
import { perform } from "@/lib/engine/perform";
import { toActionState, violationMessage, type ActionState } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";
import { APPLICANT_CONVERSATION_ACTIONS, type ApplicantConversationAction } from "./applicant-actions";

const ATTACHMENT_MESSAGES: Record<string, string> = {
  "rules.attachmentType": "hearing.applicant.fileType",
  "rules.attachmentTooLarge": "hearing.applicant.fileTooLarge",
  "rules.attachmentEmpty": "hearing.applicant.fileEmpty",
};

/** The engine input of each applicant action, from the posted form (files as bytes). */
async function inputOf(action: ApplicantConversationAction, formData: FormData): Promise<Record<string, unknown>> {
  switch (action) {
    case "answer_information": {
      // A file input with nothing chosen still posts one empty, nameless part.
      const files = formData.getAll("files").filter((f): f is File => typeof f !== "string" && (f.size > 0 || f.name !== ""));
      return { answer: formText(formData, "answer"), files: await Promise.all(files.map(async (f) => ({ fileName: f.name, bytes: new Uint8Array(await f.arrayBuffer()) }))) };
    }
    case "respond_to_preliminary_refusal":
      return { response: formText(formData, "response") };
    case "request_hearing":
      return { mode: formText(formData, "mode") || undefined, note: formText(formData, "note").trim() || undefined };
    case "reschedule_hearing":
      return { reason: formText(formData, "reason") };
    case "waive_hearing":
      return {};
  }
}

/** One applicant step of the conversation (answer, respond, ask for or move a hearing, waive it). */
export async function performConversationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { ok: false, fieldErrors: {}, formError: t("hearing.applicant.signedOut") };

  const action = formText(formData, "action") as ApplicantConversationAction;
  const version = Number(formText(formData, "version"));
  if (!APPLICANT_CONVERSATION_ACTIONS.includes(action) || !Number.isInteger(version)) return { ok: false, fieldErrors: {}, formError: t("tr.form.invalidRequest") };

  const result = await perform(await getDb(), viewer, formText(formData, "caseId"), action, await inputOf(action, formData), version);
  if (result.ok) redirect(`/${locale}/applications/${result.case.reference}?done=${action}`);
  if (result.error === "version_conflict") revalidatePath(`/${locale}/applications/${encodeURIComponent(formText(formData, "reference"))}`);
  if (result.error === "rule_violation") {
    // A refused file is named next to the file field, in words an applicant understands.
    const file = result.violations.find((v) => v.rule === "X-ATTACHMENT");
    if (file) {
      const key = ATTACHMENT_MESSAGES[file.messageKey];
      const message = key ? t(key as never, { maxMb: 0, ...file.values } as never) : violationMessage(t, file);
      return { ok: false, fieldErrors: { files: message }, formError: null };
    }
  }
  const state = toActionState(t, result);
  // Errors on individual files ("files.0.bytes") belong to the one file field.
  const fieldErrors = Object.fromEntries(Object.entries(state.fieldErrors).map(([k, v]) => [k.startsWith("files") ? "files" : k, v]));
  return { ...state, fieldErrors };
}
