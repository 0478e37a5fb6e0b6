"use client";

import { startTransition, useActionState, type BaseSyntheticEvent } from "react";
import type { FieldErrors } from "react-hook-form";
import type { SummaryError } from "./error-summary";

/**
 * Glue between react-hook-form (client-side checks with the shared zod schema) and a server action
 * run through useActionState (which checks again). With JavaScript the action is dispatched by
 * hand, so React does not reset the form and nothing typed is lost; without it the form posts
 * natively and the server puts the values back.
 */
export function useFormAction<State>(
  action: (prev: Awaited<State>, formData: FormData) => State | Promise<State>,
  initialState: Awaited<State>,
) {
  const [state, formAction, pending] = useActionState(action, initialState);

  /** Pass react-hook-form's handleSubmit; returns the form's onSubmit. */
  function submitWith(
    handleSubmit: (onValid: (data: unknown, event?: BaseSyntheticEvent) => void) => (event?: BaseSyntheticEvent) => Promise<void>,
  ) {
    return handleSubmit((_data, event) => {
      const element = event?.target;
      if (element instanceof HTMLFormElement) startTransition(() => formAction(new FormData(element)));
    });
  }

  return { state, formAction, pending, submitWith };
}

/**
 * Client errors (message keys, translated through `messages`) win over server errors for the same
 * field; the result keeps the order of `fields` so the summary reads like the form.
 */
export function collectErrors(
  fields: readonly string[],
  clientErrors: FieldErrors,
  serverErrors: Record<string, string>,
  messages: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const key = clientErrors[field]?.message;
    const message = typeof key === "string" && key ? (messages[key] ?? key) : serverErrors[field];
    if (message) out[field] = message;
  }
  return out;
}

export function summaryOf(errors: Record<string, string>): SummaryError[] {
  return Object.entries(errors).map(([path, message]) => ({ path, message }));
}
