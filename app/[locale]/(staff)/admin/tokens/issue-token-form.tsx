"use client";

import { startTransition, useActionState, useEffect, useRef } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField, TextField } from "@/app/_components/fields";
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
  const [state, formAction, pending] = useActionState(issueTokenAction, initialIssueTokenState);
  const tokenRef = useRef<HTMLInputElement>(null);
  const form = useForm<z.input<typeof issueTokenSchema>, unknown, z.output<typeof issueTokenSchema>>({
    resolver: zodResolver(issueTokenSchema),
    defaultValues: {
      name: state.values.name ?? "",
      userId: state.values.userId ?? "",
      scopes: state.values.scopes ?? [],
      expiresOn: state.values.expiresOn ?? "",
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

  const errors: Record<string, string> = {};
  for (const field of FIELDS) {
    const key = form.formState.errors[field]?.message;
    const message = typeof key === "string" && key ? (text.messages[key] ?? key) : state.fieldErrors[field];
    if (message) errors[field] = message;
  }

  // Dispatched by hand (not through the form's action) so React does not reset what was typed.
  const onSubmit = form.handleSubmit((_data, event) => {
    const element = event?.target;
    if (element instanceof HTMLFormElement) startTransition(() => formAction(new FormData(element)));
  });

  return (
    <>
      {state.issued ? (
        <div className="notice notice--success" data-testid="issued-token">
          <h3>{state.issued.heading}</h3>
          <p>{text.issuedWarning}</p>
          <TextField id="issued-token" label={text.issuedLabel} readOnly value={state.issued.token} ref={tokenRef} spellCheck={false} />
        </div>
      ) : null}
      <ErrorSummary
        title={text.errorSummaryTitle}
        errors={Object.entries(errors).map(([path, message]) => ({ path, message }))}
        formError={state.formError}
      />
      <form action={formAction} onSubmit={onSubmit} noValidate>
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
        <div className={errors.scopes ? "field field--error" : "field"}>
          <fieldset id="scopes" aria-describedby={errors.scopes ? "scopes-hint scopes-error" : "scopes-hint"}>
            <legend>{text.scopesLegend}</legend>
            <span className="hint" id="scopes-hint">
              {text.scopesHint}
            </span>
            {errors.scopes ? (
              <span className="field-error" id="scopes-error">
                {errors.scopes}
              </span>
            ) : null}
            <div className="checkboxes">
              {API_SCOPES.map((scope) => (
                <label key={scope} htmlFor={`scopes-${scope}`}>
                  <input type="checkbox" id={`scopes-${scope}`} value={scope} {...form.register("scopes")} />
                  {text.scopeNames[scope]} <code>{scope}</code>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <TextField id="expiresOn" type="date" label={text.expiresOn} hint={text.expiresOnHint} error={errors.expiresOn} {...form.register("expiresOn")} />
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {pending ? text.pending : text.submit}
        </button>
      </form>
    </>
  );
}
