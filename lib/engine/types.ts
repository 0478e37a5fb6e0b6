import type { z } from "zod";
import type { Role } from "@/db/schema";
import type { Tx } from "@/db/client";
import type { ParameterReader } from "@/lib/rules/parameters";
import type { ReferenceData } from "@/lib/rules/reference";

/** Who is acting. Loaded from the database on every request (lib/dal/viewer.ts). */
export interface Viewer {
  kind: "user" | "token" | "system";
  /** users.id; for a token, the service account it acts as; null for the system. */
  userId: string | null;
  role: Role | "system";
  regions: readonly string[];
  services: readonly string[];
  /** For bearer tokens: e.g. ["cases:read", "cases:act", "applications:create"]. */
  scopes?: readonly string[];
  sessionId?: string;
  tokenId?: string;
  displayName: string;
  locale: string;
}

export const SYSTEM_VIEWER: Viewer = {
  kind: "system",
  userId: null,
  role: "system",
  regions: [],
  services: [],
  displayName: "system",
  locale: "kk",
};

/** A failed rule: the rule ID, a message key in the "rules" namespace, and values for it. */
export interface RuleViolation {
  rule: string;
  messageKey: string;
  values?: Record<string, string | number>;
  /** The input field the rule is about, so a form can show it there. */
  path?: (string | number)[];
}

export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export type PerformResult<T = CaseSnapshot> =
  | { ok: true; case: T; eventId: number; /** A repeated idempotency key: this is the first request's case. */ replayed?: true }
  | { ok: false; error: "validation_failed"; issues: FieldIssue[] }
  | { ok: false; error: "rule_violation"; violations: RuleViolation[] }
  | { ok: false; error: "forbidden" }
  | { ok: false; error: "not_found" }
  | { ok: false; error: "version_conflict"; currentVersion?: number };

export interface CaseSnapshot {
  id: string;
  service: string;
  reference: string;
  status: string;
  flags: string[];
  region: string;
  ownerId: string | null;
  assigneeId: string | null;
  leaseExpiresAt: Date | null;
  data: Record<string, unknown>;
  dueOn: string | null;
  clockRemainingDays: number | null;
  version: number;
  submittedAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
}

/** What a guard or an effect gets to look at. Guards are pure: no database access. */
export interface RuleContext<Input = unknown> {
  case: CaseSnapshot;
  input: Input;
  viewer: Viewer;
  /** Civil date in Asia/Almaty on which the action happens (YYYY-MM-DD). */
  today: string;
  params: ParameterReader;
  ref: ReferenceData;
}

export type Guard<Input = unknown> = (ctx: RuleContext<Input>) => RuleViolation | null;

export interface EffectContext<Input = unknown> extends RuleContext<Input> {
  tx: Tx;
  /** The case after the transition (status, version, data already updated). */
  next: CaseSnapshot;
  /** The instant of the action, the same one recorded on the event. */
  now: Date;
}

export type Effect<Input = unknown> = (ctx: EffectContext<Input>) => Promise<void>;

export type ActorRole = Role | "system" | "owner";

export interface ActionDefinition<Input = unknown> {
  /** States the action may start from. */
  from: readonly string[];
  /** Target state; a function when the outcome depends on input or data. */
  to: string | ((ctx: RuleContext<Input>) => string);
  /** The states a computed `to` can lead to, for the generated diagrams (default: it keeps the state). */
  outcomes?: readonly string[];
  /** Staff roles that may perform it (within their regions and services); "owner" = the applicant who owns the case. */
  allowed: readonly ActorRole[];
  input: z.ZodType<Input>;
  guards?: readonly Guard<Input>[];
  /** New case data after the action (defaults to unchanged). Must be pure. */
  patch?: (ctx: RuleContext<Input>) => Partial<{ data: Record<string, unknown>; flags: string[]; region: string }>;
  effects?: readonly Effect<Input>[];
  /** What the event records of the input (defaults to all of it); keeps file bytes out of the history. */
  eventPayload?: (input: Input) => Record<string, unknown>;
  /** A decision: sets decided_at. A function when only some outcomes decide (e.g. the vote that completes a quorum). */
  decides?: boolean | ((ctx: RuleContext<Input>, toStatus: string) => boolean);
  /** Whether the applicant sees the event on their timeline. */
  public?: boolean;
  /** How the staff case page offers this action; without it the action has no staff form. */
  form?: ActionForm;
}

