/** What an admin form action returns to its form. Messages are already translated. */
export interface AdminFormState {
  /** First error per field, keyed by field name. */
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** What was typed, to put back into the form; never a password. */
  values: Record<string, string | string[]>;
}

export const initialAdminFormState: AdminFormState = { fieldErrors: {}, formError: null, values: {} };

/** A typed value back from the state: a text field wants a string, a checkbox group a list. */
export function valueOf(state: AdminFormState, name: string, fallback = ""): string {
  const v = state.values[name];
  return typeof v === "string" ? v : fallback;
}

export function listOf(state: AdminFormState, name: string, fallback: readonly string[] = []): string[] {
  const v = state.values[name];
  return Array.isArray(v) ? v : [...fallback];
}
