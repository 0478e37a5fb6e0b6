"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { CASE_ACTION_FIELDS, isCaseAction, type CaseActionName, type CaseActionState } from "@/app/_components/staff/case-action-state";
import { getViewer, hasRole } from "@/lib/dal/viewer";
import { ACTING_ROLES } from "@/lib/auth/roles";
import { perform } from "@/lib/engine/perform";
import { toActionState } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The typed values of the form's own fields, to put back after an error. */
function valuesOf(formData: FormData, action: CaseActionName): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of CASE_ACTION_FIELDS[action]) {
    const v = formText(formData, field);
    if (v) out[field] = v;
  }
  return out;
}

/** Engine input from the form; empty fields are left out so that a missing required one reads "required". */
function inputOf(action: CaseActionName, values: Record<string, string>): Record<string, unknown> {
  if (action === "set_protection") return { protected: values.protected === "on", ...(values.reason ? { reason: values.reason } : {}) };
  return Object.fromEntries(CASE_ACTION_FIELDS[action].filter((f) => values[f]).map((f) => [f, values[f]]));
}

/**
 * Performs one staff action on one case. The form carries the case version it was rendered with:
 * when someone else acted first the engine answers version_conflict, and the page is re-rendered
 * with the latest state while the form keeps what was typed.
 */
export async function performCaseAction(prev: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const seq = prev.seq + 1;
  const action = formText(formData, "action");
  const caseId = formText(formData, "caseId");
  if (!isCaseAction(action) || !UUID.test(caseId)) {
    return { ok: false, fieldErrors: {}, formError: t("staff.case.unknownAction"), action: null, values: {}, seq };
  }
  const values = valuesOf(formData, action);
  const base = { action, values, seq };

  // Server actions are public endpoints: the viewer is loaded and checked here, not trusted from the page.
  const viewer = await getViewer();
  if (!viewer) return { ok: false, fieldErrors: {}, formError: t("staff.case.signedOut"), ...base };
  if (!hasRole(viewer, ACTING_ROLES)) return { ok: false, fieldErrors: {}, formError: t("common.errors.forbiddenTitle"), ...base };

  const version = Number(formText(formData, "version"));
  const result = await perform(await getDb(), viewer, caseId, action, inputOf(action, values), Number.isInteger(version) ? version : -1);
  const casePath = `/${locale}/staff/cases/${caseId}`;
  if (result.ok) redirect(`${casePath}?done=${action}&v=${result.case.version}`);
  // The page is rendered again with the state someone else left; this form's state stays.
  if (result.error === "version_conflict") revalidatePath(casePath);

  const state = toActionState(t, result, [action]);
  // A rule may name a field this form does not have (e.g. the visa on the application): say it at the top.
  const own = new Set(CASE_ACTION_FIELDS[action].map((f) => `${action}.${f}`));
  const fieldErrors: Record<string, string> = {};
  const elsewhere: string[] = state.formError ? [state.formError] : [];
  for (const [path, message] of Object.entries(state.fieldErrors)) {
    if (own.has(path)) fieldErrors[path] = message;
    else elsewhere.push(message);
  }
  return { ...state, fieldErrors, formError: elsewhere.length ? elsewhere.join(" ") : null, ...base };
}
