import { eq } from "drizzle-orm";
import { z } from "zod";
import { users, type Role } from "@/db/schema";
import { addCalendarDays, isValidCivilDate } from "@/lib/rules/dates";
import { checkAttachment, storeAttachment } from "@/lib/attachments/store";
import { notify, refuseAction, scheduleJob } from "./effects";
import { issueRefusalLetter } from "./refusal-letter";
import type { ActionDefinition, ActionFormField, EffectContext, Guard, RuleContext, RuleViolation, ServiceDefinition } from "./types";

/**
 * The applicant's conversation with the office, added to every service by one wrapper:
 * requests for information (the statutory clock stops while the applicant is asked) and the
 * right to be heard before a refusal (a preliminary refusal, a written response or a hearing,
 * then the final decision). Rules X-HEAR-01 … X-HEAR-08 (docs/architecture.md).
 */

export const AWAITING_INFORMATION = "awaiting_information";
export const PRELIMINARY_REFUSAL = "preliminary_refusal";
/** The follow-up that tells the officer an information request went unanswered (lib/engine/conversation-jobs.ts). */
export const INFORMATION_OVERDUE_JOB = "information_overdue";
export const INFORMATION_OVERDUE_FLAG = "information_overdue";
/** Kind of the attachments an applicant sends with an answer. */
export const ANSWER_ATTACHMENT_KIND = "information_answer";

const STAFF = ["officer", "supervisor"] as const satisfies readonly Role[];
/** The applicant, or a front office on their behalf (a written answer handed in at the desk). */
const APPLICANT_SIDE = ["owner", "clerk"] as const;
const MESSAGES = "hearing.staffActions";
const required = "rules.validation.required";
const longText = (min: number) =>
  z.string({ error: required }).trim().min(min, { error: min > 1 ? "rules.validation.reasonTooShort" : required }).max(4000, { error: "rules.validation.tooLong" });

export interface InformationRequest {
  items: string;
  requestedOn: string;
  dueOn: string;
  returnTo: string;
  requestedBy: string | null;
}

export interface PreliminaryRefusal {
  /** The refusal action this prepares; only it may follow. */
  refusal: string;
  returnTo: string;
  grounds: string | null;
  explanation: string;
  issuedOn: string;
  issuedBy: string | null;
  /** Last day to respond or ask for a hearing (X-HEAR-04). */
  respondBy: string;
  response?: { text: string; on: string };
  hearingRequest?: { mode: HearingMode; requestedOn: string; holdBy: string; note?: string };
  hearing?: { date: string; time: string; place: string; scheduledOn: string };
  reschedules: number;
  minutes?: { text: string; attended: boolean; recordedOn: string };
  waivedOn?: string;
}

export interface ConversationData {
  information?: InformationRequest;
  preliminary?: PreliminaryRefusal;
}

/** Conversation events whose text (the request, the answer, the grounds, the minutes) the timeline shows. */
export const CONVERSATION_TEXT_EVENTS: ReadonlySet<string> = new Set([
  "request_information",
  "answer_information",
  "resume_without_answer",
  "preliminary_refuse",
  "preliminary_refuse_quota",
  "respond_to_preliminary_refusal",
  "request_hearing",
  "schedule_hearing",
  "reschedule_hearing",
  "record_hearing_minutes",
  "withdraw_preliminary_refusal",
]);

export const HEARING_MODES = ["online", "in_person"] as const;
export type HearingMode = (typeof HEARING_MODES)[number];

export interface RefusalSpec {
  /** The service's refusal action. */
  action: string;
  /** The name of the action that issues its preliminary refusal (default preliminary_refuse). */
  preliminary?: string;
  /** The refusal form's select that holds the grounds (default reasonCode). */
  groundsField?: string;
  /** For actions whose outcome depends on input or data (a vote, a proposal): whether this one refuses. */
  when?: (ctx: RuleContext<unknown>) => boolean;
}

export interface ConversationOptions {
  refusals: readonly RefusalSpec[];
  /** States from which an officer may ask the applicant for information. */
  informationFrom: readonly string[];
  /** States that mean the application was refused: whatever action leads there issues the refusal letter. */
  refusedStates: readonly string[];
  /** Actions that stay open while the applicant is asked or heard (withdrawing, adding a document). */
  stillOpen?: readonly string[];
}

