"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextAreaField, TextField } from "@/app/_components/fields";
import { initialFormState, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { scheduleParameterSchema } from "../../_lib/schemas";
import { scheduleParameterAction } from "../actions";

export interface ScheduleFormText {
  value: string;
  valueHint: string;
  effectiveFrom: string;
  effectiveFromHint: string;
  reason: string;
  reasonHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  messages: Record<string, string>;
}

const FIELDS = ["value", "effectiveFrom", "reason"] as const;

export function ScheduleForm({ locale, parameterKey, initialValue, text }: { locale: string; parameterKey: string; initialValue: string; text: ScheduleFormText }) {
  const { state, formAction, pending, submitWith } = useFormAction(scheduleParameterAction, initialFormState);
  const form = useForm<z.input<typeof scheduleParameterSchema>, unknown, z.output<typeof scheduleParameterSchema>>({
    resolver: zodResolver(scheduleParameterSchema),
    defaultValues: {
      value: valueOf(state, "value", initialValue),
      effectiveFrom: valueOf(state, "effectiveFrom"),
      reason: valueOf(state, "reason"),
    },
  });
  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);

  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="key" value={parameterKey} />
        <TextField id="value" label={text.value} hint={text.valueHint} error={errors.value} spellCheck={false} autoComplete="off" {...form.register("value")} />
        <TextField id="effectiveFrom" type="date" label={text.effectiveFrom} hint={text.effectiveFromHint} error={errors.effectiveFrom} {...form.register("effectiveFrom")} />
        <TextAreaField id="reason" label={text.reason} hint={text.reasonHint} error={errors.reason} rows={3} {...form.register("reason")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
