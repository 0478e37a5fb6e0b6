"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextAreaField } from "@/app/_components/fields";
import { summaryOf } from "@/app/_components/use-form-action";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/forms/action-state";

/** RF-09: the refugee's complaint to the central migration police against a refusal. */
export function ComplaintForm(props: {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  target: { caseId: string; version: number; reference: string };
  locale: string;
  text: { label: string; hint: string; submit: string; pending: string; errorSummary: string };
}) {
  const [state, formAction, pending] = useActionState(props.action, INITIAL_ACTION_STATE);
  return (
    <form action={formAction} noValidate data-testid="rf-complaint-form">
      <input type="hidden" name="locale" value={props.locale} />
      <input type="hidden" name="caseId" value={props.target.caseId} />
      <input type="hidden" name="version" value={props.target.version} />
      <input type="hidden" name="reference" value={props.target.reference} />
      <ErrorSummary title={props.text.errorSummary} errors={summaryOf(state.fieldErrors)} formError={state.formError} />
      <TextAreaField id="grounds" name="grounds" label={props.text.label} hint={props.text.hint} rows={6} error={state.fieldErrors.grounds} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? props.text.pending : props.text.submit}
      </button>
    </form>
  );
}
