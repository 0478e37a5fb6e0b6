"use client";

import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { ErrorSummary, type SummaryError } from "@/app/_components/error-summary";
import { TR_STEPS, trApplicationSchema, type TrApplicationInput, type TrStep } from "@/lib/services/temporary-registration/schema";
import { errorsOfStep, firstPageWithError, withoutStepErrors, type WizardPage } from "./step-errors";
import { AddressStep, HostStep, PassportStep, PersonStep, StayStep, type StepProps } from "./steps";
import { newUuid, useSessionState } from "./storage";
import { ApplicationSummary } from "./summary";
import type { TrDraft, TrStepValues, TrWizardProps } from "./types";
import { TR_SERVICE } from "@/lib/services/ids";
import { useServerDraft } from "@/app/_components/drafts/use-server-draft";

/** What survives a reload: the answers, where the user is, and the idempotency key of this filing. */
interface WizardState {
  v: 1;
  page: WizardPage;
  data: TrDraft;
  /** Created once per wizard session at the first submit, reused by every retry. */
  idempotencyKey: string | null;
  /** Errors from the server by dotted path ("stay.requestedEndDate"). */
  serverErrors: Record<string, string>;
  formError: string | null;
  /** After "Change" or a server error, Continue leads back to the check page. */
  returnToCheck: boolean;
}

const PAGES: readonly string[] = [...TR_STEPS, "check"];
const NO_ERRORS: SummaryError[] = [];

function isWizardState(v: unknown): v is WizardState {
  if (typeof v !== "object" || v === null) return false;
  const s = v as Partial<WizardState>;
  return (
    s.v === 1 &&
    typeof s.page === "string" &&
    PAGES.includes(s.page) &&
    typeof s.data === "object" &&
    s.data !== null &&
    typeof s.serverErrors === "object" &&
    s.serverErrors !== null &&
    (s.idempotencyKey === null || typeof s.idempotencyKey === "string")
  );
}

/** Client-side check of the whole application before it is sent (the server checks again). */
function missingAnswers(data: TrDraft, messages: Record<string, string>, generic: string): Record<string, string> {
  const parsed = trApplicationSchema.safeParse(data);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // A step never completed shows up as its whole object missing: point at its first field.
    const whole = issue.path.length === 1;
    const path = whole ? `${String(issue.path[0])}.${firstField(String(issue.path[0]))}` : issue.path.join(".");
    out[path] ??= messages[whole ? REQUIRED : issue.message] ?? generic;
  }
  return out;
}

const REQUIRED = "rules.validation.required";

const FIRST_FIELD: Record<TrStep, string> = { person: "surname", passport: "passportType", stay: "entryDate", address: "region", host: "kind" };
function firstField(step: string): string {
  return FIRST_FIELD[step as TrStep] ?? "";
}

function pageOf(step: string | null): WizardPage {
  return step !== null && PAGES.includes(step) ? (step as WizardPage) : "person";
}

