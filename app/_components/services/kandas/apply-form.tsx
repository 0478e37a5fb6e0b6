"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ErrorSummary, type SummaryError } from "@/app/_components/error-summary";
import { CheckboxGroup, RadioGroup, SelectField, TextField, fieldId } from "@/app/_components/fields";
import { newUuid } from "@/app/_components/tr-wizard/storage";
import { kdApplicationSchema } from "@/lib/services/kandas-status/schema";
import { useServerDraft, type ServerDraft } from "@/app/_components/drafts/use-server-draft";
import { KD_SERVICE } from "@/lib/services/ids";
import type { KdApplyOption, KdApplyText, KdSubmitInput, KdSubmitState } from "./apply-types";

type Input = z.input<typeof kdApplicationSchema>;
type Output = z.output<typeof kdApplicationSchema>;
type MemberInput = NonNullable<Input["members"]>[number];

const EMPTY_MEMBER: MemberInput = { surname: "", givenNames: "", birthDate: "", sex: undefined as never, citizenship: "", documentType: "passport_national", documentNumber: "", relationship: undefined as never };

/** Every error of a nested react-hook-form error tree, by dotted path, in the order of the form. */
function flatten(errors: FieldErrors, prefix = ""): [string, string][] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || key === "ref" || key === "root") return [];
    const path = prefix ? `${prefix}.${key}` : key;
    const message = (value as { message?: unknown }).message;
    if (typeof message === "string" && message) return [[path, message] as [string, string]];
    return typeof value === "object" ? flatten(value as FieldErrors, path) : [];
  });
}

interface Stored {
  data: Input;
  idempotencyKey: string | null;
}

/**
 * The kandas application on one page: the applicant, any number of family members (added and
 * removed with announced changes), origin, education and work, region and documents. Answers are
 * kept in this tab's sessionStorage until sent; the server validates everything again.
 */
/** The applicant's server-side draft of this form, saved a moment after each change. */
export interface KdDraft extends ServerDraft {
  text: { saveLater: string; saveLaterHint: string; conflict: string; notSaved: string };
}

const AUTOSAVE_MS = 1500;

