"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { FormState } from "@/app/_components/form-state";
import { issuesByField, parseFiling } from "@/app/_components/services/refugee-renewal/form-input";
import { myRefugeeFamily } from "@/lib/dal/refugee-renewal";
import { getViewer } from "@/lib/dal/viewer";
import { consumeDraftInTx } from "@/lib/dal/drafts";
import { createCase } from "@/lib/engine/create";
import { loadVisibleCase, perform } from "@/lib/engine/perform";
import type { PerformResult } from "@/lib/engine/types";
import { toActionState, violationMessage, type ActionState } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";
import { RF_SERVICE } from "@/lib/services/ids";

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** The engine's answer as form state: errors next to the fields they concern, the rest at the top, everything typed kept. */
function filingState(t: Translator, result: Exclude<PerformResult, { ok: true }>, changeFields: string[], values: FormState["values"]): FormState {
  const translate = (key: string) => (t.has(key) ? t(key) : t("common.errors.genericTitle"));
  switch (result.error) {
    case "validation_failed":
      return { fieldErrors: issuesByField(result.issues, changeFields, translate), formError: null, values };
    case "rule_violation": {
      const fieldErrors: Record<string, string> = {};
      const general: string[] = [];
      for (const v of result.violations) {
        const field = v.path?.[0] === "status" || !v.path?.length ? null : v.path.join(".");
        if (field) fieldErrors[field] ??= violationMessage(t, v);
        else general.push(violationMessage(t, v));
      }
      return { fieldErrors, formError: general.join(" ") || null, values };
    }
    case "version_conflict":
      return { fieldErrors: {}, formError: t("common.errors.versionConflict"), values };
    default:
      return { fieldErrors: {}, formError: t("common.errors.genericTitle"), values };
  }
}

/**
 * Files and submits the signed-in refugee's extension. A server action is a public endpoint: the
 * viewer and their status record are loaded again here, and the engine checks every rule.
 */
export async function fileRefugeeRenewal(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const { input, changeFields, values } = parseFiling(formData);
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { fieldErrors: {}, formError: t("rf.apply.signedOut"), values };
  const db = await getDb();
  const family = await myRefugeeFamily(db, viewer);
  if (!family) return { fieldErrors: {}, formError: t("rf.apply.noStatus"), values };
  const { principal } = family;
  const status = {
    id: principal.id,
    certificateNumber: principal.certificateNumber,
    endsOn: principal.endsOn,
    holderName: `${principal.person.surname} ${principal.person.givenNames}`,
    countryOfOrigin: principal.countryOfOrigin,
  };

  // The form carries its draft's id: the filing's idempotency key; the draft goes with the filing.
  const draftId = z.uuid().safeParse(formText(formData, "draftId"));
  const result = await createCase(db, viewer, RF_SERVICE, { ...input, status }, {
    channel: "online",
    submit: true,
    idempotencyKey: draftId.success ? draftId.data : undefined,
    inTransaction: (tx) => consumeDraftInTx(tx, viewer, RF_SERVICE),
  });
  if (result.ok) redirect(`/${locale}/apply/refugee-renewal?filed=${encodeURIComponent(result.case.reference)}`);
  return filingState(t, result, changeFields, values);
}

/**
 * Sends a returned application back with the refugee's corrections, at the version they corrected;
 * the record it is about stays the one first filed (the engine checks that too).
 */
export async function correctRefugeeRenewal(target: { caseId: string; version: number }, _prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const { input, changeFields, values } = parseFiling(formData);
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { fieldErrors: {}, formError: t("rf.apply.signedOut"), values };
  const db = await getDb();
  const current = await loadVisibleCase(db, viewer, target.caseId);
  if (!current || current.service !== RF_SERVICE) return { fieldErrors: {}, formError: t("common.errors.notFoundTitle"), values };
  const result = await perform(db, viewer, target.caseId, "resubmit", { ...input, status: (current.data as { status: unknown }).status }, target.version);
  if (result.ok) redirect(`/${locale}/applications/${result.case.reference}?done=resubmitted`);
  // The page is drawn again at the version someone else left; what was typed stays in the form.
  if (result.error === "version_conflict") revalidatePath(`/${locale}/apply/refugee-renewal/correct/${current.reference}`);
  return filingState(t, result, changeFields, values);
}

/** RF-09: the refugee's complaint against a refusal, at the version they saw. */
export async function fileRefugeeComplaint(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { ok: false, fieldErrors: {}, formError: t("rf.apply.signedOut") };
  const version = Number(formText(formData, "version"));
  if (!Number.isInteger(version)) return { ok: false, fieldErrors: {}, formError: t("common.errors.genericTitle") };
  const result = await perform(await getDb(), viewer, formText(formData, "caseId"), "file_complaint", { grounds: formText(formData, "grounds") }, version);
  if (result.ok) redirect(`/${locale}/applications/${result.case.reference}`);
  if (result.error === "version_conflict") revalidatePath(`/${locale}/applications/${encodeURIComponent(formText(formData, "reference"))}`);
  return toActionState(t, result);
}
