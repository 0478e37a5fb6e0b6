"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextField } from "@/app/_components/fields";
import { verifyByNumberAction } from "./actions";
import { NUMBER_CHECK_FIELDS, initialNumberCheckState } from "./number-form-state";
import { VerdictPanel } from "./verdict-panel";

export interface NumberFormText {
  number: string;
  numberHint: string;
  birthDate: string;
  birthDateHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
}

/**
 * Without JavaScript the form posts natively and the server renders the answer; with it, the action
 * is dispatched by hand so React does not reset the form and nothing typed is lost.
 */
export function NumberForm({ locale, text }: { locale: string; text: NumberFormText }) {
  const [state, formAction, pending] = useActionState(verifyByNumberAction, initialNumberCheckState);
  const formRef = useRef<HTMLFormElement>(null);
  const answerRef = useRef<HTMLHeadingElement>(null);

  // Focus the answer so screen-reader users hear it (the error summary focuses itself).
  useEffect(() => {
    if (state.answer) answerRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = formRef.current;
    if (form) startTransition(() => formAction(new FormData(form)));
  }

  const summary = NUMBER_CHECK_FIELDS.filter((f) => state.fieldErrors[f]).map((f) => ({ path: f, message: state.fieldErrors[f]! }));
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summary} formError={state.formError} />
      {state.answer ? <VerdictPanel verdict={state.answer.verdict} text={state.answer.text} headingRef={answerRef} /> : null}
      <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate data-testid="verify-by-number">
        <input type="hidden" name="locale" value={locale} />
        <TextField
          id="number"
          name="number"
          label={text.number}
          hint={text.numberHint}
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="characters"
          defaultValue={state.values.number}
          error={state.fieldErrors.number}
        />
        <TextField
          id="birthDate"
          name="birthDate"
          type="date"
          label={text.birthDate}
          hint={text.birthDateHint}
          autoComplete="off"
          defaultValue={state.values.birthDate}
          error={state.fieldErrors.birthDate}
        />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
