"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextField } from "@/app/_components/fields";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUpAction } from "../actions";
import { collectErrors, summaryOf, useAuthForm } from "../use-auth-form";

export interface SignUpFormText {
  displayName: string;
  displayNameHint: string;
  email: string;
  password: string;
  passwordHint: string;
  confirmPassword: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  /** Translations of the schema's message keys. */
  messages: Record<string, string>;
}

const FIELDS = ["displayName", "email", "password", "confirmPassword"] as const;

export function SignUpForm({ locale, text }: { locale: string; text: SignUpFormText }) {
  const { state, formAction, pending, submitWith } = useAuthForm(signUpAction);
  const form = useForm<z.input<typeof signUpSchema>, unknown, z.output<typeof signUpSchema>>({
    resolver: zodResolver(signUpSchema),
    defaultValues: {
      displayName: state.values.displayName ?? "",
      email: state.values.email ?? "",
      password: "",
      confirmPassword: "",
    },
  });

  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <TextField
          id="displayName"
          autoComplete="name"
          label={text.displayName}
          hint={text.displayNameHint}
          error={errors.displayName}
          {...form.register("displayName")}
        />
        <TextField id="email" type="email" autoComplete="email" spellCheck={false} label={text.email} error={errors.email} {...form.register("email")} />
        <TextField
          id="password"
          type="password"
          autoComplete="new-password"
          label={text.password}
          hint={text.passwordHint}
          error={errors.password}
          {...form.register("password")}
        />
        <TextField
          id="confirmPassword"
          type="password"
          autoComplete="new-password"
          label={text.confirmPassword}
          error={errors.confirmPassword}
          {...form.register("confirmPassword")}
        />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