export function TrWizard({ locale, storageKey, channel, submitAction, options, text, initialData, intro, draft }: TrWizardProps) {
  const router = useRouter();
  const initial = useMemo<WizardState>(
    () =>
      draft && draft.version !== null
        ? { v: 1, page: pageOf(draft.step), data: draft.data, idempotencyKey: draft.id, serverErrors: {}, formError: null, returnToCheck: draft.step === "check" }
        : {
            v: 1,
            page: initialData ? "check" : "person",
            data: initialData ?? {},
            idempotencyKey: draft?.id ?? null,
            serverErrors: {},
            formError: null,
            returnToCheck: initialData !== undefined,
          },
    [initialData, draft],
  );
  const [state, setState, clear] = useSessionState(storageKey, initial, isWizardState);
  const [draftNotice, setDraftNotice] = useState<string | null>(null);
  // A newer save from another device wins: its answers and page are loaded here.
  const serverDraft = useServerDraft(draft, TR_SERVICE, {
    onSaved: () => setDraftNotice(null),
    onConflict: (latest) => {
      setState({ ...state, page: pageOf(latest.step), data: latest.data as TrDraft, serverErrors: {}, returnToCheck: latest.step === "check" });
      setDraftNotice(text.draftConflict);
    },
    onFailed: () => setDraftNotice(text.draftNotSaved),
  });
  const [pending, setPending] = useState(false);
  const [leaving, setLeaving] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownPage = useRef(state.page);
  // Refs, not state: a double click reaches submit twice before React re-renders.
  const inFlight = useRef(false);
  const keyRef = useRef<string | null>(null);

  const page = state.page;
  const pageHasErrors = page === "check" ? state.formError !== null : Object.keys(errorsOfStep(state.serverErrors, page)).length > 0;
  // A new page moves focus to its heading, unless the error summary has taken it.
  useEffect(() => {
    if (shownPage.current === page) return;
    shownPage.current = page;
    if (!pageHasErrors) headingRef.current?.focus();
  }, [page, pageHasErrors]);

  if (leaving) {
    return (
      <p role="status" className="notice notice--success">
        {text.redirecting}
      </p>
    );
  }

  const stepIndex = page === "check" ? -1 : TR_STEPS.indexOf(page);
  const go = (next: WizardPage, patch: Partial<WizardState> = {}) => setState({ ...state, ...patch, page: next });

  function save<S extends TrStep>(step: S, values: TrStepValues[S]) {
    const serverErrors = withoutStepErrors(state.serverErrors, step);
    const next: WizardPage = state.returnToCheck ? firstPageWithError(serverErrors) : (TR_STEPS[TR_STEPS.indexOf(step) + 1] ?? "check");
    const nextState: WizardState = { ...state, page: next, data: { ...state.data, [step]: values }, serverErrors };
    setState(nextState);
    void serverDraft.save(nextState.page, nextState.data);
  }

  const back = (): void => {
    if (state.returnToCheck && page !== "check") go("check");
    else go(page === "check" ? "host" : (TR_STEPS[stepIndex - 1] ?? "person"));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    const missing = missingAnswers(state.data, text.messages, text.genericError);
    if (Object.keys(missing).length) {
      go(firstPageWithError(missing), { serverErrors: missing, formError: null, returnToCheck: true });
      return;
    }
    const idempotencyKey = draft?.id ?? state.idempotencyKey ?? keyRef.current ?? newUuid();
    keyRef.current = idempotencyKey;
    const sent: WizardState = { ...state, idempotencyKey, formError: null };
    setState(sent);
    inFlight.current = true;
    setPending(true);
    try {
      // The last step's save must land before the filing deletes the draft.
      await serverDraft.saved();
      const result = await submitAction({ data: state.data as TrApplicationInput, idempotencyKey, channel, locale });
      if (result.ok && result.redirectTo) {
        setLeaving(true);
        clear();
        router.push(result.redirectTo);
        return;
      }
      setState({ ...sent, serverErrors: result.fieldErrors, formError: result.formError, page: result.page, returnToCheck: true });
      // The case changed under the user: reload the page's data (the latest version).
      if (result.conflict) router.refresh();
    } catch {
      setState({ ...sent, formError: text.genericError });
    } finally {
      inFlight.current = false;
      setPending(false);
    }
  }

  const pageText = text.pages[page];
  const header = (
    <>
      <p className="muted" id="wizard-progress">
        {text.serviceName}
        {page !== "check" ? ` — ${text.stepIndicator[page]}` : null}
      </p>
      <h1 id="wizard-title" ref={headingRef} tabIndex={-1}>
        {pageText.title}
      </h1>
      {pageText.lead ? <p className="lead">{pageText.lead}</p> : null}
      {draftNotice ? (
        <p className="notice notice--warning" role="status" data-testid="draft-notice">
          {draftNotice}
        </p>
      ) : null}
      {intro ? (
        <div className="notice notice--warning">
          <p>
            <strong>{intro.title}</strong>
          </p>
          <p>{intro.body}</p>
        </div>
      ) : null}
    </>
  );

  if (page === "check") {
    return (
      <>
        <ErrorSummary title={text.errorSummaryTitle} errors={NO_ERRORS} formError={state.formError} />
        {header}
        <ApplicationSummary
          data={state.data}
          options={options}
          text={text}
          locale={locale}
          changeAction={(step, label) => (
            <button type="button" className="link-button" onClick={() => go(step, { returnToCheck: true })}>
              {text.change}
              <span className="visually-hidden"> {label}</span>
            </button>
          )}
        />
        <form onSubmit={submit} noValidate aria-labelledby="wizard-title">
          <p>{text.declaration}</p>
          <div className="button-group">
            <button type="submit" className="button" disabled={pending} aria-disabled={pending}>
              {pending ? text.submitting : text.submit}
            </button>
            <button type="button" className="button button--secondary" onClick={back} disabled={pending}>
              {text.back}
            </button>
          </div>
        </form>
      </>
    );
  }

  const common = {
    serverErrors: errorsOfStep(state.serverErrors, page),
    text,
    options,
    header,
    own: channel === "online",
    onBack: stepIndex > 0 || state.returnToCheck ? back : undefined,
  };
  const stepProps = <S extends TrStep>(step: S): StepProps<S> => ({
    ...common,
    defaults: state.data[step],
    onContinue: (values) => save(step, values),
  });
  switch (page) {
    case "person":
      return <PersonStep key="person" {...stepProps("person")} />;
    case "passport":
      return <PassportStep key="passport" {...stepProps("passport")} />;
    case "stay":
      return <StayStep key="stay" {...stepProps("stay")} />;
    case "address":
      return <AddressStep key="address" {...stepProps("address")} />;
    case "host":
      return <HostStep key="host" {...stepProps("host")} />;
  }
}
