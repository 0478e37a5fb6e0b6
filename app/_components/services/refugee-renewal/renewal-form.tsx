"use client";

import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField, TextAreaField, TextField, fieldId } from "@/app/_components/fields";
import { initialFormState, listOf, valueOf, type FormState } from "@/app/_components/form-state";
import { summaryOf } from "@/app/_components/use-form-action";
import { ADD_FIELDS, ADD_SLOTS } from "./form-input";

type Option = { value: string; label: string };

export interface RenewalFormText {
  errorSummary: string;
  identity: string;
  address: string;
  family: string;
  familyHint: string;
  remove: string;
  removeReason: string;
  addTitle: string;
  addHint: string;
  statementTitle: string;
  submit: string;
  submitting: string;
  choose: string;
  fields: Record<string, string>;
  hints: Record<string, string>;
}

export interface Dependant {
  statusId: string;
  name: string;
  relation: string;
}

/** RF-15: the extension application on one page; everything typed comes back on an error. */
export function RenewalForm(props: {
  locale: string;
  action: (prev: FormState, formData: FormData) => Promise<FormState>;
  text: RenewalFormText;
  options: { documentTypes: Option[]; regions: Option[]; relations: Option[]; sexes: Option[] };
  dependants: Dependant[];
  defaults: Record<string, string>;
  /** Dependants already marked as leaving (when correcting a filed application). */
  defaultRemoved?: readonly string[];
  /** Placed under the submit button (e.g. "Save and continue later"). */
  extra?: ReactNode;
}) {
  const { text, options } = props;
  const [state, formAction, pending] = useActionState(props.action, initialFormState);
  const value = (name: string) => valueOf(state, name, props.defaults[name] ?? "");
  const error = (name: string) => state.fieldErrors[name];
  const removed = listOf(state, "remove", props.defaultRemoved);
  const field = (name: string, label: string, extra: { type?: string; autoComplete?: string; hint?: string } = {}) => (
    <TextField id={fieldId(name)} name={name} label={label} hint={extra.hint} type={extra.type} autoComplete={extra.autoComplete} defaultValue={value(name)} error={error(name)} />
  );
  const select = (name: string, label: string, opts: Option[]) => (
    <SelectField id={fieldId(name)} name={name} label={label} options={opts} placeholder={text.choose} defaultValue={value(name)} error={error(name)} />
  );

  return (
    <form action={formAction} noValidate data-testid="rf-renewal-form" key={JSON.stringify(state.values)}>
      <input type="hidden" name="locale" value={props.locale} />
      <ErrorSummary title={text.errorSummary} errors={summaryOf(state.fieldErrors)} formError={state.formError} />

      <fieldset>
        <legend>
          <h2>{text.identity}</h2>
        </legend>
        {select("identity.type", text.fields.documentType!, options.documentTypes)}
        {field("identity.number", text.fields.documentNumber!)}
        {field("identity.expiresOn", text.fields.expiresOn!, { type: "date", hint: text.hints.expiresOn })}
      </fieldset>

      <fieldset>
        <legend>
          <h2>{text.address}</h2>
        </legend>
        {select("address.region", text.fields.region!, options.regions)}
        {field("address.city", text.fields.city!, { autoComplete: "address-level2" })}
        {field("address.street", text.fields.street!, { autoComplete: "address-line1" })}
        {field("address.building", text.fields.building!)}
        {field("address.flat", text.fields.flat!)}
        {field("address.phone", text.fields.phone!, { type: "tel", autoComplete: "tel" })}
      </fieldset>

      <fieldset>
        <legend>
          <h2>{text.family}</h2>
        </legend>
        <p className="hint">{text.familyHint}</p>
        {props.dependants.map((d) => (
          <div key={d.statusId} className="field">
            <div className="checkboxes">
              <label htmlFor={`remove-${d.statusId}`}>
                <input type="checkbox" id={`remove-${d.statusId}`} name="remove" value={d.statusId} defaultChecked={removed.includes(d.statusId)} />
                {text.remove.replace("{name}", d.name)} ({d.relation})
              </label>
            </div>
            <TextAreaField id={fieldId(`removeReason.${d.statusId}`)} name={`removeReason.${d.statusId}`} label={text.removeReason.replace("{name}", d.name)} rows={2} defaultValue={value(`removeReason.${d.statusId}`)} error={error(`removeReason.${d.statusId}`)} />
          </div>
        ))}
        {Array.from({ length: ADD_SLOTS }, (_, i) => (
          <fieldset key={i}>
            <legend>{text.addTitle.replace("{n}", String(i + 1))}</legend>
            <p className="hint">{text.addHint}</p>
            {ADD_FIELDS.map((f) =>
              f === "sex" || f === "relation" || f === "documentType"
                ? select(`add.${i}.${f}`, text.fields[`add_${f}`]!, f === "sex" ? options.sexes : f === "relation" ? options.relations : options.documentTypes)
                : field(`add.${i}.${f}`, text.fields[`add_${f}`]!, f === "birthDate" ? { type: "date" } : {}),
            )}
          </fieldset>
        ))}
      </fieldset>

      <fieldset>
        <legend>
          <h2>{text.statementTitle}</h2>
        </legend>
        <TextAreaField id="statement" name="statement" label={text.fields.statement!} hint={text.hints.statement} rows={5} defaultValue={value("statement")} error={error("statement")} />
        <TextAreaField id="newEvidence" name="newEvidence" label={text.fields.newEvidence!} hint={text.hints.newEvidence} rows={4} defaultValue={value("newEvidence")} error={error("newEvidence")} />
      </fieldset>

      <button type="submit" className="button" disabled={pending} data-testid="rf-submit">
        {pending ? text.submitting : text.submit}
      </button>
      {props.extra}
    </form>
  );
}
