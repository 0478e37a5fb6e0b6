"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_components/form-state";
import { getDb } from "@/db";
import { getViewer } from "@/lib/dal/viewer";
import { requestBreakGlass, reviewGrant } from "@/lib/engine/break-glass";
import { translateMessage } from "@/lib/forms/action-state";
import { formLocale, formText } from "@/lib/forms/form-data";

/**
 * Opens a case of another region with a reason. A server action is a public endpoint: the engine
 * checks the role; on success the officer lands on the case page, which reads it under the grant.
 */
export async function openWithBreakGlass(_prev: FormState, formData: FormData): Promise<FormState> {
  const locale = await formLocale(formData);
  const t = await getTranslations({ locale });
  const values = { reference: formText(formData, "reference"), reason: formText(formData, "reason") };
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in`);
  const result = await requestBreakGlass(await getDb(), viewer, values);
  if (result.ok) redirect(`/${locale}/staff/cases/${result.reference}`);
  switch (result.error) {
    case "validation_failed": {
      const fieldErrors: Record<string, string> = {};
      for (const issue of result.issues) fieldErrors[String(issue.path[0])] ??= translateMessage(t, issue.message);
      return { fieldErrors, formError: null, values };
    }
    case "too_many_requests":
      return { fieldErrors: {}, formError: t("integrity.breakGlass.tooMany"), values };
    case "forbidden":
      return { fieldErrors: {}, formError: t("common.errors.forbiddenTitle"), values };
    case "not_found":
      return { fieldErrors: {}, formError: t("integrity.breakGlass.notFound"), values };
  }
}

/** A supervisor's review of one grant: justified or not, with an optional note. */
export async function reviewBreakGlass(formData: FormData): Promise<void> {
  const locale = await formLocale(formData);
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in`);
  const result = await reviewGrant(await getDb(), viewer, {
    grantId: formText(formData, "grantId"),
    outcome: formText(formData, "outcome"),
    note: formText(formData, "note"),
  });
  redirect(`/${locale}/staff/break-glass/review?${result.ok ? "done=1" : "failed=1"}`);
}
