import { z } from "zod";
import type { PerformResult } from "@/lib/engine/types";
import { toActionState, type ActionState, type Translate } from "@/lib/forms/action-state";
import { LOCALES } from "@/lib/i18n/routing";
import type { TrApplicationInput } from "@/lib/services/temporary-registration/schema";
import { formatDateValues } from "./format";
import { firstPageWithError, stepOfPath, unplacedErrors, type WizardPage } from "./step-errors";

/** What the wizard sends to a submit action. The application itself is validated by the engine. */
export const trSubmitEnvelope = z.object({
  data: z.unknown(),
  idempotencyKey: z.uuid(),
  channel: z.enum(["online", "front_office"]),
  locale: z.enum(LOCALES),
});
export type TrSubmitInput = { data: TrApplicationInput; idempotencyKey: string; channel: "online" | "front_office"; locale: string };

/** The outcome shown by the wizard: errors by dotted field path and the page to go back to. */
export interface TrSubmitState extends ActionState {
  page: WizardPage;
}

type Translator = Translate & { has?: (key: string) => boolean };

/**
 * Maps an engine outcome to wizard state: field errors and rule violations that name a field go to
 * that field's step (the first such step is shown), dates in rule messages are formatted for the
 * reader, and errors without a field are shown on the check-your-answers page.
 */
export function trSubmitState(t: Translator, result: PerformResult, locale: string): TrSubmitState {
  const withDates = Object.assign((key: string, values?: Record<string, string | number>) => t(key, formatDateValues(values, locale)), {
    has: t.has ? (key: string) => t.has!(key) : undefined,
  });
  const state = toActionState(withDates, result);
  if (state.ok) return { ...state, page: "check" };
  const placed = Object.fromEntries(Object.entries(state.fieldErrors).filter(([path]) => stepOfPath(path) !== null));
  const general = [state.formError, ...unplacedErrors(state.fieldErrors)].filter((m): m is string => !!m);
  return { ...state, fieldErrors: placed, formError: general.length ? general.join(" ") : null, page: firstPageWithError(placed) };
}
