import type { ActionState } from "@/lib/forms/action-state";

/** Form state of the case page: which action's form answered, and what was typed into it. */
export interface CaseActionState extends ActionState {
  action: string | null;
  /** What the user typed (field name → value), put back into the form after an error. */
  values: Record<string, string>;
  /** Bumped on every answer, so the forms are rebuilt from `values` rather than reset by the browser. */
  seq: number;
}

export const INITIAL_CASE_ACTION_STATE: CaseActionState = { ok: false, fieldErrors: {}, formError: null, action: null, values: {}, seq: 0 };
