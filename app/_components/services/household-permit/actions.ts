"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { FormState } from "@/app/_components/form-state";
import { endContractAsEmployer, registerContractAsEmployer } from "@/lib/dal/household-permits";
import { getViewer } from "@/lib/dal/viewer";
import { consumeDraftInTx } from "@/lib/dal/drafts";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { PerformResult } from "@/lib/engine/types";
import { formLocale, formText } from "@/lib/forms/form-data";
import { HP_SERVICE } from "@/lib/services";
import { confirmPermitPayment } from "@/lib/services/household-permit/payment";
import { APPLICATION_FIELDS, applicationFromForm, outcomeState, typedValues } from "./form-data";

/**
 * Server actions of the household-permit pages. Each is a public endpoint: the viewer is loaded
 * again here and the engine checks who may do what; nothing is decided from the posted form.
 */

async function signedOut(locale: string, values: FormState["values"]): Promise<FormState> {
  const t = await getTranslations({ locale });
  return { fieldErrors: {}, formError: t("hp.apply.signedOut"), values };
}

/** Files the signed-in applicant's own application online, or a clerk's for a walk-in applicant. */
export async function fileHouseholdPermit(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const values = typedValues(formData, APPLICATION_FIELDS);
  const viewer = await getViewer();
  const channel = viewer?.role === "clerk" || viewer?.role === "officer" || viewer?.role === "supervisor" ? "front_office" : "online";
  if (!viewer || viewer.kind !== "user" || !["applicant", "clerk", "officer", "supervisor"].includes(viewer.role)) return signedOut(locale, values);
  // An applicant's form carries its draft's id: the filing's idempotency key, and the draft goes with the filing.
  const draftId = channel === "online" ? z.uuid().safeParse(formText(formData, "draftId")) : null;
  const fromDraft = draftId?.success ? draftId.data : undefined;
  const result = await createCase(await getDb(), viewer, HP_SERVICE, applicationFromForm(formData), {
    channel,
    submit: true,
    idempotencyKey: fromDraft,
    inTransaction: fromDraft ? (tx) => consumeDraftInTx(tx, viewer, HP_SERVICE) : undefined,
  });
  if (!result.ok) return outcomeState(locale, result, values);
  redirect(channel === "online" ? `/${locale}/applications/${result.case.reference}?done=filed` : `/${locale}/staff/cases/${result.case.id}`);
}

const APPLICANT_ACTIONS = {
  confirm_payment: { fields: ["paymentReference"], done: "paid" },
  register_contract: { fields: ["iin", "name", "phone", "region", "address"], done: "contract" },
  end_contract: { fields: ["reason"], done: "ended" },
  request_extension: { fields: ["months", "insuranceValidUntil"], done: "extension" },
} as const satisfies Record<string, { fields: readonly string[]; done: string }>;

/** One of the applicant's actions on their own permit case (the engine checks ownership). */
export async function householdPermitAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const name = formText(formData, "action");
  const spec = APPLICANT_ACTIONS[name as keyof typeof APPLICANT_ACTIONS];
  const values = spec ? typedValues(formData, spec.fields) : {};
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return signedOut(locale, values);
  if (!spec) return outcomeState(locale, { ok: false, error: "not_found" }, values);

  const caseId = formText(formData, "caseId");
  const version = Number(formText(formData, "version"));
  const input = Object.fromEntries(spec.fields.map((f) => [f, formText(formData, f)]));
  const db = await getDb();
  const result: PerformResult =
    name === "confirm_payment" ? await confirmPermitPayment(db, viewer, caseId, formText(formData, "paymentReference")) : await perform(db, viewer, caseId, name, input, version);
  if (!result.ok) return outcomeState(locale, result, values);
  redirect(`/${locale}/applications/${result.case.reference}?done=${spec.done}`);
}

/** The householder ends a contract that names their verified IIN. */
export async function endContractByEmployer(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const values = typedValues(formData, ["reason"]);
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return signedOut(locale, values);
  const result = await endContractAsEmployer(await getDb(), viewer, formText(formData, "contractId"), formText(formData, "reason"));
  if (!result.ok) return outcomeState(locale, result, values);
  redirect(`/${locale}/employer?done=ended`);
}

const EMPLOYER_REGISTRATION_FIELDS = ["permitNumber", "holderBirthDate", "name", "phone", "region", "address"] as const;

/** The householder registers a contract with a permit holder, under their own verified IIN. */
export async function registerContractByEmployer(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const values = typedValues(formData, EMPLOYER_REGISTRATION_FIELDS);
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return signedOut(locale, values);
  const input = Object.fromEntries(EMPLOYER_REGISTRATION_FIELDS.map((f) => [f, formText(formData, f)])) as Record<(typeof EMPLOYER_REGISTRATION_FIELDS)[number], string>;
  const result = await registerContractAsEmployer(await getDb(), viewer, input);
  if (!result.ok) return outcomeState(locale, result, values);
  redirect(`/${locale}/employer?done=registered`);
}
