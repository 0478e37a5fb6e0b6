import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { consumeDraftInTx } from "@/lib/dal/drafts";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { TR_SERVICE } from "@/lib/services";
import { trSubmitEnvelope, trSubmitState, type TrSubmitState } from "./submit-state";

/** The server half of the wizard's submit actions: the caller has already checked who is signed in. */

export type Channel = "online" | "front_office";

function envelopeLocale(raw: unknown): Locale {
  const locale = (raw as { locale?: unknown } | null)?.locale;
  return typeof locale === "string" && isLocale(locale) ? locale : "kk";
}

/** A refusal that names no field (signed out, wrong role, malformed request): shown on the check page. */
export async function trFormError(raw: unknown, key: string): Promise<TrSubmitState> {
  const t = await getTranslations({ locale: envelopeLocale(raw) });
  return { ok: false, fieldErrors: {}, formError: t(key), page: "check" };
}

async function run(
  raw: unknown,
  channel: Channel,
  act: (data: unknown, idempotencyKey: string) => Promise<PerformResult>,
  redirectFor: (c: CaseSnapshot, locale: Locale) => string,
): Promise<TrSubmitState> {
  const envelope = trSubmitEnvelope.safeParse(raw);
  if (!envelope.success || envelope.data.channel !== channel) return trFormError(raw, "tr.form.invalidRequest");
  const { locale, data, idempotencyKey } = envelope.data;
  const result = await act(data, idempotencyKey);
  const t = await getTranslations({ locale });
  const state = trSubmitState(t, result, locale);
  return result.ok ? { ...state, redirectTo: redirectFor(result.case, locale) } : state;
}

/**
 * Files and submits a new application; a repeated idempotency key returns the case filed first.
 * An applicant's key is their draft's id: the draft is deleted in the filing's own transaction.
 */
export async function fileTrApplication(
  viewer: Viewer,
  raw: unknown,
  channel: Channel,
  redirectFor: (c: CaseSnapshot, locale: Locale) => string,
  opts: { fromDraft?: boolean } = {},
): Promise<TrSubmitState> {
  return run(
    raw,
    channel,
    async (data, idempotencyKey) =>
      createCase(await getDb(), viewer, TR_SERVICE, data, {
        channel,
        submit: true,
        idempotencyKey,
        inTransaction: opts.fromDraft ? (tx) => consumeDraftInTx(tx, viewer, TR_SERVICE) : undefined,
      }),
    redirectFor,
  );
}

/** Sends a corrected application back (the "resubmit" action) at the version the user saw. */
export async function resubmitTrCase(
  viewer: Viewer,
  target: { caseId: string; version: number },
  raw: unknown,
  channel: Channel,
  redirectFor: (c: CaseSnapshot, locale: Locale) => string,
): Promise<TrSubmitState> {
  if (typeof target?.caseId !== "string" || !Number.isInteger(target.version)) return trFormError(raw, "tr.form.invalidRequest");
  return run(raw, channel, async (data) => perform(await getDb(), viewer, target.caseId, "resubmit", data, target.version), redirectFor);
}
