"use server";

import { fileTrApplication, trFormError } from "@/app/_components/tr-wizard/file";
import type { TrSubmitInput, TrSubmitState } from "@/app/_components/tr-wizard/submit-state";
import { getViewer } from "@/lib/dal/viewer";

/**
 * Files and submits an applicant's own application online. A server action is a public endpoint:
 * the viewer is loaded again here, and the engine validates the data with the form's schema.
 */
export async function submitTrApplication(input: TrSubmitInput): Promise<TrSubmitState> {
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return trFormError(input, "tr.form.signedOut");
  return fileTrApplication(viewer, input, "online", (c, locale) => `/${locale}/applications/${c.reference}/confirmation`, { fromDraft: true });
}
