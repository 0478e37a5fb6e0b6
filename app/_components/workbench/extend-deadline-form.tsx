"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextAreaField, TextField } from "@/app/_components/fields";
import { INITIAL_WORKBENCH_STATE, type WorkbenchFormState } from "./form-state";

export interface ExtendDeadlineFormProps {
  formAction: (prev: WorkbenchFormState, formData: FormData) => Promise<WorkbenchFormState>;
  caseId: string;
  version: number;
  locale: string;
  /** A running clock gets a new date; a stopped one gets days added to what is left. */
  mode: "date" | "days";
  labels: { title: string; lead: string; field: string; fieldHint: string; reason: string; reasonHint: string; submit: string; pending: string; errorSummary: string };
}

/** A supervisor's deadline extension on the staff case page; errors sit next to their field and nothing typed is lost. */
export function ExtendDeadlineForm({ formAction, caseId, version, locale, mode, labels }: ExtendDeadlineFormProps) {
  const [state, dispatch, pending] = useActionState(formAction, INITIAL_WORKBENCH_STATE);
  const field = mode === "date" ? "newDueOn" : "addDays";
  const errors = Object.entries(state.fieldErrors).map(([path, message]) => ({ path: `extend.${path}`, message: `${path === "reason" ? labels.reason : labels.field}: ${message}` }));
  return (
    <section className="card" aria-labelledby="extend-deadline-title" data-testid="extend-deadline">
      <h3 id="extend-deadline-title">{labels.title}</h3>
      <p>{labels.lead}</p>
      <ErrorSummary title={labels.errorSummary} errors={errors} formError={state.formError} />
      <form action={dispatch} key={state.seq} noValidate>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="mode" value={mode} />
        <TextField
          id={`extend-${field}`}
          name={field}
          type={mode === "date" ? "date" : "number"}
          min={mode === "days" ? 1 : undefined}
          inputMode={mode === "days" ? "numeric" : undefined}
          label={labels.field}
          hint={labels.fieldHint}
          error={state.fieldErrors[field]}
          defaultValue={state.values[field] ?? ""}
          required
        />
        <TextAreaField id="extend-reason" name="reason" label={labels.reason} hint={labels.reasonHint} error={state.fieldErrors.reason} defaultValue={state.values.reason ?? ""} required maxLength={1000} rows={3} />
        <button type="submit" className="button" disabled={pending}>
          {pending ? labels.pending : labels.submit}
        </button>
      </form>
    </section>
  );
}
