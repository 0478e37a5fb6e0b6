"use client";

import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextField } from "@/app/_components/fields";
import { initialFormState, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { signInSchema } from "@/lib/auth/schemas";
import { signInAction } from "../actions";

export interface SignInFormText {
  email: string;
  password: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  /** Translations of the schema's message keys. */
  messages: Record<string, string>;
}

const FIELDS = ["email", "password"] as const;

export function SignInForm({ locale, callbackUrl, text }: { locale: string; callbackUrl: string | null; text: SignInFormText }) {
  const { state, formAction, pending, submitWith } = useFormAction(signInAction, initialFormState);
  const form = useForm<z.input<typeof signInSchema>, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema),
    defaultValues: { email: valueOf(state, "email"), password: "" },
  });
  const { setValue } = form;

  // A refused attempt empties the password box (it is never sent back), the email stays.
  useEffect(() => {
    if (state.formError) setValue("password", "");
  }, [state, setValue]);

  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
        <TextField id="email" type="email" autoComplete="username" spellCheck={false} label={text.email} error={errors.email} {...form.register("email")} />
        <TextField id="password" type="password" autoComplete="current-password" label={text.password} error={errors.password} {...form.register("password")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
