"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField, TextField } from "@/app/_components/fields";
import { initialFormState, valueOf, type FormState } from "@/app/_components/form-state";

export interface CitizenshipFormText {
  kandasCaseId: string;
  region: string;
  address: string;
  permanentResidence: string;
  renouncesOtherCitizenship: string;
  select: string;
  submit: string;
  errorSummaryTitle: string;
}

const ORDER = ["kandasCaseId", "region", "address", "permanentResidence", "renouncesOtherCitizenship"];

/** KD-14: the simplified citizenship application; the server checks everything and puts back what was typed. */
export function CitizenshipForm({
  action,
  locale,
  holderCases,
  regions,
  initialCase,
  text,
}: {
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  locale: string;
  holderCases: { value: string; label: string }[];
  regions: { value: string; label: string }[];
  initialCase?: string;
  text: CitizenshipFormText;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const errors = ORDER.filter((f) => state.fieldErrors[f]).map((f) => ({ path: f, message: state.fieldErrors[f]! }));
  const box = (name: "permanentResidence" | "renouncesOtherCitizenship") => (
    <div className={state.fieldErrors[name] ? "field field--error checkboxes" : "field checkboxes"}>
      {state.fieldErrors[name] ? (
        <span className="field-error" id={`${name}-error`}>
          {state.fieldErrors[name]}
        </span>
      ) : null}
      <label htmlFor={name}>
        <input type="checkbox" id={name} name={name} value="yes" defaultChecked={valueOf(state, name) === "yes"} aria-describedby={state.fieldErrors[name] ? `${name}-error` : undefined} />
        {text[name]}
      </label>
    </div>
  );
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={errors} formError={state.formError} />
      <form action={formAction} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <SelectField id="kandasCaseId" name="kandasCaseId" label={text.kandasCaseId} options={holderCases} placeholder={text.select} defaultValue={valueOf(state, "kandasCaseId", initialCase ?? "")} error={state.fieldErrors.kandasCaseId} key={`case-${valueOf(state, "kandasCaseId")}`} />
        <SelectField id="region" name="region" label={text.region} options={regions} placeholder={text.select} defaultValue={valueOf(state, "region")} error={state.fieldErrors.region} key={`region-${valueOf(state, "region")}`} />
        <TextField id="address" name="address" label={text.address} autoComplete="street-address" defaultValue={valueOf(state, "address")} error={state.fieldErrors.address} />
        {box("permanentResidence")}
        {box("renouncesOtherCitizenship")}
        <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
          {text.submit}
        </button>
      </form>
    </>
  );
}
