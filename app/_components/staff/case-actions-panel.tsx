"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField, TextAreaField, TextField, fieldId } from "@/app/_components/fields";
import { INITIAL_CASE_ACTION_STATE, type CaseActionState } from "./case-action-state";
import styles from "./staff.module.css";

/** One field of an action form, with its labels already translated on the server. */
export interface ActionFormFieldView {
  name: string;
  kind: "text" | "textarea" | "date" | "number" | "select" | "checkbox";
  required: boolean;
  label: string;
  hint?: string;
  placeholder?: string;
  options?: readonly { value: string; label: string }[];
  initial?: string | boolean;
}

export interface ActionFormView {
  action: string;
  title: string;
  body?: string;
  /** Shown for decisions that cannot be undone from here; the form gets the warning style. */
  warning?: string;
  submit: string;
  fields: readonly ActionFormFieldView[];
}

export interface CaseActionsPanelProps {
  formAction: (prev: CaseActionState, formData: FormData) => Promise<CaseActionState>;
  caseId: string;
  service: string;
  /** The version the page was rendered with; the engine refuses the action if the case moved on. */
  version: number;
  locale: string;
  forms: readonly ActionFormView[];
  labels: { errorSummary: string; conflictTitle: string; pending: string };
}

/**
 * One small form per action the engine allows now, built from the service's form declarations.
 * All forms share one action state, so a conflict notice stays on screen when the page is
 * re-rendered with the latest version and the form that caused it is no longer offered.
 */
export function CaseActionsPanel({ formAction, caseId, service, version, locale, forms, labels }: CaseActionsPanelProps) {
  const [state, dispatch, pending] = useActionState(formAction, INITIAL_CASE_ACTION_STATE);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.conflict) conflictRef.current?.focus();
  }, [state.conflict, state.seq]);

  // The summary names the field: several fields share messages such as "required".
  const errors = Object.entries(state.fieldErrors).map(([path, message]) => {
    const [action, field] = path.split(".");
    const fieldLabel = forms.find((f) => f.action === action)?.fields.find((f) => f.name === field)?.label;
    return { path, message: fieldLabel ? `${fieldLabel}: ${message}` : message };
  });

  return (
    <div>
      {state.conflict ? (
        <div className="notice notice--warning" tabIndex={-1} ref={conflictRef} data-testid="conflict-notice">
          <h3>{labels.conflictTitle}</h3>
          <p>{state.formError}</p>
        </div>
      ) : (
        <ErrorSummary title={labels.errorSummary} errors={errors} formError={state.formError} />
      )}
      {forms.map((form) => {
        const { action } = form;
        const mine = state.action === action;
        const error = (field: string) => (mine ? state.fieldErrors[`${action}.${field}`] : undefined);
        const id = (field: string) => fieldId(`${action}.${field}`);
        const danger = form.warning !== undefined;
        return (
          <section key={action} className={`card ${styles.actionForm} ${danger ? styles.danger : ""}`} aria-labelledby={`${action}-title`} data-action={action}>
            <h3 id={`${action}-title`}>{form.title}</h3>
            {form.body ? <p>{form.body}</p> : null}
            {form.warning ? <p className="notice notice--warning">{form.warning}</p> : null}
            {/* Rebuilt after every answer so the browser's post-action reset cannot wipe what was typed. */}
            <form action={dispatch} key={`${action}-${state.seq}`} noValidate>
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="service" value={service} />
              <input type="hidden" name="version" value={version} />
              <input type="hidden" name="action" value={action} />
              <input type="hidden" name="locale" value={locale} />
              {form.fields.map((f) => {
                const typed = mine ? state.values[f.name] : undefined;
                const initial = typeof f.initial === "string" ? f.initial : undefined;
                if (f.kind === "checkbox") {
                  const checked = mine ? typed === "on" : f.initial === true;
                  return (
                    <div key={f.name} className={error(f.name) ? "field field--error checkboxes" : "field checkboxes"}>
                      <label htmlFor={id(f.name)}>
                        <input type="checkbox" id={id(f.name)} name={f.name} defaultChecked={checked} aria-describedby={f.hint ? `${id(f.name)}-hint` : undefined} />
                        {f.label}
                      </label>
                      {f.hint ? (
                        <span className="hint" id={`${id(f.name)}-hint`}>
                          {f.hint}
                        </span>
                      ) : null}
                    </div>
                  );
                }
                if (f.kind === "select") {
                  return (
                    <SelectField
                      key={f.name}
                      id={id(f.name)}
                      name={f.name}
                      label={f.label}
                      hint={f.hint}
                      error={error(f.name)}
                      options={f.options ?? []}
                      placeholder={f.placeholder ?? ""}
                      defaultValue={typed ?? initial ?? ""}
                      required={f.required}
                    />
                  );
                }
                if (f.kind === "textarea") {
                  return (
                    <TextAreaField
                      key={f.name}
                      id={id(f.name)}
                      name={f.name}
                      rows={4}
                      label={f.label}
                      hint={f.hint}
                      error={error(f.name)}
                      defaultValue={typed ?? initial}
                      maxLength={2000}
                      required={f.required}
                    />
                  );
                }
                return (
                  <TextField
                    key={f.name}
                    id={id(f.name)}
                    name={f.name}
                    type={f.kind}
                    inputMode={f.kind === "number" ? "numeric" : undefined}
                    label={f.label}
                    hint={f.hint}
                    error={error(f.name)}
                    defaultValue={typed ?? initial}
                    required={f.required}
                  />
                );
              })}
              <button type="submit" className={danger ? "button button--warning" : "button"} disabled={pending}>
                {form.submit}
              </button>
            </form>
          </section>
        );
      })}
      <p className="muted" aria-live="polite">
        {pending ? labels.pending : ""}
      </p>
    </div>
  );
}
