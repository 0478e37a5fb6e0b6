"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField, TextField } from "@/app/_components/fields";
import { initialFormState, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { saveNationalQuota, saveRegionalQuota } from "./actions";
import { nationalQuotaSchema, regionalQuotaSchema } from "./schemas";

export interface QuotaFormText {
  families: string;
  basis: string;
  region: string;
  select: string;
  submitNational: string;
  submitRegion: string;
  saved: string;
  errorSummaryTitle: string;
  messages: Record<string, string>;
}

const NATIONAL_FIELDS = ["families", "basis"] as const;
const REGION_FIELDS = ["region", "families"] as const;

export function NationalQuotaForm({ locale, year, current, text }: { locale: string; year: number; current: { families: number | null; basis: string | null }; text: QuotaFormText }) {
  const { state, formAction, pending, submitWith } = useFormAction(saveNationalQuota, initialFormState);
  const form = useForm<z.input<typeof nationalQuotaSchema>, unknown, z.output<typeof nationalQuotaSchema>>({
    resolver: zodResolver(nationalQuotaSchema),
    defaultValues: { year, families: valueOf(state, "families", current.families === null ? "" : String(current.families)), basis: valueOf(state, "basis", current.basis ?? "") },
  });
  const errors = collectErrors(NATIONAL_FIELDS, form.formState.errors, state.fieldErrors, text.messages);
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      {state.values.saved ? (
        <p role="status" className="notice notice--success">
          {text.saved}
        </p>
      ) : null}
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" {...form.register("year")} />
        <TextField id="families" type="number" inputMode="numeric" min={0} label={text.families} error={errors.families} {...form.register("families")} />
        <TextField id="basis" label={text.basis} error={errors.basis} autoComplete="off" {...form.register("basis")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {text.submitNational}
        </button>
      </form>
    </>
  );
}

export function RegionalQuotaForm({ locale, year, regions, text }: { locale: string; year: number; regions: { value: string; label: string }[]; text: QuotaFormText }) {
  const { state, formAction, pending, submitWith } = useFormAction(saveRegionalQuota, initialFormState);
  const form = useForm<z.input<typeof regionalQuotaSchema>, unknown, z.output<typeof regionalQuotaSchema>>({
    resolver: zodResolver(regionalQuotaSchema),
    defaultValues: { year, region: valueOf(state, "region"), families: valueOf(state, "families") },
  });
  const errors = collectErrors(REGION_FIELDS, form.formState.errors, state.fieldErrors, text.messages);
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors).map((e) => ({ ...e, path: `share-${e.path}` }))} formError={state.formError} />
      {state.values.saved ? (
        <p role="status" className="notice notice--success">
          {text.saved}
        </p>
      ) : null}
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" {...form.register("year")} />
        <SelectField id="share-region" label={text.region} options={regions} placeholder={text.select} error={errors.region} {...form.register("region")} />
        <TextField id="share-families" type="number" inputMode="numeric" min={0} label={text.families} error={errors.families} {...form.register("families")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {text.submitRegion}
        </button>
      </form>
    </>
  );
}
