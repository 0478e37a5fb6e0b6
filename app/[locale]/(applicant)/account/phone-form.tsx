"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextField } from "@/app/_components/fields";
import type { FormState } from "@/app/_components/form-state";

type State = FormState & { saved?: boolean };

/** The mobile number for text messages; what was typed comes back with the error next to it. */
export function PhoneForm(props: {
  locale: string;
  current: string | null;
  action: (prev: State, formData: FormData) => Promise<State>;
  text: { label: string; hint: string; save: string; saving: string; saved: string; removed: string; errorTitle: string };
}) {
  const [state, formAction, pending] = useActionState(props.action, { fieldErrors: {}, formError: null, values: {} });
  const value = typeof state.values.phone === "string" ? state.values.phone : (props.current ?? "");
  return (
    <form action={formAction} noValidate data-testid="phone-form">
      <ErrorSummary title={props.text.errorTitle} errors={state.fieldErrors.phone ? [{ path: "phone", message: state.fieldErrors.phone }] : []} formError={state.formError} />
      {state.saved ? (
        <p className="notice notice--success" role="status">
          {value ? props.text.saved : props.text.removed}
        </p>
      ) : null}
      <input type="hidden" name="locale" value={props.locale} />
      <TextField key={value} id="phone" name="phone" type="tel" autoComplete="tel" inputMode="tel" label={props.text.label} hint={props.text.hint} error={state.fieldErrors.phone} defaultValue={value} />
      <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
        {pending ? props.text.saving : props.text.save}
      </button>
    </form>
  );
}
