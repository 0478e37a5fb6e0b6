"use server";

import { randomUUID } from "node:crypto";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db";
import { discardDraft, myDraft, saveDraft, type Draft } from "@/lib/dal/drafts";
import { getViewer } from "@/lib/dal/viewer";
import { formLocale, formText } from "@/lib/forms/form-data";
import { NOT_ANSWERS, saveDraftInput, type DraftSnapshot, type SaveDraftInput, type SaveDraftOutcome } from "./schema";
import { DRAFT_SERVICES } from "./services";

/** Server actions are public endpoints: each loads the viewer again; the DAL keeps to their own drafts. */

function snapshot(d: Draft | null): DraftSnapshot | null {
  return d ? { id: d.id, version: d.version, step: d.step, data: d.data as Record<string, unknown> } : null;
}

/** Saves a wizard step (or a form's progress) of the signed-in applicant. */
export async function saveDraftAction(raw: SaveDraftInput): Promise<SaveDraftOutcome> {
  const parsed = saveDraftInput.safeParse(raw);
  if (!parsed.success || !(parsed.data.service in DRAFT_SERVICES)) return { ok: false, error: "invalid" };
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant") return { ok: false, error: "signed_out" };
  const result = await saveDraft(await getDb(), viewer, parsed.data);
  if (result.ok) return { ok: true, version: result.draft.version };
  if (result.error === "conflict") return { ok: false, error: "conflict", draft: snapshot(result.draft) };
  return { ok: false, error: result.error === "forbidden" ? "signed_out" : "too_large" };
}

/**
 * "Save and continue later" on a single-page form: keeps every posted answer (files cannot be kept)
 * and leads to My applications, where the draft waits. Works without JavaScript.
 */
export async function saveFormDraftAction(formData: FormData): Promise<void> {
  const locale = await formLocale(formData);
  const service = formText(formData, "draftService");
  const viewer = await getViewer();
  if (!viewer || viewer.kind !== "user" || viewer.role !== "applicant" || !(service in DRAFT_SERVICES)) redirect(`/${locale}/sign-in`);
  // Every field as a list: the form knows which of its fields are checkbox groups.
  const data: Record<string, string[]> = {};
  for (const name of new Set(formData.keys())) {
    if (NOT_ANSWERS.has(name) || name.startsWith("$")) continue;
    const values = formData.getAll(name).filter((v): v is string => typeof v === "string");
    if (values.length) data[name] = values;
  }
  const db = await getDb();
  const posted = z.uuid().safeParse(formText(formData, "draftId"));
  const id = posted.success ? posted.data : randomUUID();
  const seen = Number(formText(formData, "draftVersion"));
  // A single-page form holds every answer: the latest save is the whole draft, whichever device made it.
  const current = await myDraft(db, viewer, service);
  const result = await saveDraft(db, viewer, {
    id: current?.id ?? id,
    service,
    step: null,
    data,
    expectedVersion: current ? current.version : Number.isInteger(seen) && seen > 0 ? seen : null,
  });
  redirect(`/${locale}/applications?draft=${result.ok ? "saved" : "notSaved"}`);
}

export async function discardDraftAction(formData: FormData): Promise<void> {
  const locale = await formLocale(formData);
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in`);
  const id = z.uuid().safeParse(formText(formData, "id"));
  const done = id.success && (await discardDraft(await getDb(), viewer, id.data));
  redirect(`/${locale}/applications?draft=${done ? "discarded" : "notDiscarded"}`);
}
