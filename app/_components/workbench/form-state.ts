/** State of the small workbench forms (deadline extension, approval decisions). */
export interface WorkbenchFormState {
  ok: boolean;
  /** Field name → translated message. */
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** The case changed under the user: shown as a notice rather than an error summary. */
  conflict?: boolean;
  /** What was typed, put back after an error. */
  values: Record<string, string>;
  seq: number;
}

export const INITIAL_WORKBENCH_STATE: WorkbenchFormState = { ok: false, fieldErrors: {}, formError: null, values: {}, seq: 0 };
