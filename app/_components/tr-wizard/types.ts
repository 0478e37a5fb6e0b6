import type { z } from "zod";
import type { TrStep, trStepSchemas } from "@/lib/services/temporary-registration/schema";
import type { ServerDraft } from "@/app/_components/drafts/use-server-draft";
import type { TrSubmitInput, TrSubmitState } from "./submit-state";

/** The answers of each step as the form holds them (what the step's schema accepts). */
export type TrStepValues = { [S in TrStep]: z.input<(typeof trStepSchemas)[S]> };
export type TrDraft = Partial<TrStepValues>;

export interface Option {
  value: string;
  label: string;
}

/** Plain option lists, already translated and sorted on the server. */
export interface TrWizardOptions {
  countries: Option[];
  regions: Option[];
  purposes: Option[];
  passportTypes: Option[];
  sexes: Option[];
  hostKinds: Option[];
}

export type TrFieldName = { [S in TrStep]: `${S}.${keyof TrStepValues[S] & string}` }[TrStep];

export interface FieldText {
  label: string;
  hint?: string;
}

/** Every string the wizard shows, translated on the server (client components get no messages). */
export interface TrWizardText {
  serviceName: string;
  /** "Step 2 of 5" for each step. */
  stepIndicator: Record<TrStep, string>;
  pages: Record<TrStep | "check", { title: string; lead?: string }>;
  fields: Record<TrFieldName, FieldText>;
  choose: string;
  continue: string;
  back: string;
  change: string;
  yes: string;
  no: string;
  notProvided: string;
  submit: string;
  submitting: string;
  declaration: string;
  keptInTab: string;
  redirecting: string;
  errorSummaryTitle: string;
  /** The draft was changed on another device; its latest answers were loaded. */
  draftConflict: string;
  /** The draft could not be saved on the server (the answers stay in this tab). */
  draftNotSaved: string;
  /** Translations of the message keys the step schemas can produce. */
  messages: Record<string, string>;
  genericError: string;
}

export type TrSubmitAction = (input: TrSubmitInput) => Promise<TrSubmitState>;

/** The applicant's server-side draft: where they were and what they answered, on any device. */
export interface TrWizardDraft extends ServerDraft {
  /** Also the filing's idempotency key, so a repeated submit finds the case filed first. */
  id: string;
  step: string | null;
  data: TrDraft;
}

export interface TrWizardProps {
  locale: string;
  /** sessionStorage key: per user and service (and per case and version when correcting). */
  storageKey: string;
  channel: "online" | "front_office";
  submitAction: TrSubmitAction;
  options: TrWizardOptions;
  text: TrWizardText;
  /** Answers to start from (a case returned for correction); the wizard then opens on the check page. */
  initialData?: TrStepValues;
  /** Saves every step on the server (applicants filing their own application). */
  draft?: TrWizardDraft;
  /** Shown above every page of the wizard (e.g. the officer's reason for returning the case). */
  intro?: { title: string; body: string };
}
