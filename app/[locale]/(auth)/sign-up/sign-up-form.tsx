"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextField } from "@/app/_components/fields";
import { initialFormState, valueOf } from "@/app/_components/form-state";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUpAction } from "../actions";

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
  const { state, formAction, pending, submitWith } = useFormAction(signUpAction, initialFormState);
  const form = useForm<z.input<typeof signUpSchema>, unknown, z.output<typeof signUpSchema>>({
    resolver: zodResolver(signUpSchema),
    defaultValues: {
      displayName: valueOf(state, "displayName"),
      email: valueOf(state, "email"),
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
        <NewPasswordFields text={text} errors={errors} register={form.register} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
