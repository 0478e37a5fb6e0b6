/** What the sign-in and sign-up actions return to their forms. Messages are already translated. */
export interface AuthFormState {
  /** First error per field, keyed by field name. */
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** What the user typed, to put back into the form; never a password. */
  values: Record<string, string>;
}

export const initialAuthFormState: AuthFormState = { fieldErrors: {}, formError: null, values: {} };
