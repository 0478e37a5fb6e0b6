"use server";

import { fileTrApplication, trFormError } from "@/app/_components/tr-wizard/file";
import type { TrSubmitInput, TrSubmitState } from "@/app/_components/tr-wizard/submit-state";
import { getViewer } from "@/lib/dal/viewer";

const FILING_ROLES = new Set(["clerk", "officer", "supervisor"]);

/**
 * Front-office filing for a walk-in applicant. The viewer is loaded again (actions are public
 * endpoints); the engine checks that the address lies in one of the staff member's regions.
 */
export async function fileTrApplicationForApplicant(input: TrSubmitInput): Promise<TrSubmitState> {
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || !FILING_ROLES.has(viewer.role)) return trFormError(input, "tr.form.signedOut");
  return fileTrApplication(viewer, input, "front_office", (c, locale) => `/${locale}/staff/cases/${c.id}`);
}
