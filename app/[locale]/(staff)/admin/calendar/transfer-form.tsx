"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { RadioGroup, TextField } from "@/app/_components/fields";
import { initialFormState, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { calendarTransferSchema, TRANSFER_KINDS } from "../_lib/schemas";
import { addTransferAction } from "./actions";

type Input = z.input<typeof calendarTransferSchema>;

export interface TransferFormText {
  kind: string;
  kinds: Record<(typeof TRANSFER_KINDS)[number], string>;
  day: string;
  dayHint: string;
  name: string;
  nameHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  messages: Record<string, string>;
}

const FIELDS = ["kind", "day", "name"] as const;

export function TransferForm({ locale, text }: { locale: string; text: TransferFormText }) {
  const { state, formAction, pending, submitWith } = useFormAction(addTransferAction, initialFormState);
  const form = useForm<Input, unknown, z.output<typeof calendarTransferSchema>>({
    resolver: zodResolver(calendarTransferSchema),
    defaultValues: { kind: valueOf(state, "kind") as Input["kind"], day: valueOf(state, "day"), name: valueOf(state, "name") },
  });
  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);

  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <RadioGroup
          name="kind"
          legend={text.kind}
          error={errors.kind}
          options={TRANSFER_KINDS.map((k) => ({ value: k, label: text.kinds[k] }))}
          inputProps={() => form.register("kind")}
        />
        <TextField id="day" type="date" label={text.day} hint={text.dayHint} error={errors.day} {...form.register("day")} />
        <TextField id="name" label={text.name} hint={text.nameHint} error={errors.name} autoComplete="off" {...form.register("name")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
