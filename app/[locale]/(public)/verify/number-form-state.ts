import type { Verdict, VerdictText } from "./verdict-panel";

/** What the number + date-of-birth check returns to its form. Every string is already translated. */
export interface NumberCheckState {
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** What was typed, put back when the page is rendered without JavaScript. */
  values: { number: string; birthDate: string };
  answer: { verdict: Verdict; text: VerdictText } | null;
}

export const initialNumberCheckState: NumberCheckState = { fieldErrors: {}, formError: null, values: { number: "", birthDate: "" }, answer: null };

export const NUMBER_CHECK_FIELDS = ["number", "birthDate"] as const;
