"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextField } from "@/app/_components/fields";
import { checkStatusAction } from "./actions";
import { initialStatusFormState } from "./form-state";
import { TWO_COLUMN_LIST } from "../_lib/styles";

export interface StatusFormText {
  reference: string;
  referenceHint: string;
  documentNumber: string;
  documentNumberHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  resultTitle: string;
  service: string;
  status: string;
  nextStep: string;
  decisionDue: string;
  updatedAt: string;
  notFoundTitle: string;
  notFoundBody: string;
}

const FIELDS = ["reference", "documentNumber"] as const;

/**
 * Without JavaScript the form posts natively and the server renders the answer; with it, the action
 * is dispatched by hand so React does not reset the form and nothing typed is lost.
 */
export function StatusForm({ locale, text }: { locale: string; text: StatusFormText }) {
  const [state, formAction, pending] = useActionState(checkStatusAction, initialStatusFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const answerRef = useRef<HTMLHeadingElement>(null);

  // Move focus to the answer so screen-reader users hear it (the error summary focuses itself).
  useEffect(() => {
    if (state.result || state.notFound) answerRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formRef.current;
    if (form) startTransition(() => formAction(new FormData(form)));
  }

  const summary = FIELDS.filter((f) => state.fieldErrors[f]).map((f) => ({ path: f, message: state.fieldErrors[f]! }));
  const { result } = state;
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summary} formError={state.formError} />

      {result ? (
        <section className="notice notice--success" aria-labelledby="status-result" data-testid="status-result">
          <h2 id="status-result" tabIndex={-1} ref={answerRef}>
            {text.resultTitle} {result.reference}
          </h2>
          <dl className="summary-list" style={TWO_COLUMN_LIST}>
            {result.serviceName ? (
              <>
                <dt>{text.service}</dt>
                <dd>{result.serviceName}</dd>
              </>
            ) : null}
            <dt>{text.status}</dt>
            <dd>
              <strong className="tag">{result.statusLabel}</strong>
            </dd>
            {result.nextStep ? (
              <>
                <dt>{text.nextStep}</dt>
                <dd>{result.nextStep}</dd>
                  </>
            ) : null}
            {result.decisionDue ? (
              <>
                <dt>{text.decisionDue}</dt>
                <dd>
                  <time dateTime={result.decisionDue.date}>{result.decisionDue.text}</time>
                </dd>
                  </>
            ) : null}
            {result.updatedAt ? (
              <>
                <dt>{text.updatedAt}</dt>
                <dd>
                  <time dateTime={result.updatedAt.instant}>{result.updatedAt.text}</time>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      ) : null}

      {state.notFound ? (
        <section className="notice notice--error" aria-labelledby="status-not-found" data-testid="status-not-found">
          <h2 id="status-not-found" tabIndex={-1} ref={answerRef}>
            {text.notFoundTitle}
          </h2>
          <p>{text.notFoundBody}</p>
        </section>
      ) : null}

      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <TextField
          id="reference"
          name="reference"
          label={text.reference}
          hint={text.referenceHint}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          defaultValue={state.values.reference}
          error={state.fieldErrors.reference}
        />
        <TextField
          id="documentNumber"
          name="documentNumber"
          label={text.documentNumber}
          hint={text.documentNumberHint}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          defaultValue={state.values.documentNumber}
          error={state.fieldErrors.documentNumber}
        />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
