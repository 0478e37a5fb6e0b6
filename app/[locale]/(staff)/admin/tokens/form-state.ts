/** What the issue-token action returns to its form. Messages are already translated. */
export interface IssueTokenState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  values: { name?: string; userId?: string; scopes?: string[]; expiresOn?: string };
  /** Present once, right after issuing: the only time the token itself is shown. */
  issued: { heading: string; token: string } | null;
}

export const initialIssueTokenState: IssueTokenState = { fieldErrors: {}, formError: null, values: {}, issued: null };
