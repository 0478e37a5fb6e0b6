"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { initialFormState } from "@/app/_components/form-state";
import { NewPasswordFields } from "@/app/_components/new-password-fields";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { setPasswordSchema } from "../../../_lib/schemas";
import { setPasswordAction } from "../../actions";

export interface SetPasswordFormText {
  password: string;
  passwordHint: string;
  confirmPassword: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  messages: Record<string, string>;
}

const FIELDS = ["password", "confirmPassword"] as const;

export function SetPasswordForm({ locale, userId, text }: { locale: string; userId: string; text: SetPasswordFormText }) {
  const { state, formAction, pending, submitWith } = useFormAction(setPasswordAction, initialFormState);
  const form = useForm<z.input<typeof setPasswordSchema>, unknown, z.output<typeof setPasswordSchema>>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { password: "", confirmPassword: "" },
  });
  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);

  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="userId" value={userId} />
        <NewPasswordFields text={text} errors={errors} register={form.register} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
