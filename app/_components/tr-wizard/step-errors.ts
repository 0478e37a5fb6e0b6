import { TR_STEPS, type TrStep } from "@/lib/services/temporary-registration/schema";

/** Where server-side errors (dotted paths such as "stay.requestedEndDate") belong in the wizard. */

export type WizardPage = TrStep | "check";

/** The step whose field the path names; null when it names no field of a step ("stay", "", "other.x"). */
export function stepOfPath(path: string): TrStep | null {
  const [head, field] = path.split(".");
  return field && (TR_STEPS as readonly string[]).includes(head ?? "") ? (head as TrStep) : null;
}

/** Errors of one step, keyed by the field name inside the step ("requestedEndDate"). */
export function errorsOfStep(fieldErrors: Record<string, string>, step: TrStep): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    if (stepOfPath(path) === step) out[path.slice(step.length + 1)] = message;
  }
  return out;
}

/** Messages whose path names no field of a step: they are shown on the check-your-answers page. */
export function unplacedErrors(fieldErrors: Record<string, string>): string[] {
  return Object.entries(fieldErrors)
    .filter(([path]) => stepOfPath(path) === null)
    .map(([, message]) => message);
}

/** The first step, in form order, with an error; "check" when none of the errors belongs to a step. */
export function firstPageWithError(fieldErrors: Record<string, string>): WizardPage {
  return TR_STEPS.find((step) => Object.keys(errorsOfStep(fieldErrors, step)).length > 0) ?? "check";
}

/** Drops the errors of one step (after the user has corrected it and continued). */
export function withoutStepErrors(fieldErrors: Record<string, string>, step: TrStep): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).filter(([path]) => stepOfPath(path) !== step));
}
