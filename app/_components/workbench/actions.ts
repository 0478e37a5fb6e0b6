"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { getViewer } from "@/lib/dal/viewer";
import { approveProposal, rejectProposal, withdrawProposal } from "@/lib/engine/approvals";
import { extendDeadline } from "@/lib/engine/extend-deadline";
import { toActionState } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";
import type { WorkbenchFormState } from "./form-state";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A supervisor extends the deadline of one case (the engine checks role, version and bounds). */
export async function extendDeadlineFromForm(prev: WorkbenchFormState, formData: FormData): Promise<WorkbenchFormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const seq = prev.seq + 1;
  const mode = formText(formData, "mode") === "days" ? "days" : "date";
  const values = { reason: formText(formData, "reason"), [mode === "date" ? "newDueOn" : "addDays"]: formText(formData, mode === "date" ? "newDueOn" : "addDays") };
  const caseId = formText(formData, "caseId");
  const viewer = await getViewer();
  if (!viewer) return { ok: false, fieldErrors: {}, formError: t("staff.case.signedOut"), values, seq };
  if (!UUID.test(caseId)) return { ok: false, fieldErrors: {}, formError: t("common.errors.notFoundTitle"), values, seq };

  const raw = mode === "date" ? values.newDueOn : values.addDays;
  const input = {
    reason: values.reason,
    // Empty stays out so the engine reports "required"; a number that does not parse goes as typed.
    ...(raw ? (mode === "date" ? { newDueOn: raw } : { addDays: /^\d+$/.test(raw) ? Number(raw) : raw }) : {}),
  };
  const version = Number(formText(formData, "version"));
  const result = await extendDeadline(await getDb(), viewer, caseId, input, Number.isInteger(version) ? version : -1);
  const casePath = `/${locale}/staff/cases/${caseId}`;
  if (result.ok) redirect(`${casePath}?deadline=extended&v=${result.case.version}`);
  if (result.error === "version_conflict") revalidatePath(casePath);
  const state = toActionState(t, result);
  return { ...state, values, seq };
}

/**
 * Approve, send back or withdraw one proposal. Server actions are public endpoints: the engine
 * checks the viewer's role, the case's visibility and that nobody approves their own proposal.
 */
export async function decideApproval(prev: WorkbenchFormState, formData: FormData): Promise<WorkbenchFormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const seq = prev.seq + 1;
  const values = { reason: formText(formData, "reason") };
  const viewer = await getViewer();
  if (!viewer) return { ok: false, fieldErrors: {}, formError: t("staff.case.signedOut"), values, seq };

  const approvalId = formText(formData, "approvalId");
  const decision = formText(formData, "decision");
  const db = await getDb();
  const result =
    decision === "approve"
      ? await approveProposal(db, viewer, approvalId)
      : decision === "reject"
        ? await rejectProposal(db, viewer, approvalId, values.reason)
        : await withdrawProposal(db, viewer, approvalId);

  const inbox = `/${locale}/staff/approvals`;
  if (result.ok) {
    const done = decision === "approve" ? "approved" : decision === "reject" ? "rejected" : "withdrawn";
    const to = formText(formData, "returnTo") === "case" ? `/${locale}/staff/cases/${result.case.id}` : inbox;
    redirect(`${to}?approval=${done}&ref=${encodeURIComponent(result.case.reference)}`);
  }
  revalidatePath(inbox);
  const state = toActionState(t, result);
  // A stale proposal is the usual conflict: say what to do about it.
  if (result.error === "version_conflict") return { ...state, formError: t("approvals.errors.stale"), conflict: true, values, seq };
  return { ...state, values, seq };
}
