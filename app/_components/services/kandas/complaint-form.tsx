"use client";

import { useActionState, useState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextAreaField } from "@/app/_components/fields";
import { INITIAL_ACTION_STATE } from "@/lib/forms/action-state";
import { fileKandasComplaint } from "./complaint-action";

export interface ComplaintFormText {
  title: string;
  lead: string;
  reason: string;
  submit: string;
  errorSummaryTitle: string;
}

/** KD-08: a complaint to the ministry's central reviewer; what was typed survives a refused attempt. */
export function ComplaintForm({ caseId, version, reference, locale, text }: { caseId: string; version: number; reference: string; locale: string; text: ComplaintFormText }) {
  const [state, formAction, pending] = useActionState(fileKandasComplaint, INITIAL_ACTION_STATE);
  const [reason, setReason] = useState("");
  const errors = Object.entries(state.fieldErrors).map(([path, message]) => ({ path: path === "reason" ? "complaint-reason" : path, message }));
  return (
    <section aria-labelledby="complaint-title" className="card">
      <h2 id="complaint-title">{text.title}</h2>
      <p>{text.lead}</p>
      <ErrorSummary title={text.errorSummaryTitle} errors={errors} formError={state.formError} />
      <form action={formAction} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="locale" value={locale} />
        <TextAreaField id="complaint-reason" name="reason" label={text.reason} error={state.fieldErrors.reason} value={reason} onChange={(e) => setReason(e.target.value)} required />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {text.submit}
        </button>
      </form>
    </section>
  );
}
