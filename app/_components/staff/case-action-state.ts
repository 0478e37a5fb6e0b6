import type { ActionState } from "@/lib/forms/action-state";

/**
 * The staff actions the case page has a form for, and each form's input fields. Actions that edit
 * the whole application (update_draft, resubmit) belong to the filing form, not here; system-only
 * actions (expire, flag_overstay) are never offered to staff by the engine.
 */
export const CASE_ACTION_FIELDS = {
  start_review: [],
  return_for_correction: ["reason"],
  register: ["validUntil"],
  refuse: ["reasonCode", "reason"],
  set_protection: ["protected", "reason"],
  record_departure: ["departureDate", "reason"],
  cancel_registration: ["reason"],
  submit: [],
  withdraw: ["reason"],
} as const satisfies Record<string, readonly string[]>;

export type CaseActionName = keyof typeof CASE_ACTION_FIELDS;

export const CASE_ACTIONS = Object.keys(CASE_ACTION_FIELDS) as CaseActionName[];

export function isCaseAction(value: unknown): value is CaseActionName {
  return typeof value === "string" && Object.hasOwn(CASE_ACTION_FIELDS, value);
}

/** Form state of the case page: which form answered, and what was typed into it. */
export interface CaseActionState extends ActionState {
  action: CaseActionName | null;
  /** What the user typed (field name → value), put back into the form after an error. */
  values: Record<string, string>;
  /** Bumped on every answer, so the forms are rebuilt from `values` rather than reset by the browser. */
  seq: number;
}

export const INITIAL_CASE_ACTION_STATE: CaseActionState = { ok: false, fieldErrors: {}, formError: null, action: null, values: {}, seq: 0 };
