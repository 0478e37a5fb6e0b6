"use client";

import { useActionState, useEffect, useRef } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField, TextAreaField, TextField, fieldId } from "@/app/_components/fields";
import { INITIAL_CASE_ACTION_STATE, type CaseActionName, type CaseActionState } from "./case-action-state";
import styles from "./staff.module.css";

export interface FieldLabels {
  label: string;
  hint?: string;
  /** The empty first option of a select. */
  placeholder?: string;
}

export interface ActionFormLabels {
  title: string;
  body?: string;
  /** Shown for decisions that cannot be undone from here; the form gets the warning style. */
  warning?: string;
  submit: string;
  fields: Record<string, FieldLabels>;
}

export interface CaseActionsPanelProps {
  formAction: (prev: CaseActionState, formData: FormData) => Promise<CaseActionState>;
  caseId: string;
  /** The version the page was rendered with; the engine refuses the action if the case moved on. */
  version: number;
  locale: string;
  actions: readonly CaseActionName[];
  defaults: { validUntil?: string; protected: boolean };
  refusalReasons: readonly { value: string; label: string }[];
  labels: {
    errorSummary: string;
    conflictTitle: string;
    pending: string;
    forms: Partial<Record<CaseActionName, ActionFormLabels>>;
  };
}

/**
 * One small form per action the engine allows now. All forms share one action state, so a
 * conflict notice stays on screen when the page is re-rendered with the latest version and the
 * form that caused it is no longer offered.
 */
export function CaseActionsPanel({ formAction, caseId, version, locale, actions, defaults, refusalReasons, labels }: CaseActionsPanelProps) {
  const [state, dispatch, pending] = useActionState(formAction, INITIAL_CASE_ACTION_STATE);
  const conflictRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.conflict) conflictRef.current?.focus();
  }, [state.conflict, state.seq]);

  // The summary names the field: several fields share messages such as "required".
  const errors = Object.entries(state.fieldErrors).map(([path, message]) => {
    const [action, field] = path.split(".") as [CaseActionName, string];
    const fieldLabel = field ? labels.forms[action]?.fields[field]?.label : undefined;
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
      {actions.map((action) => {
        const form = labels.forms[action];
        if (!form) return null;
        const mine = state.action === action;
        const value = (field: string) => (mine ? state.values[field] : undefined);
        const error = (field: string) => (mine ? state.fieldErrors[`${action}.${field}`] : undefined);
        const id = (field: string) => fieldId(`${action}.${field}`);
        const f = (field: string): FieldLabels => form.fields[field] ?? { label: field };
        const danger = form.warning !== undefined;
        return (
          <section key={action} className={`card ${styles.actionForm} ${danger ? styles.danger : ""}`} aria-labelledby={`${action}-title`} data-action={action}>
            <h3 id={`${action}-title`}>{form.title}</h3>
            {form.body ? <p>{form.body}</p> : null}
            {form.warning ? <p className="notice notice--warning">{form.warning}</p> : null}
            {/* Rebuilt after every answer so the browser's post-action reset cannot wipe what was typed. */}
            <form action={dispatch} key={`${action}-${state.seq}`} noValidate>
              <input type="hidden" name="caseId" value={caseId} />
              <input type="hidden" name="version" value={version} />
              <input type="hidden" name="action" value={action} />
              <input type="hidden" name="locale" value={locale} />

              {action === "set_protection" ? (
                <div className={error("protected") ? "field field--error checkboxes" : "field checkboxes"}>
                  <label htmlFor={id("protected")}>
                    <input
                      type="checkbox"
                      id={id("protected")}
                      name="protected"
                      defaultChecked={mine ? state.values.protected === "on" : defaults.protected}
                      aria-describedby={f("protected").hint ? `${id("protected")}-hint` : undefined}
                    />
                    {f("protected").label}
                  </label>
                  {f("protected").hint ? (
                    <span className="hint" id={`${id("protected")}-hint`}>
                      {f("protected").hint}
                    </span>
                  ) : null}
                </div>
              ) : null}

              {action === "register" ? (
                <TextField
                  id={id("validUntil")}
                  name="validUntil"
                  type="date"
                  label={f("validUntil").label}
                  hint={f("validUntil").hint}
                  error={error("validUntil")}
                  defaultValue={mine ? (value("validUntil") ?? "") : defaults.validUntil}
                />
              ) : null}

              {action === "record_departure" ? (
                <TextField
                  id={id("departureDate")}
                  name="departureDate"
                  type="date"
                  label={f("departureDate").label}
                  hint={f("departureDate").hint}
                  error={error("departureDate")}
                  defaultValue={value("departureDate")}
                  required
                />
              ) : null}

              {action === "refuse" ? (
                <SelectField
                  id={id("reasonCode")}
                  name="reasonCode"
                  label={f("reasonCode").label}
                  hint={f("reasonCode").hint}
                  error={error("reasonCode")}
                  options={refusalReasons}
                  placeholder={f("reasonCode").placeholder ?? ""}
                  defaultValue={value("reasonCode") ?? ""}
                  required
                />
              ) : null}

              {"reason" in form.fields ? (
                <TextAreaField
                  id={id("reason")}
                  name="reason"
                  rows={4}
                  label={f("reason").label}
                  hint={f("reason").hint}
                  error={error("reason")}
                  defaultValue={value("reason")}
                  maxLength={2000}
                />
              ) : null}

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
