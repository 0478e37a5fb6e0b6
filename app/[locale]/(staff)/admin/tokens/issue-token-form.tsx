"use client";

import { useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { CheckboxGroup, SelectField, TextField } from "@/app/_components/fields";
import { listOf, valueOf } from "@/app/_components/form-state";
import { collectErrors, summaryOf, useFormAction } from "@/app/_components/use-form-action";
import { issueTokenSchema } from "@/lib/auth/schemas";
import { API_SCOPES, type ApiScope } from "@/lib/auth/scopes";
import { issueTokenAction } from "./actions";
import { initialIssueTokenState } from "./form-state";

export interface IssueTokenFormText {
  name: string;
  nameHint: string;
  user: string;
  userHint: string;
  userPlaceholder: string;
  scopesLegend: string;
  scopesHint: string;
  scopeNames: Record<ApiScope, string>;
  expiresOn: string;
  expiresOnHint: string;
  submit: string;
  pending: string;
  errorSummaryTitle: string;
  issuedWarning: string;
  issuedLabel: string;
  /** Translations of the schema's message keys. */
  messages: Record<string, string>;
}

const FIELDS = ["name", "userId", "scopes", "expiresOn"] as const;

export function IssueTokenForm({
  locale,
  accounts,
  text,
}: {
  locale: string;
  accounts: readonly { value: string; label: string }[];
  text: IssueTokenFormText;
}) {
  const { state, formAction, pending, submitWith } = useFormAction(issueTokenAction, initialIssueTokenState);
  const tokenRef = useRef<HTMLInputElement>(null);
  const form = useForm<z.input<typeof issueTokenSchema>, unknown, z.output<typeof issueTokenSchema>>({
    resolver: zodResolver(issueTokenSchema),
    defaultValues: {
      name: valueOf(state, "name"),
      userId: valueOf(state, "userId"),
      scopes: listOf(state, "scopes"),
      expiresOn: valueOf(state, "expiresOn"),
    },
  });
  const { reset } = form;

  // After issuing: an empty form for the next token, and focus on the one-time token.
  useEffect(() => {
    if (state.issued) {
      reset({ name: "", userId: "", scopes: [], expiresOn: "" });
      tokenRef.current?.focus();
      tokenRef.current?.select();
    }
  }, [state.issued, reset]);

  const errors = collectErrors(FIELDS, form.formState.errors, state.fieldErrors, text.messages);

  return (
    <>
      {state.issued ? (
        <div className="notice notice--success" data-testid="issued-token">
          <h3>{state.issued.heading}</h3>
          <p>{text.issuedWarning}</p>
          <TextField id="issued-token" label={text.issuedLabel} readOnly value={state.issued.token} ref={tokenRef} spellCheck={false} />
        </div>
      ) : null}
      <ErrorSummary title={text.errorSummaryTitle} errors={summaryOf(errors)} formError={state.formError} />
      <form action={formAction} onSubmit={submitWith(form.handleSubmit)} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <TextField id="name" label={text.name} hint={text.nameHint} error={errors.name} {...form.register("name")} />
        <SelectField
          id="userId"
          label={text.user}
          hint={text.userHint}
          error={errors.userId}
          options={accounts}
          placeholder={text.userPlaceholder}
          {...form.register("userId")}
        />
        <CheckboxGroup
          name="scopes"
          legend={text.scopesLegend}
          hint={text.scopesHint}
          error={errors.scopes}
          options={API_SCOPES.map((scope) => ({
            value: scope,
            label: (
              <>
                {text.scopeNames[scope]} <code>{scope}</code>
              </>
            ),
          }))}
          inputProps={() => form.register("scopes")}
        />
        <TextField id="expiresOn" type="date" label={text.expiresOn} hint={text.expiresOnHint} error={errors.expiresOn} {...form.register("expiresOn")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
