"use client";

import { startTransition, useActionState, useRef, type FormEvent, type ReactNode } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { CheckboxGroup, SelectField, TextAreaField, TextField, fieldId } from "@/app/_components/fields";
import { initialFormState, listOf, valueOf, type FormState } from "@/app/_components/form-state";

export interface HpField {
  /** Dotted path: the posted name and the key of its error. */
  name: string;
  label: string;
  hint?: string;
  kind: "text" | "date" | "select" | "checkbox" | "textarea" | "tel";
  options?: { value: string; label: string }[];
  placeholder?: string;
  defaultValue?: string;
  autoComplete?: string;
  required?: boolean;
}

export interface HpFieldset {
  legend?: string;
  intro?: string;
  fields: HpField[];
}

interface Props {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  fieldsets: HpFieldset[];
  submit: string;
  pending?: string;
  errorTitle: string;
  testId?: string;
  /** Answers to start from (a saved draft). */
  initialValues?: FormState["values"];
  /** Placed under the submit button (e.g. "Save and continue later"). */
  extra?: ReactNode;
}

/**
 * A household-permit form: fields grouped in fieldsets, errors next to each field and in a summary.
 * With JavaScript the action is dispatched by hand so React keeps what was typed; without it the
 * form posts natively and the server sends the values back.
 */
export function HpForm({ action, hidden, fieldsets, submit, pending: pendingLabel, errorTitle, testId, initialValues, extra }: Props) {
  const [state, formAction, pending] = useActionState(action, initialValues ? { ...initialFormState, values: initialValues } : initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const names = fieldsets.flatMap((s) => s.fields.map((f) => f.name));
  const summary = names.filter((n) => state.fieldErrors[n]).map((n) => ({ path: n, message: state.fieldErrors[n]! }));
  // A rule about something this form does not ask for (e.g. the employer's cap) is said at the top.
  const elsewhere = Object.entries(state.fieldErrors).filter(([n]) => !names.includes(n)).map(([, m]) => m);
  const formError = [state.formError, ...elsewhere].filter(Boolean).join(" ") || null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // "Save and continue later" posts to its own action (React runs a button's formAction).
    if ((event.nativeEvent as SubmitEvent).submitter?.hasAttribute("data-save-later")) return;
    event.preventDefault();
    const form = formRef.current;
    if (form) startTransition(() => formAction(new FormData(form)));
  }

  function render(f: HpField) {
    const id = fieldId(f.name);
    const error = state.fieldErrors[f.name];
    const value = valueOf(state, f.name, f.defaultValue ?? "");
    // A new state remounts the field with what the server sent back.
    const key = `${f.name}:${JSON.stringify(state.values[f.name] ?? null)}`;
    switch (f.kind) {
      case "select":
        return (
          <SelectField key={key} id={id} name={f.name} label={f.label} hint={f.hint} error={error} options={f.options ?? []} placeholder={f.placeholder} defaultValue={value} aria-required={f.required || undefined} />
        );
      case "checkbox":
        return (
          <CheckboxGroup
            key={key}
            name={f.name}
            legend={f.label}
            hint={f.hint}
            error={error}
            options={f.options ?? []}
            inputProps={(v) => ({ defaultChecked: listOf(state, f.name, f.defaultValue ? [f.defaultValue] : []).includes(v) })}
          />
        );
      case "textarea":
        return <TextAreaField key={key} id={id} name={f.name} label={f.label} hint={f.hint} error={error} defaultValue={value} rows={3} aria-required={f.required || undefined} />;
      default:
        return (
          <TextField
            key={key}
            id={id}
            name={f.name}
            type={f.kind === "date" ? "date" : f.kind === "tel" ? "tel" : "text"}
            label={f.label}
            hint={f.hint}
            error={error}
            defaultValue={value}
            autoComplete={f.autoComplete ?? "off"}
            aria-required={f.required || undefined}
          />
        );
    }
  }

  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate data-testid={testId}>
      <ErrorSummary title={errorTitle} errors={summary} formError={formError} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fieldsets.map((set, i) =>
        set.legend ? (
          <fieldset key={set.legend} style={{ border: 0, padding: 0, margin: "1.5rem 0" }}>
            <legend>
              <h2>{set.legend}</h2>
            </legend>
            {set.intro ? <p className="hint">{set.intro}</p> : null}
            {set.fields.map(render)}
          </fieldset>
        ) : (
          <div key={i}>{set.fields.map(render)}</div>
        ),
      )}
      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending && pendingLabel ? pendingLabel : submit}
      </button>
      {extra}
    </form>
  );
}
