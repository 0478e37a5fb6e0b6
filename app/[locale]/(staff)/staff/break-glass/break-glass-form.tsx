"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextAreaField, TextField } from "@/app/_components/fields";
import { initialFormState, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { BREAK_GLASS_REASON_MAX, breakGlassRequestSchema } from "@/lib/engine/break-glass-schema";
import { openWithBreakGlass } from "./actions";

export interface BreakGlassFormText {
  reference: string;
  referenceHint: string;
  reason: string;
  reasonHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  messages: Record<string, string>;
}

const FIELDS = ["reference", "reason"] as const;

/** Reference and reason together: nothing is looked up before a reason is given. */
export function BreakGlassForm({ locale, text }: { locale: string; text: BreakGlassFormText }) {
  const { state, formAction, pending, submitWith } = useFormAction(openWithBreakGlass, initialFormState);
  const form = useForm<z.input<typeof breakGlassRequestSchema>, unknown, z.output<typeof breakGlassRequestSchema>>({
    resolver: zodResolver(breakGlassRequestSchema),
    defaultValues: { reference: valueOf(state, "reference"), reason: valueOf(state, "reason") },
  });
  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <TextField id="reference" label={text.reference} hint={text.referenceHint} error={errors.reference} autoComplete="off" spellCheck={false} {...form.register("reference")} />
        <TextAreaField id="reason" label={text.reason} hint={text.reasonHint} error={errors.reason} rows={4} maxLength={BREAK_GLASS_REASON_MAX} {...form.register("reason")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
