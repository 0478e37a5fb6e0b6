"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField, TextField } from "@/app/_components/fields";
import { initialFormState, listOf, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { RegionsServicesFields } from "../../_lib/regions-services-fields";
import { createUserSchema } from "../../_lib/schemas";
import { createUserAction } from "../actions";

type Option = { value: string; label: string };

export interface CreateUserFormText {
  email: string;
  displayName: string;
  role: string;
  rolePlaceholder: string;
  roleHint: string;
  regions: string;
  regionsHint: string;
  services: string;
  servicesHint: string;
  password: string;
  passwordHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  messages: Record<string, string>;
}

const FIELDS = ["email", "displayName", "role", "regions", "services", "password"] as const;

export function CreateUserForm({
  locale,
  options,
  text,
}: {
  locale: string;
  options: { roles: Option[]; regions: Option[]; services: Option[] };
  text: CreateUserFormText;
}) {
  const { state, formAction, pending, submitWith } = useFormAction(createUserAction, initialFormState);
  const form = useForm<z.input<typeof createUserSchema>, unknown, z.output<typeof createUserSchema>>({
    resolver: zodResolver(createUserSchema),
    defaultValues: {
      email: valueOf(state, "email"),
      displayName: valueOf(state, "displayName"),
      role: valueOf(state, "role") as z.input<typeof createUserSchema>["role"],
      regions: listOf(state, "regions"),
      services: listOf(state, "services"),
      password: "",
    },
  });
  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);

  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <TextField id="email" type="email" autoComplete="off" spellCheck={false} label={text.email} error={errors.email} {...form.register("email")} />
        <TextField id="displayName" autoComplete="off" label={text.displayName} error={errors.displayName} {...form.register("displayName")} />
        <SelectField
          id="role"
          label={text.role}
          hint={text.roleHint}
          placeholder={text.rolePlaceholder}
          options={options.roles}
          error={errors.role}
          {...form.register("role")}
        />
        <RegionsServicesFields text={text} options={options} errors={errors} register={form.register} />
        <TextField
          id="password"
          type="password"
          autoComplete="new-password"
          label={text.password}
          hint={text.passwordHint}
          error={errors.password}
          {...form.register("password")}
        />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
