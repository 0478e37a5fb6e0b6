"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { RadioGroup, SelectField, TextAreaField, TextField } from "@/app/_components/fields";
import { initialFormState, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { addVisaRegimeSchema, PASSPORT_TYPE_VALUES, REGIME_VALUES } from "../../_lib/schemas";
import { addVisaRegimeAction } from "../actions";

type Option = { value: string; label: string };
type Input = z.input<typeof addVisaRegimeSchema>;

export interface VisaRegimeFormText {
  country: string;
  countryPlaceholder: string;
  passportType: string;
  passportTypes: Record<(typeof PASSPORT_TYPE_VALUES)[number], string>;
  regime: string;
  regimes: Record<(typeof REGIME_VALUES)[number], string>;
  days: string;
  daysHint: string;
  effectiveFrom: string;
  effectiveFromHint: string;
  note: string;
  noteHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  messages: Record<string, string>;
}

const FIELDS = ["country", "passportType", "regime", "days", "effectiveFrom", "note"] as const;

export function VisaRegimeForm({ locale, countries, initialCountry, text }: { locale: string; countries: Option[]; initialCountry: string; text: VisaRegimeFormText }) {
  const { state, formAction, pending, submitWith } = useFormAction(addVisaRegimeAction, initialFormState);
  const form = useForm<Input, unknown, z.output<typeof addVisaRegimeSchema>>({
    resolver: zodResolver(addVisaRegimeSchema),
    defaultValues: {
      country: valueOf(state, "country", initialCountry),
      passportType: valueOf(state, "passportType") as Input["passportType"],
      regime: valueOf(state, "regime") as Input["regime"],
      days: valueOf(state, "days"),
      effectiveFrom: valueOf(state, "effectiveFrom"),
      note: valueOf(state, "note"),
    },
  });
  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);

  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <SelectField id="country" label={text.country} placeholder={text.countryPlaceholder} options={countries} error={errors.country} {...form.register("country")} />
        <RadioGroup
          name="passportType"
          legend={text.passportType}
          error={errors.passportType}
          options={PASSPORT_TYPE_VALUES.map((v) => ({ value: v, label: text.passportTypes[v] }))}
          inputProps={() => form.register("passportType")}
        />
        <RadioGroup
          name="regime"
          legend={text.regime}
          error={errors.regime}
          options={REGIME_VALUES.map((v) => ({ value: v, label: text.regimes[v] }))}
          inputProps={() => form.register("regime")}
        />
        <TextField id="days" type="number" inputMode="numeric" min={1} max={365} label={text.days} hint={text.daysHint} error={errors.days} {...form.register("days")} />
        <TextField id="effectiveFrom" type="date" label={text.effectiveFrom} hint={text.effectiveFromHint} error={errors.effectiveFrom} {...form.register("effectiveFrom")} />
        <TextAreaField id="note" label={text.note} hint={text.noteHint} error={errors.note} rows={3} {...form.register("note")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