/**
 * A staff form for an action, rendered by the case page. Labels are messages under
 * `${messages}.${action}`: title, submit, optional body and warning, fields.<name>.label / .hint,
 * and for selects fields.<name>.options.<value> (unless the service's case-page module supplies
 * the options at render time, e.g. the centres with free places).
 */
export interface ActionForm {
  /** Message prefix, e.g. "hp.actions". */
  messages: string;
  fields: readonly ActionFormField[];
  /** Decisions that cannot be undone from the case page get the warning style. */
  danger?: boolean;
}

export interface ActionFormField {
  /** The input key the field fills (flat; the server turns checkboxes into booleans, numbers into numbers). */
  name: string;
  kind: "text" | "textarea" | "date" | "number" | "select" | "checkbox";
  required?: boolean;
  /** Static option values of a select. */
  options?: readonly string[];
  /** Where the option labels live when they are shared with other pages (e.g. "tr.refusalReasons"); default fields.<name>.options. */
  optionMessages?: string;
  /** The value the form starts with, from the case (e.g. the requested end date). */
  initial?: (c: CaseSnapshot, today: string) => string | boolean | undefined;
}

export interface DeadlineDefinition {
  /** Parameter key holding the term. */
  termParam: string;
  /** Months are calendar months (a missing day becomes the month's last); a stopped clock keeps calendar days. */
  unit: "calendar_days" | "working_days" | "calendar_months";
  /** Actions that start (or restart after a clock stop) the clock. */
  startOn: readonly string[];
  /** States in which the clock is stopped (remaining time is kept). */
  stoppedIn: readonly string[];
  /** States in which there is no deadline any more. */
  clearedIn: readonly string[];
}

export interface ServiceDefinition<Data = Record<string, unknown>> {
  id: string;
  referencePrefix: string;
  states: readonly string[];
  initialState: string;
  finalStates: readonly string[];
  /** Application data as filed (the same schema the form uses). */
  applicationSchema: z.ZodType<Data>;
  /** Rules checked when a case is created or its data replaced. */
  intakeGuards: readonly Guard<Data>[];
  /** Flags derived from data at filing (e.g. late filing). */
  intakeFlags?: (ctx: RuleContext<Data>) => string[];
  regionOf: (data: Data) => string;
  actions: Record<string, ActionDefinition<never>>;
  deadline?: DeadlineDefinition;
  /**
   * Staff roles that may read and act on this service's cases at all (within their regions and
   * services); without it every staff role may. Keeps sensitive cases (refugees) from front offices.
   */
  staffRoles?: readonly Role[];
  /** Parties to record for the case, derived from its data. */
  parties?: (data: Data) => PartyInput[];
  /**
   * Names and numbers the queue search should find the case by, beyond its parties (a service whose
   * people live in records of their own, e.g. refugee statuses). See lib/engine/search-keys.ts.
   */
  searchTerms?: (data: Data) => { names: string[]; numbers: string[] };
}

export interface PartyInput {
  role: "applicant" | "host" | "employer" | "family_member" | "representative";
  person?: {
    surname: string;
    givenNames: string;
    surnameCyrillic?: string | null;
    givenNamesCyrillic?: string | null;
    birthDate: string;
    sex: "F" | "M";
    citizenship: string;
    iin?: string | null;
    document?: { type: string; number: string; issuingCountry: string; expiresOn?: string | null };
  };
  details?: Record<string, unknown>;
}
