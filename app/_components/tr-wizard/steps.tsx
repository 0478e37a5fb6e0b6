"use client";

import { useMemo, type FormEventHandler, type ReactNode } from "react";
import { useForm, type FieldErrors, type FieldValues } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary, type SummaryError } from "@/app/_components/error-summary";
import { RadioGroup, SelectField, TextField, fieldId } from "@/app/_components/fields";
import { addressStep, hostStep, passportStep, personStep, stayStep, type TrStep } from "@/lib/services/temporary-registration/schema";
import type { TrStepValues, TrWizardOptions, TrWizardText } from "./types";

/** One form per wizard step, each validated in the browser by that step's schema. */

export interface StepProps<S extends TrStep> {
  defaults: Partial<TrStepValues[S]> | undefined;
  /** Errors the server returned for this step, by field name. */
  serverErrors: Record<string, string>;
  text: TrWizardText;
  options: TrWizardOptions;
  /** Step indicator, h1 and lead, placed under the error summary. */
  header: ReactNode;
  onContinue: (values: TrStepValues[S]) => void;
  onBack?: () => void;
  /** The person fills in their own data (browser autofill helps); false when staff file for someone. */
  own: boolean;
}

function errorReader(errors: FieldErrors<FieldValues>, serverErrors: Record<string, string>, text: TrWizardText) {
  return (name: string): string | undefined => {
    const key = errors[name]?.message;
    // Schema messages are message keys; the server passed their translations.
    if (typeof key === "string" && key) return text.messages[key] ?? text.genericError;
    return serverErrors[name];
  };
}

function StepShell({
  step,
  fields,
  errorOf,
  text,
  header,
  onSubmit,
  onBack,
  children,
}: {
  step: TrStep;
  fields: readonly string[];
  errorOf: (name: string) => string | undefined;
  text: TrWizardText;
  header: ReactNode;
  onSubmit: FormEventHandler<HTMLFormElement>;
  onBack?: () => void;
  children: ReactNode;
}) {
  const list = fields.flatMap((name) => {
    const message = errorOf(name);
    return message ? [{ path: `${step}.${name}`, message }] : [];
  });
  // The summary focuses itself whenever its list changes: hand it a new list only when the content does.
  const serialized = JSON.stringify(list);
  const errors = useMemo(() => JSON.parse(serialized) as SummaryError[], [serialized]);
  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={errors} />
      {header}
      <form onSubmit={onSubmit} noValidate aria-labelledby="wizard-title">
        {children}
        <div className="button-group">
          <button type="submit" className="button">
            {text.continue}
          </button>
          {onBack ? (
            <button type="button" className="button button--secondary" onClick={onBack}>
              {text.back}
            </button>
          ) : null}
        </div>
        <p className="muted">{text.keptInTab}</p>
      </form>
    </>
  );
}

const PERSON_FIELDS = ["surname", "givenNames", "surnameCyrillic", "givenNamesCyrillic", "birthDate", "sex", "citizenship"] as const;

export function PersonStep({ defaults, serverErrors, text, options, header, onContinue, onBack, own }: StepProps<"person">) {
  const form = useForm<z.input<typeof personStep>, unknown, z.output<typeof personStep>>({
    resolver: zodResolver(personStep),
    defaultValues: { surname: "", givenNames: "", surnameCyrillic: "", givenNamesCyrillic: "", birthDate: "", citizenship: "", ...defaults },
    shouldFocusError: false,
    // Errors change only when Continue is pressed, so the error summary never takes focus mid-typing.
    reValidateMode: "onSubmit",
  });
  const errorOf = errorReader(form.formState.errors, serverErrors, text);
  const f = text.fields;
  return (
    <StepShell step="person" fields={PERSON_FIELDS} errorOf={errorOf} text={text} header={header} onSubmit={form.handleSubmit(onContinue)} onBack={onBack}>
      <TextField id={fieldId("person.surname")} label={f["person.surname"].label} hint={f["person.surname"].hint} error={errorOf("surname")} autoComplete={own ? "family-name" : "off"} spellCheck={false} {...form.register("surname")} />
      <TextField id={fieldId("person.givenNames")} label={f["person.givenNames"].label} hint={f["person.givenNames"].hint} error={errorOf("givenNames")} autoComplete={own ? "given-name" : "off"} spellCheck={false} {...form.register("givenNames")} />
      <TextField id={fieldId("person.surnameCyrillic")} label={f["person.surnameCyrillic"].label} hint={f["person.surnameCyrillic"].hint} error={errorOf("surnameCyrillic")} spellCheck={false} {...form.register("surnameCyrillic")} />
      <TextField id={fieldId("person.givenNamesCyrillic")} label={f["person.givenNamesCyrillic"].label} hint={f["person.givenNamesCyrillic"].hint} error={errorOf("givenNamesCyrillic")} spellCheck={false} {...form.register("givenNamesCyrillic")} />
      <TextField id={fieldId("person.birthDate")} type="date" label={f["person.birthDate"].label} hint={f["person.birthDate"].hint} error={errorOf("birthDate")} autoComplete={own ? "bday" : "off"} {...form.register("birthDate")} />
      <RadioGroup name="person.sex" legend={f["person.sex"].label} error={errorOf("sex")} options={options.sexes} inputProps={() => form.register("sex")} />
      <SelectField id={fieldId("person.citizenship")} label={f["person.citizenship"].label} hint={f["person.citizenship"].hint} error={errorOf("citizenship")} options={options.countries} placeholder={text.choose} {...form.register("citizenship")} />
    </StepShell>
  );
}

