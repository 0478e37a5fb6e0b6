/** What a form's server action returns to it. Messages are already translated. */
export interface FormState {
  /** First error per field, keyed by field name. */
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** What was typed, to put back into the form (a checkbox group as a list); never a password. */
  values: Record<string, string | string[]>;
}

export const initialFormState: FormState = { fieldErrors: {}, formError: null, values: {} };

/** A typed value back from the state: a text field wants a string, a checkbox group a list. */
export function valueOf(state: FormState, name: string, fallback = ""): string {
  const v = state.values[name];
  return typeof v === "string" ? v : fallback;
}

export function listOf(state: FormState, name: string, fallback: readonly string[] = []): string[] {
  const v = state.values[name];
  return Array.isArray(v) ? v : [...fallback];
}
