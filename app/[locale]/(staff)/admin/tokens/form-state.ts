import { initialFormState, type FormState } from "@/app/_components/form-state";

/** What the issue-token action returns to its form. Messages are already translated. */
export interface IssueTokenState extends FormState {
  /** Present once, right after issuing: the only time the token itself is shown. */
  issued: { heading: string; token: string } | null;
}

export const initialIssueTokenState: IssueTokenState = { ...initialFormState, issued: null };