export const conversationOf = (data: Record<string, unknown>): ConversationData => (data.conversation ?? {}) as ConversationData;
const withConversation = (ctx: RuleContext<unknown>, next: ConversationData) => ({ data: { ...ctx.case.data, conversation: next } });
const current = (ctx: RuleContext<unknown>) => conversationOf(ctx.case.data);
const preliminaryOf = (ctx: RuleContext<unknown>) => current(ctx).preliminary;

function action<I>(a: ActionDefinition<I>): ActionDefinition<never> {
  return a as unknown as ActionDefinition<never>;
}

/** The civil date and time of a hearing, and of the instant it starts (Kazakhstan time). */
const hearingTime = z.string({ error: required }).trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "hearing.validation.time" });
const civilDate = z.string({ error: required }).trim().min(1, { error: required }).refine(isValidCivilDate, { error: "rules.validation.date" });

export const requestInformationInput = z.object({ items: longText(10) });
export const answerFileSchema = z.object({ fileName: z.string().trim().min(1).max(200), bytes: z.instanceof(Uint8Array) });
export const answerInformationInput = z.object({ answer: longText(1), files: z.array(answerFileSchema).max(5, { error: "hearing.validation.tooManyFiles" }).optional() });
export const resumeInput = z.object({ reason: longText(10) });
export const respondInput = z.object({ response: longText(10) });
export const requestHearingInput = z.object({ mode: z.enum(HEARING_MODES, { error: required }), note: z.string().trim().max(2000, { error: "rules.validation.tooLong" }).optional() });
export const scheduleHearingInput = z.object({ date: civilDate, time: hearingTime, place: longText(3) });
export const rescheduleInput = z.object({ reason: longText(10) });
export const minutesInput = z.object({ minutes: longText(10), attended: z.boolean().optional() });
export const waiveInput = z.object({});
export const withdrawPreliminaryInput = z.object({ reason: longText(10) });

// ------------------------------------------------------------------------------------------- rules

/** X-HEAR-03: a refusal takes effect only after the hearing, a waiver, or a response term that passed unused. */
export function xHear03MayRefuse(p: PreliminaryRefusal | undefined, refusal: string, today: string): RuleViolation | null {
  if (!p || p.refusal !== refusal) return { rule: "X-HEAR-03", messageKey: "hearing.rules.preliminaryFirst" };
  if (p.minutes || p.waivedOn) return null;
  if (!p.hearingRequest && today > p.respondBy) return null;
  if (p.hearingRequest) return { rule: "X-HEAR-03", messageKey: "hearing.rules.hearingPending" };
  return { rule: "X-HEAR-03", messageKey: "hearing.rules.termRunning", values: { respondBy: p.respondBy } };
}

/** X-HEAR-04: a hearing is asked for within the response term, once, and not after a waiver. */
export function xHear04MayRequestHearing(p: PreliminaryRefusal | undefined, today: string): RuleViolation | null {
  if (!p) return { rule: "X-HEAR-04", messageKey: "hearing.rules.noPreliminary" };
  if (p.waivedOn) return { rule: "X-HEAR-04", messageKey: "hearing.rules.waived" };
  if (p.hearingRequest) return { rule: "X-HEAR-04", messageKey: "hearing.rules.alreadyRequested" };
  if (today > p.respondBy) return { rule: "X-HEAR-04", messageKey: "hearing.rules.termPassed", values: { respondBy: p.respondBy } };
  return null;
}

/** X-HEAR-05: the hearing is held within the parameterised number of working days of the request. */
export function xHear05HearingDate(p: PreliminaryRefusal | undefined, date: string, today: string): RuleViolation | null {
  if (!p?.hearingRequest) return { rule: "X-HEAR-05", messageKey: "hearing.rules.notRequested" };
  if (p.minutes) return { rule: "X-HEAR-05", messageKey: "hearing.rules.alreadyHeld" };
  if (date < today || date > p.hearingRequest.holdBy)
    return { rule: "X-HEAR-05", messageKey: "hearing.rules.dateOutOfRange", values: { from: today, until: p.hearingRequest.holdBy }, path: ["date"] };
  return null;
}

