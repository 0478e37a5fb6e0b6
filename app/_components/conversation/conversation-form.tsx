"use client";

import { useActionState, useState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { RadioGroup, TextAreaField, TextField } from "@/app/_components/fields";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/forms/action-state";

export interface ConversationFieldView {
  name: string;
  kind: "textarea" | "radio" | "files";
  label: string;
  hint?: string;
  required?: boolean;
  options?: { value: string; label: string }[];
}

export interface ConversationFormView {
  action: string;
  title: string;
  lead?: string;
  submit: string;
  fields: ConversationFieldView[];
}

/**
 * One step the applicant takes on their status page. Typed text is kept when the server refuses it;
 * errors sit next to their field and in a summary that takes focus.
 */
export function ConversationForm({
  serverAction,
  form,
  caseId,
  version,
  reference,
  locale,
  errorTitle,
  pendingText,
}: {
  serverAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  form: ConversationFormView;
  caseId: string;
  version: number;
  reference: string;
  locale: string;
  errorTitle: string;
  pendingText: string;
}) {
  const [state, formAction, pending] = useActionState(serverAction, INITIAL_ACTION_STATE);
  const [values, setValues] = useState<Record<string, string>>({});
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const titleId = `conv-${form.action}-title`;
  const errors = form.fields.filter((f) => state.fieldErrors[f.name]).map((f) => ({ path: f.name, message: state.fieldErrors[f.name]! }));

  return (
    <section aria-labelledby={titleId} className="card" data-conversation={form.action}>
      <h3 id={titleId}>{form.title}</h3>
      {form.lead ? <p>{form.lead}</p> : null}
      <ErrorSummary title={errorTitle} errors={errors} formError={state.formError} />
      <form action={formAction}>
        <input type="hidden" name="action" value={form.action} />
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="reference" value={reference} />
        <input type="hidden" name="locale" value={locale} />
        {form.fields.map((f) =>
          f.kind === "textarea" ? (
            <TextAreaField
              key={f.name}
              id={f.name}
              name={f.name}
              label={f.label}
              hint={f.hint}
              error={state.fieldErrors[f.name]}
              required={f.required}
              maxLength={4000}
              rows={5}
              value={values[f.name] ?? ""}
              onChange={(e) => set(f.name)(e.target.value)}
            />
          ) : f.kind === "radio" ? (
            <RadioGroup
              key={f.name}
              name={f.name}
              legend={f.label}
              hint={f.hint}
              error={state.fieldErrors[f.name]}
              options={f.options ?? []}
              inputProps={(value) => ({ checked: values[f.name] === value, onChange: () => set(f.name)(value), required: f.required })}
            />
          ) : (
            <TextField key={f.name} id={f.name} name={f.name} type="file" multiple accept="application/pdf,image/jpeg,image/png" label={f.label} hint={f.hint} error={state.fieldErrors[f.name]} />
          ),
        )}
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? pendingText : form.submit}
        </button>
      </form>
    </section>
  );
}
