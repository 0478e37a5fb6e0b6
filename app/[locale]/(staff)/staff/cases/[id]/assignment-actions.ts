"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getViewer } from "@/lib/dal/viewer";
import { assignCase, claimCase, releaseCase } from "@/lib/engine/assign";
import type { PerformResult } from "@/lib/engine/types";
import { formLocale, formText } from "@/lib/forms/form-data";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Where the case page goes after an assignment change: a notice of what happened, or why not. */
function outcomePath(locale: string, caseId: string, result: PerformResult, done: string): string {
  const base = `/${locale}/staff/cases/${caseId}`;
  if (result.ok) return `${base}?assignment=${done}`;
  const problem = result.error === "rule_violation" ? result.violations[0]!.messageKey : `common.errors.${result.error === "version_conflict" ? "versionConflict" : result.error === "not_found" ? "notFoundTitle" : "forbiddenTitle"}`;
  return `${base}?assignmentError=${encodeURIComponent(problem)}`;
}

/** Take, release or assign a case; one server action for the three small forms of the case page. */
export async function changeAssignment(formData: FormData): Promise<void> {
  const locale = await formLocale(formData);
  const caseId = formText(formData, "caseId");
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in`);
  if (!UUID.test(caseId)) redirect(`/${locale}/staff/queue`);
  const version = Number(formText(formData, "version"));
  const db = await getDb();
  const op = formText(formData, "op");
  let result: PerformResult;
  if (op === "claim") result = await claimCase(db, viewer, caseId, version);
  else if (op === "release") result = await releaseCase(db, viewer, caseId, version);
  else {
    const assigneeId = formText(formData, "assigneeId");
    if (!UUID.test(assigneeId)) redirect(`/${locale}/staff/cases/${caseId}?assignmentError=${encodeURIComponent("rules.assigneeNotEntitled")}`);
    result = await assignCase(db, viewer, caseId, assigneeId, version, formText(formData, "reason").trim() || null);
  }
  redirect(outcomePath(locale, caseId, result, op === "claim" ? "claimed" : op === "release" ? "released" : "assigned"));
}