/** X-HEAR-06: the applicant may ask to move a scheduled hearing a limited number of times (one). */
export function xHear06MayReschedule(p: PreliminaryRefusal | undefined, allowed: number): RuleViolation | null {
  if (!p?.hearing || p.minutes) return { rule: "X-HEAR-06", messageKey: "hearing.rules.nothingToReschedule" };
  if (p.reschedules >= allowed) return { rule: "X-HEAR-06", messageKey: "hearing.rules.rescheduleUsed", values: { allowed } };
  return null;
}

/** X-HEAR-07: minutes belong to a scheduled hearing, recorded on or after its day. */
export function xHear07MayRecordMinutes(p: PreliminaryRefusal | undefined, today: string): RuleViolation | null {
  if (!p?.hearing) return { rule: "X-HEAR-07", messageKey: "hearing.rules.noHearingScheduled" };
  if (p.minutes) return { rule: "X-HEAR-07", messageKey: "hearing.rules.alreadyHeld" };
  if (today < p.hearing.date) return { rule: "X-HEAR-07", messageKey: "hearing.rules.hearingNotYet", values: { date: p.hearing.date } };
  return null;
}

/** X-HEAR-08: a case waiting for an answer goes on without it only after the applicant's term ended. */
export function xHear08MayResume(r: InformationRequest | undefined, today: string): RuleViolation | null {
  if (!r) return { rule: "X-HEAR-08", messageKey: "hearing.rules.noRequest" };
  if (today <= r.dueOn) return { rule: "X-HEAR-08", messageKey: "hearing.rules.answerTermRunning", values: { dueOn: r.dueOn } };
  return null;
}

// ---------------------------------------------------------------------------------------- effects

/** Messages go out in the recipient's own language, whoever acted. */
async function localeOf(ctx: EffectContext<unknown>, userId: string): Promise<string> {
  const [user] = await ctx.tx.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
  return user?.locale ?? ctx.viewer.locale;
}

async function tellApplicant(ctx: EffectContext<unknown>, template: string, params: Record<string, string | number> = {}): Promise<void> {
  if (!ctx.next.ownerId) return;
  const locale = await localeOf(ctx, ctx.next.ownerId);
  await notify(ctx.tx, { userId: ctx.next.ownerId, caseId: ctx.next.id, template: `hearing.notifications.${template}`, params: { reference: ctx.next.reference, ...params }, locale, at: ctx.now });
}

/** The officer who started the step (or the case's holder) hears about the applicant's move. */
async function tellOfficer(ctx: EffectContext<unknown>, officerId: string | null | undefined, template: string, params: Record<string, string | number> = {}): Promise<void> {
  const to = officerId ?? ctx.next.assigneeId;
  if (!to || to === ctx.viewer.userId) return;
  await notify(ctx.tx, { userId: to, caseId: ctx.next.id, template: `hearing.notifications.${template}`, params: { reference: ctx.next.reference, ...params }, locale: await localeOf(ctx, to), at: ctx.now });
}

// ------------------------------------------------------------------------------------------ forms

const form = (fields: readonly ActionFormField[], danger = false) => ({ messages: MESSAGES, fields, danger });
const TEXT = (name: string, required = true): ActionFormField => ({ name, kind: "textarea", required });

/** The refusal's grounds select, so the preliminary refusal offers the same grounds with the same labels. */
function groundsFieldOf(service: ServiceDefinition<never>, spec: RefusalSpec): ActionFormField | null {
  const refusal = service.actions[spec.action];
  const field = refusal?.form?.fields.find((f) => f.name === (spec.groundsField ?? "reasonCode") && f.kind === "select" && f.options?.length);
  if (!refusal?.form || !field) return null;
  return {
    name: "grounds",
    kind: "select",
    required: true,
    options: field.options,
    optionMessages: field.optionMessages ?? `${refusal.form.messages}.${spec.action}.fields.${field.name}.options`,
  };
}