const PASSPORT_FIELDS = ["passportType", "passportNumber", "passportExpiresOn"] as const;

export function PassportStep({ defaults, serverErrors, text, options, header, onContinue, onBack }: StepProps<"passport">) {
  const form = useForm<z.input<typeof passportStep>, unknown, z.output<typeof passportStep>>({
    resolver: zodResolver(passportStep),
    defaultValues: { passportNumber: "", passportExpiresOn: "", ...defaults },
    shouldFocusError: false,
    reValidateMode: "onSubmit",
  });
  const errorOf = errorReader(form.formState.errors, serverErrors, text);
  const f = text.fields;
  return (
    <StepShell step="passport" fields={PASSPORT_FIELDS} errorOf={errorOf} text={text} header={header} onSubmit={form.handleSubmit(onContinue)} onBack={onBack}>
      <SelectField id={fieldId("passport.passportType")} label={f["passport.passportType"].label} hint={f["passport.passportType"].hint} error={errorOf("passportType")} options={options.passportTypes} placeholder={text.choose} {...form.register("passportType")} />
      <TextField id={fieldId("passport.passportNumber")} label={f["passport.passportNumber"].label} hint={f["passport.passportNumber"].hint} error={errorOf("passportNumber")} autoCapitalize="characters" spellCheck={false} {...form.register("passportNumber")} />
      <TextField id={fieldId("passport.passportExpiresOn")} type="date" label={f["passport.passportExpiresOn"].label} hint={f["passport.passportExpiresOn"].hint} error={errorOf("passportExpiresOn")} {...form.register("passportExpiresOn")} />
    </StepShell>
  );
}

const STAY_FIELDS = ["entryDate", "purpose", "requestedEndDate", "eaeuWorker", "visaNumber", "visaValidUntil"] as const;

export function StayStep({ defaults, serverErrors, text, options, header, onContinue, onBack }: StepProps<"stay">) {
  const form = useForm<z.input<typeof stayStep>, unknown, z.output<typeof stayStep>>({
    resolver: zodResolver(stayStep),
    defaultValues: { entryDate: "", requestedEndDate: "", eaeuWorker: false, visaNumber: "", visaValidUntil: "", ...defaults },
    shouldFocusError: false,
    reValidateMode: "onSubmit",
  });
  const errorOf = errorReader(form.formState.errors, serverErrors, text);
  const f = text.fields;
  const eaeuId = fieldId("stay.eaeuWorker");
  const eaeuError = errorOf("eaeuWorker");
  const eaeuHint = f["stay.eaeuWorker"].hint;
  return (
    <StepShell step="stay" fields={STAY_FIELDS} errorOf={errorOf} text={text} header={header} onSubmit={form.handleSubmit(onContinue)} onBack={onBack}>
      <TextField id={fieldId("stay.entryDate")} type="date" label={f["stay.entryDate"].label} hint={f["stay.entryDate"].hint} error={errorOf("entryDate")} {...form.register("entryDate")} />
      <SelectField id={fieldId("stay.purpose")} label={f["stay.purpose"].label} hint={f["stay.purpose"].hint} error={errorOf("purpose")} options={options.purposes} placeholder={text.choose} {...form.register("purpose")} />
      <TextField id={fieldId("stay.requestedEndDate")} type="date" label={f["stay.requestedEndDate"].label} hint={f["stay.requestedEndDate"].hint} error={errorOf("requestedEndDate")} {...form.register("requestedEndDate")} />
      <div className={eaeuError ? "field field--error" : "field"}>
        {eaeuHint ? (
          <span className="hint" id={`${eaeuId}-hint`}>
            {eaeuHint}
          </span>
        ) : null}
        {eaeuError ? (
          <span className="field-error" id={`${eaeuId}-error`}>
            {eaeuError}
          </span>
        ) : null}
        <div className="checkboxes">
          <label htmlFor={eaeuId}>
            <input
              type="checkbox"
              id={eaeuId}
              aria-invalid={eaeuError ? true : undefined}
              aria-describedby={[eaeuHint ? `${eaeuId}-hint` : null, eaeuError ? `${eaeuId}-error` : null].filter(Boolean).join(" ") || undefined}
              {...form.register("eaeuWorker")}
            />
            {f["stay.eaeuWorker"].label}
          </label>
        </div>
      </div>
      <TextField id={fieldId("stay.visaNumber")} label={f["stay.visaNumber"].label} hint={f["stay.visaNumber"].hint} error={errorOf("visaNumber")} spellCheck={false} {...form.register("visaNumber")} />
      <TextField id={fieldId("stay.visaValidUntil")} type="date" label={f["stay.visaValidUntil"].label} hint={f["stay.visaValidUntil"].hint} error={errorOf("visaValidUntil")} {...form.register("visaValidUntil")} />
    </StepShell>
  );
}

