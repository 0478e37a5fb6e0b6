/** What the public status check returns to its form. Every string is already translated. */
export interface StatusResultView {
  reference: string;
  /** Null for a refugee case: not even the service is named. */
  serviceName: string | null;
  statusLabel: string;
  nextStep: string;
  /** The decision due date, when a decision is pending. */
  decisionDue: { date: string; text: string } | null;
  updatedAt: { instant: string; text: string } | null;
}

export interface StatusFormState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** What the user typed, put back into the form when the page is rendered without JavaScript. */
  values: { reference: string; documentNumber: string };
  result: StatusResultView | null;
  /** No case matches the reference and passport number (which of the two is wrong is not said). */
  notFound: boolean;
}

export const initialStatusFormState: StatusFormState = {
  fieldErrors: {},
  formError: null,
  values: { reference: "", documentNumber: "" },
  result: null,
  notFound: false,
};