const groundsFields = new Map<string, ActionFormField>();

/** Where the applicant's status page finds the label of a ground. */
export function groundsLabelKey(serviceId: string, refusal: string, ground: string): string | null {
  const field = groundsFields.get(`${serviceId}:${refusal}`);
  return field?.optionMessages ? `${field.optionMessages}.${ground}` : null;
}

// ------------------------------------------------------------------------------------------ wrapper

/**
 * Adds the conversation's states and actions to a service and puts every listed refusal behind a
 * preliminary refusal. The guard lives in the refusal's own guards, so anything that checks guards
 * before acting (a four-eyes proposal, for instance) sees it.
 */
export function withApplicantConversation<D>(definition: ServiceDefinition<D>, options: ConversationOptions): ServiceDefinition<D> {
  const service = definition as unknown as ServiceDefinition<never>;
  const actions: Record<string, ActionDefinition<never>> = { ...service.actions };
  const deadline = definition.deadline
    ? { ...definition.deadline, stoppedIn: [...new Set([...definition.deadline.stoppedIn, AWAITING_INFORMATION, PRELIMINARY_REFUSAL])] }
    : undefined;

  actions.request_information = action({
    from: options.informationFrom,
    to: AWAITING_INFORMATION,
    allowed: STAFF,
    input: requestInformationInput,
    eventReason: (input) => input.items,
    patch: (ctx) => {
      const dueOn = ctx.ref.calendar.addWorkingDays(ctx.today, ctx.params.number("information_request_working_days", ctx.today));
      const information: InformationRequest = { items: ctx.input.items, requestedOn: ctx.today, dueOn, returnTo: ctx.case.status, requestedBy: ctx.viewer.userId };
      return { ...withConversation(ctx, { ...current(ctx), information }), flags: ctx.case.flags.filter((f) => f !== INFORMATION_OVERDUE_FLAG) };
    },
    effects: [
      async (ctx) => {
        const request = conversationOf(ctx.next.data).information!;
        await tellApplicant(ctx, "informationRequested", { dueOn: request.dueOn });
        await scheduleJob(ctx.tx, { kind: INFORMATION_OVERDUE_JOB, caseId: ctx.next.id, runAt: new Date(`${addCalendarDays(request.dueOn, 1)}T09:00:00+05:00`), payload: { requestedOn: request.requestedOn, dueOn: request.dueOn } });
      },
    ],
    form: form([TEXT("items")]),
  });

  actions.answer_information = action({
    from: [AWAITING_INFORMATION],
    to: (ctx) => current(ctx).information?.returnTo ?? definition.initialState,
    outcomes: options.informationFrom,
    allowed: APPLICANT_SIDE,
    input: answerInformationInput,
    eventReason: (input) => input.answer,
    eventPayload: (input) => ({ answer: input.answer, files: (input.files ?? []).map((f) => ({ fileName: f.fileName, sizeBytes: f.bytes.byteLength })) }),
    patch: (ctx) => {
      const { information: _answered, ...rest } = current(ctx);
      return { ...withConversation(ctx, rest), flags: ctx.case.flags.filter((f) => f !== INFORMATION_OVERDUE_FLAG) };
    },
    effects: [
      async (ctx) => {
        await tellOfficer(ctx, current(ctx).information?.requestedBy, "informationAnswered");
        // Each file is typed by its bytes; one bad file undoes the whole answer (the notice too) and says which one.
        for (const [i, file] of (ctx.input.files ?? []).entries()) {
          const checked = await checkAttachment(file.bytes, ctx.params, ctx.today);
          if (!checked.ok) refuseAction({ rule: "X-ATTACHMENT", messageKey: checked.messageKey, values: { ...checked.values, file: file.fileName }, path: ["files", i] });
          await storeAttachment(ctx.tx, { caseId: ctx.next.id, kind: ANSWER_ATTACHMENT_KIND, fileName: file.fileName, bytes: file.bytes, uploadedBy: ctx.viewer.userId }, checked);
        }
      },
    ],
    form: form([TEXT("answer")]),
  });

  actions.resume_without_answer = action({
    from: [AWAITING_INFORMATION],
    to: (ctx) => current(ctx).information?.returnTo ?? definition.initialState,
    outcomes: options.informationFrom,
    allowed: STAFF,
    input: resumeInput,
    guards: [(ctx) => xHear08MayResume(current(ctx).information, ctx.today)],
    patch: (ctx) => {
      const { information: _unanswered, ...rest } = current(ctx);
      return { ...withConversation(ctx, rest), flags: ctx.case.flags.filter((f) => f !== INFORMATION_OVERDUE_FLAG) };
    },
    effects: [(ctx) => tellApplicant(ctx, "resumedWithoutAnswer")],
    form: form([TEXT("reason")]),
  });

  actions.flag_information_overdue = action({
    from: [AWAITING_INFORMATION],
    to: AWAITING_INFORMATION,
    allowed: ["system"],
    input: z.object({}),
    public: false,
    guards: [
      (ctx) => xHear08MayResume(current(ctx).information, ctx.today),
      (ctx) => (ctx.case.flags.includes(INFORMATION_OVERDUE_FLAG) ? { rule: "X-HEAR-08", messageKey: "hearing.rules.alreadyFlagged" } : null),
    ],
    patch: (ctx) => ({ flags: [...ctx.case.flags, INFORMATION_OVERDUE_FLAG] }),
    effects: [(ctx) => tellOfficer(ctx, current(ctx).information?.requestedBy, "informationOverdue")],
  });

  const preliminaryNames = new Set<string>();
  for (const spec of options.refusals) {
    const refusal = service.actions[spec.action] as ActionDefinition<unknown> | undefined;
    if (!refusal) throw new Error(`${definition.id}: no refusal action ${spec.action}`);
    const name = spec.preliminary ?? "preliminary_refuse";
    preliminaryNames.add(name);
    const grounds = groundsFieldOf(service, spec);
    if (grounds) groundsFields.set(`${definition.id}:${spec.action}`, grounds);
    const groundsInput = grounds?.options ? z.enum(grounds.options as [string, ...string[]], { error: required }) : z.string().trim().max(100).optional();

    actions[name] = action({
      from: refusal.from,
      to: PRELIMINARY_REFUSAL,
      allowed: STAFF,
      input: z.object({ grounds: groundsInput, explanation: longText(10) }),
      eventReason: (input) => input.explanation,
      patch: (ctx) => {
        const respondBy = ctx.ref.calendar.addWorkingDays(ctx.today, ctx.params.number("preliminary_refusal_response_working_days", ctx.today));
        const preliminary: PreliminaryRefusal = {
          refusal: spec.action,
          returnTo: ctx.case.status,
          grounds: ctx.input.grounds ?? null,
          explanation: ctx.input.explanation,
          issuedOn: ctx.today,
          issuedBy: ctx.viewer.userId,
          respondBy,
          reschedules: 0,
        };
        return withConversation(ctx, { ...current(ctx), preliminary });
      },
      effects: [async (ctx) => tellApplicant(ctx, "preliminaryRefusal", { respondBy: conversationOf(ctx.next.data).preliminary!.respondBy })],
      form: form([...(grounds ? [grounds] : []), TEXT("explanation")], true),
    });

    const mayRefuse: Guard<unknown> = (ctx) => {
      if (spec.when && !spec.when(ctx)) {
        // Not a refusal this time: from a pending preliminary refusal the officer withdraws it first.
        return ctx.case.status === PRELIMINARY_REFUSAL ? { rule: "X-HEAR-03", messageKey: "hearing.rules.withdrawFirst" } : null;
      }
      if (ctx.case.status !== PRELIMINARY_REFUSAL) return { rule: "X-HEAR-03", messageKey: "hearing.rules.preliminaryFirst" };
      return xHear03MayRefuse(preliminaryOf(ctx), spec.action, ctx.today);
    };
    const originalTo = refusal.to;
    actions[spec.action] = action({
      ...refusal,
      // An unconditional refusal is only taken after a preliminary one; a conditional one keeps its states.
      from: spec.when ? [...refusal.from, PRELIMINARY_REFUSAL] : [PRELIMINARY_REFUSAL],
      // A step that does not decide yet (one vote of several) keeps the case in the preliminary refusal.
      to:
        typeof originalTo === "function"
          ? (ctx: RuleContext<unknown>) => {
              const to = originalTo(ctx);
              return ctx.case.status === PRELIMINARY_REFUSAL && to === preliminaryOf(ctx)?.returnTo ? PRELIMINARY_REFUSAL : to;
            }
          : originalTo,
      outcomes: refusal.outcomes ? [...refusal.outcomes, PRELIMINARY_REFUSAL] : undefined,
      guards: [mayRefuse, ...(refusal.guards ?? [])],
    });
  }

  const onPreliminary =
    <I>(g: (p: PreliminaryRefusal | undefined, ctx: RuleContext<I>) => RuleViolation | null): Guard<I> =>
    (ctx) =>
      g(preliminaryOf(ctx), ctx);
  const updatePreliminary = (ctx: RuleContext<unknown>, change: Partial<PreliminaryRefusal>) => withConversation(ctx, { ...current(ctx), preliminary: { ...preliminaryOf(ctx)!, ...change } });
  // X-HEAR-05: a requested (or moved) hearing is held within this many working days of the request.
  const hearingHoldBy = (ctx: RuleContext<unknown>) => ctx.ref.calendar.addWorkingDays(ctx.today, ctx.params.number("hearing_within_working_days", ctx.today));

  actions.respond_to_preliminary_refusal = action({
    from: [PRELIMINARY_REFUSAL],
    to: PRELIMINARY_REFUSAL,
    allowed: APPLICANT_SIDE,
    input: respondInput,
    eventReason: (input) => input.response,
    patch: (ctx) => updatePreliminary(ctx, { response: { text: ctx.input.response, on: ctx.today } }),
    effects: [(ctx) => tellOfficer(ctx, preliminaryOf(ctx)?.issuedBy, "responded")],
    form: form([TEXT("response")]),
  });

  actions.request_hearing = action({
    from: [PRELIMINARY_REFUSAL],
    to: PRELIMINARY_REFUSAL,
    allowed: APPLICANT_SIDE,
    input: requestHearingInput,
    eventReason: (input) => input.note,
    guards: [onPreliminary((p, ctx) => xHear04MayRequestHearing(p, ctx.today))],
    patch: (ctx) => updatePreliminary(ctx, { hearingRequest: { mode: ctx.input.mode, requestedOn: ctx.today, holdBy: hearingHoldBy(ctx), ...(ctx.input.note ? { note: ctx.input.note } : {}) } }),
    effects: [(ctx) => tellOfficer(ctx, preliminaryOf(ctx)?.issuedBy, "hearingRequested", { holdBy: conversationOf(ctx.next.data).preliminary?.hearingRequest?.holdBy ?? "" })],
    form: form([{ name: "mode", kind: "select", required: true, options: HEARING_MODES }, TEXT("note", false)]),
  });

  actions.schedule_hearing = action({
    from: [PRELIMINARY_REFUSAL],
    to: PRELIMINARY_REFUSAL,
    allowed: STAFF,
    input: scheduleHearingInput,
    eventReason: (input) => `${input.date} ${input.time} — ${input.place}`,
    guards: [onPreliminary((p, ctx: RuleContext<z.output<typeof scheduleHearingInput>>) => xHear05HearingDate(p, ctx.input.date, ctx.today))],
    patch: (ctx) => updatePreliminary(ctx, { hearing: { date: ctx.input.date, time: ctx.input.time, place: ctx.input.place, scheduledOn: ctx.today } }),
    effects: [(ctx) => tellApplicant(ctx, "hearingScheduled", { date: ctx.input.date, time: ctx.input.time, place: ctx.input.place })],
    form: form([
      { name: "date", kind: "date", required: true, initial: (c) => conversationOf(c.data).preliminary?.hearingRequest?.holdBy },
      { name: "time", kind: "text", required: true },
      { name: "place", kind: "textarea", required: true },
    ]),
  });

  actions.reschedule_hearing = action({
    from: [PRELIMINARY_REFUSAL],
    to: PRELIMINARY_REFUSAL,
    allowed: APPLICANT_SIDE,
    input: rescheduleInput,
    guards: [onPreliminary((p, ctx) => xHear06MayReschedule(p, ctx.params.number("hearing_reschedules_allowed", ctx.today)))],
    patch: (ctx) => {
      const p = preliminaryOf(ctx)!;
      return updatePreliminary(ctx, { hearing: undefined, reschedules: p.reschedules + 1, hearingRequest: { ...p.hearingRequest!, holdBy: hearingHoldBy(ctx) } });
    },
    effects: [(ctx) => tellOfficer(ctx, preliminaryOf(ctx)?.issuedBy, "rescheduleRequested")],
    form: form([TEXT("reason")]),
  });

  actions.record_hearing_minutes = action({
    from: [PRELIMINARY_REFUSAL],
    to: PRELIMINARY_REFUSAL,
    allowed: STAFF,
    input: minutesInput,
    eventReason: (input) => input.minutes,
    guards: [onPreliminary((p, ctx) => xHear07MayRecordMinutes(p, ctx.today))],
    patch: (ctx) => updatePreliminary(ctx, { minutes: { text: ctx.input.minutes, attended: ctx.input.attended ?? false, recordedOn: ctx.today } }),
    effects: [(ctx) => tellApplicant(ctx, "minutesRecorded")],
    form: form([TEXT("minutes"), { name: "attended", kind: "checkbox" }]),
  });

  actions.waive_hearing = action({
    from: [PRELIMINARY_REFUSAL],
    to: PRELIMINARY_REFUSAL,
    allowed: APPLICANT_SIDE,
    input: waiveInput,
    guards: [onPreliminary((p) => (p?.minutes || p?.waivedOn ? { rule: "X-HEAR-04", messageKey: "hearing.rules.nothingToWaive" } : null))],
    patch: (ctx) => updatePreliminary(ctx, { waivedOn: ctx.today, hearing: undefined }),
    effects: [(ctx) => tellOfficer(ctx, preliminaryOf(ctx)?.issuedBy, "waived")],
    form: form([]),
  });

  actions.withdraw_preliminary_refusal = action({
    from: [PRELIMINARY_REFUSAL],
    to: (ctx) => preliminaryOf(ctx)?.returnTo ?? definition.initialState,
    outcomes: [...new Set(options.refusals.flatMap((s) => service.actions[s.action]!.from))],
    allowed: STAFF,
    input: withdrawPreliminaryInput,
    patch: (ctx) => {
      const { preliminary: _withdrawn, ...rest } = current(ctx);
      return withConversation(ctx, rest);
    },
    effects: [(ctx) => tellApplicant(ctx, "preliminaryWithdrawn")],
    form: form([TEXT("reason")]),
  });

  for (const name of options.stillOpen ?? []) {
    const open = actions[name];
    if (!open) throw new Error(`${definition.id}: no action ${name}`);
    actions[name] = { ...open, from: [...open.from, AWAITING_INFORMATION, PRELIMINARY_REFUSAL] };
  }

  // The letter follows the decision itself, wherever the service takes it (a refusal, a vote, an approval).
  for (const [name, a] of Object.entries(actions)) {
    // A computed target may be a refusal even where the definition lists no outcomes; the effect checks the real one.
    if (typeof a.to === "string" && !options.refusedStates.includes(a.to)) continue;
    actions[name] = { ...a, effects: [...(a.effects ?? []), (ctx) => issueRefusalLetter(ctx as EffectContext<unknown>, options.refusedStates)] };
  }

  const states = [...definition.states, AWAITING_INFORMATION, PRELIMINARY_REFUSAL];
  return { ...definition, states, deadline, actions } as ServiceDefinition<D>;
}

/** The data an applicant needs to see about their conversation with the office (no staff identities). */
export function publicConversation(data: Record<string, unknown>): ConversationData {
  const { information, preliminary } = conversationOf(data);
  return {
    ...(information ? { information: { ...information, requestedBy: null } } : {}),
    ...(preliminary ? { preliminary: { ...preliminary, issuedBy: null } } : {}),
  };
}
