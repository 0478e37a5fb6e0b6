import { z } from "zod";

/** What a form sends to save its draft; the service must be one the applicant can apply for. */
export const saveDraftInput = z.object({
  id: z.uuid(),
  service: z.string().min(1).max(64),
  step: z.string().max(32).nullable(),
  data: z.record(z.string(), z.unknown()),
  expectedVersion: z.number().int().positive().nullable(),
});
export type SaveDraftInput = z.input<typeof saveDraftInput>;

/** A draft as the browser gets it back. */
export interface DraftSnapshot {
  id: string;
  version: number;
  step: string | null;
  data: Record<string, unknown>;
}

export type SaveDraftOutcome =
  | { ok: true; version: number }
  | { ok: false; error: "conflict"; draft: DraftSnapshot | null }
  | { ok: false; error: "invalid" | "signed_out" | "too_large" };

/** Posted fields that belong to the form's machinery, not to the applicant's answers. */
export const NOT_ANSWERS = new Set(["locale", "draftId", "draftVersion", "draftService"]);

/** A draft's answers (every field a list) as form values: checkbox groups stay lists. */
export function draftFormValues(data: unknown, listFields: ReadonlySet<string> = new Set()): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (typeof data !== "object" || data === null) return out;
  for (const [name, value] of Object.entries(data)) {
    const list = Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];
    out[name] = listFields.has(name) ? list : (list[0] ?? "");
  }
  return out;
}