const ADDRESS_FIELDS = ["region", "city", "street", "building", "flat"] as const;

export function AddressStep({ defaults, serverErrors, text, options, header, onContinue, onBack }: StepProps<"address">) {
  const form = useForm<z.input<typeof addressStep>, unknown, z.output<typeof addressStep>>({
    resolver: zodResolver(addressStep),
    defaultValues: { region: "", city: "", street: "", building: "", flat: "", ...defaults },
    shouldFocusError: false,
    reValidateMode: "onSubmit",
  });
  const errorOf = errorReader(form.formState.errors, serverErrors, text);
  const f = text.fields;
  return (
    <StepShell step="address" fields={ADDRESS_FIELDS} errorOf={errorOf} text={text} header={header} onSubmit={form.handleSubmit(onContinue)} onBack={onBack}>
      <SelectField id={fieldId("address.region")} label={f["address.region"].label} hint={f["address.region"].hint} error={errorOf("region")} options={options.regions} placeholder={text.choose} {...form.register("region")} />
      <TextField id={fieldId("address.city")} label={f["address.city"].label} hint={f["address.city"].hint} error={errorOf("city")} {...form.register("city")} />
      <TextField id={fieldId("address.street")} label={f["address.street"].label} hint={f["address.street"].hint} error={errorOf("street")} {...form.register("street")} />
      <TextField id={fieldId("address.building")} label={f["address.building"].label} hint={f["address.building"].hint} error={errorOf("building")} {...form.register("building")} />
      <TextField id={fieldId("address.flat")} label={f["address.flat"].label} hint={f["address.flat"].hint} error={errorOf("flat")} {...form.register("flat")} />
    </StepShell>
  );
}

const HOST_FIELDS = ["kind", "identifier", "name", "phone"] as const;

export function HostStep({ defaults, serverErrors, text, options, header, onContinue, onBack }: StepProps<"host">) {
  const form = useForm<z.input<typeof hostStep>, unknown, z.output<typeof hostStep>>({
    resolver: zodResolver(hostStep),
    defaultValues: { identifier: "", name: "", phone: "", ...defaults },
    shouldFocusError: false,
    reValidateMode: "onSubmit",
  });
  const errorOf = errorReader(form.formState.errors, serverErrors, text);
  const f = text.fields;
  return (
    <StepShell step="host" fields={HOST_FIELDS} errorOf={errorOf} text={text} header={header} onSubmit={form.handleSubmit(onContinue)} onBack={onBack}>
      <RadioGroup name="host.kind" legend={f["host.kind"].label} hint={f["host.kind"].hint} error={errorOf("kind")} options={options.hostKinds} inputProps={() => form.register("kind")} />
      <TextField id={fieldId("host.identifier")} label={f["host.identifier"].label} hint={f["host.identifier"].hint} error={errorOf("identifier")} inputMode="numeric" spellCheck={false} {...form.register("identifier")} />
      <TextField id={fieldId("host.name")} label={f["host.name"].label} hint={f["host.name"].hint} error={errorOf("name")} {...form.register("name")} />
      <TextField id={fieldId("host.phone")} type="tel" label={f["host.phone"].label} hint={f["host.phone"].hint} error={errorOf("phone")} {...form.register("phone")} />
    </StepShell>
  );
}
