"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField } from "@/app/_components/fields";
import { initialFormState, listOf, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { RegionsServicesFields } from "../../_lib/regions-services-fields";
import { updateAccessSchema } from "../../_lib/schemas";
import { updateAccessAction } from "../actions";

type Option = { value: string; label: string };
type Input = z.input<typeof updateAccessSchema>;

export interface AccessFormText {
  role: string;
  roleHint: string;
  regions: string;
  regionsHint: string;
  services: string;
  servicesHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  messages: Record<string, string>;
}

const FIELDS = ["role", "regions", "services"] as const;

export function AccessForm({
  locale,
  userId,
  current,
  options,
  text,
}: {
  locale: string;
  userId: string;
  current: { role: string; regions: string[]; services: string[] };
  options: { roles: Option[]; regions: Option[]; services: Option[] };
  text: AccessFormText;
}) {
  const { state, formAction, pending, submitWith } = useFormAction(updateAccessAction, initialFormState);
  const form = useForm<Input, unknown, z.output<typeof updateAccessSchema>>({
    resolver: zodResolver(updateAccessSchema),
    defaultValues: {
      role: valueOf(state, "role", current.role) as Input["role"],
      regions: listOf(state, "regions", current.regions),
      services: listOf(state, "services", current.services),
    },
  });
  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);

  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="userId" value={userId} />
        <SelectField id="role" label={text.role} hint={text.roleHint} options={options.roles} error={errors.role} {...form.register("role")} />
        <RegionsServicesFields text={text} options={options} errors={errors} register={form.register} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
