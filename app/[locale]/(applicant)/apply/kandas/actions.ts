"use server";

import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { kdResubmitTarget, kdSubmitEnvelope, type KdSubmitInput, type KdSubmitState } from "@/app/_components/services/kandas/apply-types";
import { getViewer } from "@/lib/dal/viewer";
import { consumeDraftInTx } from "@/lib/dal/drafts";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { PerformResult } from "@/lib/engine/types";
import { toActionState } from "@/lib/forms/action-state";
import { isLocale } from "@/lib/i18n/routing";
import { KD_SERVICE } from "@/lib/services/ids";
import { formatDateValues } from "@/app/_components/tr-wizard/format";

/**
 * Files and submits a kandas application online. A server action is a public endpoint: the viewer
 * is loaded again here and the engine validates the data with the form's schema and the rules.
 */
export async function submitKandasApplication(input: KdSubmitInput): Promise<KdSubmitState> {
  const locale = isLocale(input?.locale) ? input.locale : "kk";
  const t = await getTranslations({ locale });
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { ok: false, fieldErrors: {}, formError: t("kd.apply.signedOut") };
  const envelope = kdSubmitEnvelope.safeParse(input);
  if (!envelope.success) return { ok: false, fieldErrors: {}, formError: t("kd.apply.invalidRequest") };
  // The key is the draft's id; the draft goes in the filing's transaction.
  const result = await createCase(await getDb(), viewer, KD_SERVICE, envelope.data.data, {
    channel: "online",
    submit: true,
    idempotencyKey: envelope.data.idempotencyKey,
    inTransaction: (tx) => consumeDraftInTx(tx, viewer, KD_SERVICE),
  });
  return stateOf(result, locale, "");
}

/** Sends a corrected application back to the akimat (the "resubmit" action) at the version the applicant saw. */
export async function resubmitKandasApplication(target: { caseId: string; version: number }, input: KdSubmitInput): Promise<KdSubmitState> {
  const locale = isLocale(input?.locale) ? input.locale : "kk";
  const t = await getTranslations({ locale });
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { ok: false, fieldErrors: {}, formError: t("kd.apply.signedOut") };
  const parsedTarget = kdResubmitTarget.safeParse(target);
  const envelope = kdSubmitEnvelope.safeParse(input);
  if (!parsedTarget.success || !envelope.success) return { ok: false, fieldErrors: {}, formError: t("kd.apply.invalidRequest") };
  const result = await perform(await getDb(), viewer, parsedTarget.data.caseId, "resubmit", envelope.data.data, parsedTarget.data.version);
  return stateOf(result, locale, "?done=resubmitted");
}

async function stateOf(result: PerformResult, locale: string, query: string): Promise<KdSubmitState> {
  const t = await getTranslations({ locale });
  const withDates = Object.assign((key: string, values?: Record<string, string | number>) => t(key as never, formatDateValues(values, locale) as never), { has: (key: string) => t.has(key as never) });
  const state = toActionState(withDates, result);
  return result.ok ? { ...state, redirectTo: `/${locale}/applications/${result.case.reference}${query}` } : state;
}