export function KandasApplyForm({
  storageKey,
  locale,
  defaults,
  text,
  submitAction,
  draft,
}: {
  storageKey: string;
  locale: string;
  defaults: Input;
  text: KdApplyText;
  submitAction: (input: KdSubmitInput) => Promise<KdSubmitState>;
  draft?: KdDraft;
}) {
  const router = useRouter();
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(kdApplicationSchema), defaultValues: defaults, shouldFocusError: false });
  const members = useFieldArray({ control: form.control, name: "members" });
  const [server, setServer] = useState<{ fieldErrors: Record<string, string>; formError: string | null }>({ fieldErrors: {}, formError: null });
  const [announcement, setAnnouncement] = useState("");
  const [pending, setPending] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const keyRef = useRef<string | null>(null);
  const focusMember = useRef<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const [draftNotice, setDraftNotice] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const serverDraft = useServerDraft(draft, KD_SERVICE, {
    onSaved: () => setDraftNotice(null),
    onConflict: (latest) => {
      form.reset(latest.data as Input);
      setDraftNotice(draft?.text.conflict ?? null);
    },
    onFailed: () => setDraftNotice(draft?.text.notSaved ?? null),
  });
  const saveDraftNow = serverDraft.save;
  const saveDraft = (values: Input) => saveDraftNow(null, values as Record<string, unknown>);

  useEffect(() => {
    if (!draft) return;
    const unsubscribe = form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(() => void saveDraftNow(null, values as Record<string, unknown>), AUTOSAVE_MS);
      },
    });
    return () => {
      unsubscribe();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [form, draft, saveDraftNow]);

  async function saveAndLeave() {
    if (timer.current) clearTimeout(timer.current);
    if (await saveDraft(form.getValues())) {
      setLeaving(true);
      window.sessionStorage.removeItem(storageKey);
      router.push(`/${locale}/applications?draft=saved`);
    }
  }

  // Restore what was typed in this tab, then keep saving it.
  useEffect(() => {
    try {
      const raw = window.sessionStorage.getItem(storageKey);
      if (raw) {
        const stored = JSON.parse(raw) as Stored;
        form.reset(stored.data);
        keyRef.current = stored.idempotencyKey;
      }
    } catch {
      // Nothing stored, or storage blocked: start empty.
    }
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        try {
          window.sessionStorage.setItem(storageKey, JSON.stringify({ data: values, idempotencyKey: keyRef.current } satisfies Stored));
        } catch {
          // Storage blocked: the answers stay in the page.
        }
      },
    });
  }, [form, storageKey]);

  useEffect(() => {
    if (focusMember.current === null) return;
    document.getElementById(fieldId(`members.${focusMember.current}.surname`))?.focus();
    focusMember.current = null;
  }, [members.fields.length]);

  if (leaving) {
    return (
      <p role="status" className="notice notice--success">
        {text.redirecting}
      </p>
    );
  }

  const clientErrors = Object.fromEntries(flatten(form.formState.errors).map(([path, key]) => [path, text.messages[key] ?? text.genericError]));
  const errors: Record<string, string> = { ...server.fieldErrors, ...clientErrors };
  const summary: SummaryError[] = Object.entries(errors).map(([path, message]) => ({ path, message }));
  const error = (path: string) => errors[path];
  const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));

  const field = (path: string, label: string, extra: { type?: string; hint?: string; autoComplete?: string; inputMode?: "numeric" } = {}) => (
    <TextField id={fieldId(path)} label={label} hint={extra.hint} type={extra.type} autoComplete={extra.autoComplete ?? "off"} inputMode={extra.inputMode} error={error(path)} {...form.register(path as never)} />
  );
  const select = (path: string, label: string, options: KdApplyOption[], hint?: string) => (
    <SelectField id={fieldId(path)} label={label} hint={hint} options={options} placeholder={text.select} error={error(path)} {...form.register(path as never)} />
  );
  const radios = (path: string, legend: string, options: KdApplyOption[]) => (
    <RadioGroup name={path} legend={legend} error={error(path)} options={options} inputProps={() => form.register(path as never)} />
  );
  const checkbox = (path: string, label: string) => (
    <div className={error(path) ? "field field--error checkboxes" : "field checkboxes"}>
      {error(path) ? (
        <span className="field-error" id={`${fieldId(path)}-error`}>
          {error(path)}
        </span>
      ) : null}
      <label htmlFor={fieldId(path)}>
        <input type="checkbox" id={fieldId(path)} aria-invalid={error(path) ? true : undefined} aria-describedby={error(path) ? `${fieldId(path)}-error` : undefined} {...form.register(path as never)} />
        {label}
      </label>
    </div>
  );
  const countries = text.countries;
  const person = (prefix: string) => (
    <>
      {field(`${prefix}.surname`, text.fields.surname!)}
      {field(`${prefix}.givenNames`, text.fields.givenNames!)}
      {field(`${prefix}.surnameCyrillic`, text.fields.surnameCyrillic!)}
      {field(`${prefix}.givenNamesCyrillic`, text.fields.givenNamesCyrillic!)}
      {field(`${prefix}.birthDate`, text.fields.birthDate!, { type: "date" })}
      {radios(`${prefix}.sex`, text.fields.sex!, text.options.sexes)}
      {select(`${prefix}.citizenship`, text.fields.citizenship!, countries)}
      {select(`${prefix}.documentType`, text.fields.documentType!, text.options.documentTypes)}
      {field(`${prefix}.documentNumber`, text.fields.documentNumber!)}
    </>
  );

  function addMember() {
    focusMember.current = members.fields.length;
    members.append({ ...EMPTY_MEMBER }, { shouldFocus: false });
    setAnnouncement(fill(text.memberAdded, { number: members.fields.length + 1 }));
  }

  function removeMember(index: number) {
    members.remove(index);
    // Server errors of members are by position: they no longer match after a removal.
    setServer((s) => ({ ...s, fieldErrors: Object.fromEntries(Object.entries(s.fieldErrors).filter(([p]) => !p.startsWith("members."))) }));
    setAnnouncement(fill(text.memberRemoved, { number: index + 1 }));
    addRef.current?.focus();
  }

  async function send(data: Output) {
    if (pending) return;
    const idempotencyKey = draft?.id ?? keyRef.current ?? newUuid();
    keyRef.current = idempotencyKey;
    setPending(true);
    try {
      // A pending save must land before the filing deletes the draft.
      if (timer.current) clearTimeout(timer.current);
      await serverDraft.saved();
      const result = await submitAction({ data, idempotencyKey, locale });
      if (result.ok && result.redirectTo) {
        setLeaving(true);
        window.sessionStorage.removeItem(storageKey);
        router.push(result.redirectTo);
        return;
      }
      setServer({ fieldErrors: result.fieldErrors, formError: result.formError });
    } catch {
      setServer({ fieldErrors: {}, formError: text.genericError });
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <ErrorSummary title={text.errorSummaryTitle} errors={summary} formError={server.formError} />
      <h1>{text.title}</h1>
      <p className="lead">{text.lead}</p>
      {draftNotice ? (
        <p className="notice notice--warning" role="status" data-testid="draft-notice">
          {draftNotice}
        </p>
      ) : null}
      <form
        noValidate
        onSubmit={(event) => void form.handleSubmit(send, () => setServer((s) => ({ ...s, formError: null })))(event)}
        aria-describedby="kd-declaration"
      >
        <fieldset>
          <legend>
            <h2>{text.sections.principal}</h2>
          </legend>
          {person("principal")}
          {select("principal.birthCountry", text.fields.birthCountry!, countries)}
          {checkbox("principal.ethnicKazakh", text.fields.ethnicKazakh!)}
        </fieldset>

        <section aria-labelledby="kd-members-title">
          <h2 id="kd-members-title">{text.sections.members}</h2>
          <p role="status" aria-live="polite" className="visually-hidden">
            {announcement}
          </p>
          {members.fields.length === 0 ? <p>{text.noMembers}</p> : null}
          {members.fields.map((m, i) => (
            <fieldset key={m.id} className="card" data-testid="family-member" style={{ marginBottom: "1rem" }}>
              <legend>
                <h3>{fill(text.member, { number: i + 1 })}</h3>
              </legend>
              {select(`members.${i}.relationship`, text.fields.relationship!, text.options.relationships)}
              {person(`members.${i}`)}
              <button type="button" className="button button--secondary" onClick={() => removeMember(i)}>
                {fill(text.removeMember, { number: i + 1 })}
              </button>
            </fieldset>
          ))}
          <p>
            <button type="button" className="button button--secondary" onClick={addMember} ref={addRef} id={fieldId("members")}>
              {text.addMember}
            </button>
          </p>
        </section>

        <fieldset>
          <legend>
            <h2>{text.sections.origin}</h2>
          </legend>
          {radios("origin.basis", text.fields.basis!, text.options.bases)}
          {select("origin.residenceOnCutoff", text.fields.residenceOnCutoff!, countries)}
          {field("origin.parentName", text.fields.parentName!, { hint: text.fields.parentNameHint })}
          {checkbox("origin.parentEthnicKazakh", text.fields.parentEthnicKazakh!)}
          {radios("origin.familyHistory", text.fields.familyHistory!, text.options.familyHistories)}
          {field("origin.emigrationDate", text.fields.emigrationDate!, { type: "date", hint: text.fields.emigrationDateHint })}
          {select("origin.currentCountry", text.fields.currentCountry!, countries)}
        </fieldset>

        <fieldset>
          <legend>
            <h2>{text.sections.qualifications}</h2>
          </legend>
          {select("qualifications.education", text.fields.education!, text.options.education)}
          {field("qualifications.qualification", text.fields.qualification!)}
          {select("qualifications.sector", text.fields.sector!, text.options.sectors)}
          {field("qualifications.yearsOfExperience", text.fields.yearsOfExperience!, { type: "number", inputMode: "numeric" })}
        </fieldset>

        <fieldset>
          <legend>
            <h2>{text.sections.resettlement}</h2>
          </legend>
          {select("resettlement.region", text.fields.region!, text.regions, text.fields.regionHint)}
          {field("resettlement.city", text.fields.city!)}
          {field("resettlement.phone", text.fields.phone!, { type: "tel", autoComplete: "tel" })}
          {checkbox("resettlement.needsCentrePlace", text.fields.needsCentrePlace!)}
        </fieldset>

        <fieldset>
          <legend>
            <h2>{text.sections.documents}</h2>
          </legend>
          <CheckboxGroup name="documents" legend={text.fields.documents!} error={error("documents")} options={text.options.documents} inputProps={() => form.register("documents")} />
        </fieldset>

        <p id="kd-declaration">{text.declaration}</p>
        <div className="button-group">
          <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
            {pending ? text.submitting : text.submit}
          </button>
          {draft ? (
            <button type="button" className="button button--secondary" onClick={() => void saveAndLeave()} disabled={pending} data-testid="save-later">
              {draft.text.saveLater}
            </button>
          ) : null}
        </div>
        {draft ? <p className="hint">{draft.text.saveLaterHint}</p> : null}
      </form>
    </>
  );
}
