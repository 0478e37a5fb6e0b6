"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/db";
import { getViewer } from "@/lib/dal/viewer";
import { resolveDuplicate } from "@/lib/engine/duplicates";
import { formLocale, formText } from "@/lib/forms/form-data";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Same person" / "not the same person" on one candidate of the case page's duplicate panel. */
export async function resolveDuplicateCandidate(formData: FormData): Promise<void> {
  const locale = await formLocale(formData);
  const caseId = formText(formData, "caseId");
  const candidateId = formText(formData, "candidateId");
  const outcome = formText(formData, "outcome");
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in`);
  if (!UUID.test(caseId)) redirect(`/${locale}/staff/queue`);
  const base = `/${locale}/staff/cases/${caseId}`;
  if (!UUID.test(candidateId) || (outcome !== "same_person" && outcome !== "not_same")) redirect(`${base}#duplicates-title`);

  const result = await resolveDuplicate(await getDb(), viewer, caseId, candidateId, outcome, Number(formText(formData, "version")));
  if (result.ok) redirect(`${base}?duplicate=resolved#duplicates-title`);
  const problem =
    result.error === "rule_violation"
      ? result.violations[0]!.messageKey
      : `common.errors.${result.error === "version_conflict" ? "versionConflict" : result.error === "not_found" ? "notFoundTitle" : "forbiddenTitle"}`;
  redirect(`${base}?duplicateError=${encodeURIComponent(problem)}#duplicates-title`);
}
