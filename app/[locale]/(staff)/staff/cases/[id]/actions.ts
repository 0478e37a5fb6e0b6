"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import type { CaseActionState } from "@/app/_components/staff/case-action-state";
import { ACTING_ROLES } from "@/lib/auth/roles";
import { getViewer, hasRole } from "@/lib/dal/viewer";
import { perform } from "@/lib/engine/perform";
import { getService } from "@/lib/engine/registry";
import type { ActionForm } from "@/lib/engine/types";
import { toActionState } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The typed values of the form's own fields, to put back after an error. */
function valuesOf(formData: FormData, form: ActionForm): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of form.fields) {
    const v = formText(formData, field.name);
    if (v) out[field.name] = v;
  }
  return out;
}

/** Engine input from the form; empty fields are left out so that a missing required one reads "required". */
function inputOf(form: ActionForm, values: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of form.fields) {
    const raw = values[field.name];
    if (field.kind === "checkbox") input[field.name] = raw === "on";
    else if (raw === undefined) continue;
    // A number that does not parse goes to the engine as typed, so its schema reports the field.
    else if (field.kind === "number") input[field.name] = /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    else input[field.name] = raw;
  }
  return input;
}

/**
 * Performs one staff action on one case, with the input the service's form declaration describes.
 * The form carries the case version it was rendered with: when someone else acted first the engine
 * answers version_conflict, and the page is re-rendered with the latest state while the form keeps
 * what was typed. The service named by the form only chooses how to read the fields; the engine
 * acts on the case's real service and validates the input against it.
 */
export async function performCaseAction(prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const seq = prev.seq + 1;
  const action = formText(formData, "action");
  const caseId = formText(formData, "caseId");
  const form = getService(formText(formData, "service"))?.actions[action]?.form;
  if (!form || !UUID.test(caseId)) {
    return { ok: false, fieldErrors: {}, formError: t("staff.case.unknownAction"), action: null, values: {}, seq };
  }
  const values = valuesOf(formData, form);
  const base = { action, values, seq };

  // Server actions are public endpoints: the viewer is loaded and checked here, not trusted from the page.
  const viewer = await getViewer();
  if (!viewer) return { ok: false, fieldErrors: {}, formError: t("staff.case.signedOut"), ...base };
  if (!hasRole(viewer, ACTING_ROLES)) return { ok: false, fieldErrors: {}, formError: t("common.errors.forbiddenTitle"), ...base };

  const version = Number(formText(formData, "version"));
  const result = await perform(await getDb(), viewer, caseId, action, inputOf(form, values), Number.isInteger(version) ? version : -1);
  const casePath = `/${locale}/staff/cases/${caseId}`;
  if (result.ok) redirect(`${casePath}?done=${action}&v=${result.case.version}`);
  // Four-eyes: recorded as a proposal; the page shows it waiting for approval.
  if (result.error === "approval_requested") redirect(`${casePath}?proposed=${action}&v=${result.case.version}`);
  // The page is rendered again with the state someone else left; this form's state stays.
  if (result.error === "version_conflict") revalidatePath(casePath);

  const state = toActionState(t, result, [action]);
  // A rule may name a field this form does not have (e.g. the visa on the application): say it at the top.
  const own = new Set(form.fields.map((f) => `${action}.${f.name}`));
  const fieldErrors: Record<string, string> = {};
  const elsewhere: string[] = state.formError ? [state.formError] : [];
  for (const [path, message] of Object.entries(state.fieldErrors)) {
    if (own.has(path)) fieldErrors[path] = message;
    else elsewhere.push(message);
  }
  return { ...state, fieldErrors, formError: elsewhere.length ? elsewhere.join(" ") : null, ...base };
}
