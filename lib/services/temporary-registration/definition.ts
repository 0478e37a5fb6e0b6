import { eq, and } from "drizzle-orm";
import { caseParties, people } from "@/db/schema";
import { registerService } from "@/lib/engine/registry";
import { attachFile, issueDocument, recordDecision, revokeDocumentsOfCase, scheduleJob } from "@/lib/engine/effects";
import type { ActionDefinition, ActionForm, EffectContext, Guard, RuleContext, ServiceDefinition } from "@/lib/engine/types";
import { addCalendarDays } from "@/lib/rules/dates";
import {
  TR_FLAGS,
  filingFlags,
  tr01NotACitizen,
  tr04EntryNotInFuture,
  tr07WithinPermittedStay,
  tr08IsOverstay,
} from "./rules";
import {
  attachInput,
  cancelInput,
  departureInput,
  emptyInput,
  permitExtensionInput,
  protectionInput,
  refuseInput,
  REFUSAL_REASONS,
  registerInput,
  returnInput,
  trApplicationSchema,
  withdrawInput,
  type TrApplication,
} from "./schema";

import { TR_SERVICE } from "../ids";
import { passportHolderParty } from "../parties";

export { TR_SERVICE };
export const TR_ISSUING_BODY = "migration_service_mia";

export const TR_STATES = [
  "draft",
  "submitted",
  "returned_for_correction",
  "under_review",
  "registered",
  "refused",
  "withdrawn",
  "expired",
  "closed",
] as const;

const STAFF = ["officer", "supervisor"] as const;
const PRE_DECISION = ["draft", "submitted", "returned_for_correction", "under_review"] as const;
const LATENESS_FLAGS: string[] = [TR_FLAGS.lateFiling, TR_FLAGS.lateTierA, TR_FLAGS.lateTierB, TR_FLAGS.overstay];

const dataOf = (ctx: RuleContext<unknown>) => ctx.case.data as unknown as TrApplication;
export interface Registration {
  validFrom: string;
  validUntil: string;
  /** HP-20: the household permit that carried the registration past its first term. */
  permitReference?: string;
}
const registrationOf = (ctx: RuleContext<unknown>) => (ctx.case.data as { registration?: Registration }).registration;
const isProtected = (ctx: RuleContext<unknown>) => ctx.case.flags.includes(TR_FLAGS.protectedPerson);

// Guards on the application data (at intake, on every change and again at decision).
const notACitizen: Guard<TrApplication> = (ctx) => tr01NotACitizen(ctx.input.person.citizenship);
const entryNotInFuture: Guard<TrApplication> = (ctx) => tr04EntryNotInFuture(ctx.input.stay.entryDate, ctx.today);
const withinPermittedStay: Guard<TrApplication> = (ctx) => tr07WithinPermittedStay(ctx.input, ctx.input.stay.requestedEndDate, ctx.params, ctx.ref);
const INTAKE_GUARDS = [notACitizen, entryNotInFuture, withinPermittedStay] as const;

/** The same intake rules, applied to the data already on the case. */
const onCaseData = (g: Guard<TrApplication>): Guard<unknown> => (ctx) => g({ ...ctx, input: dataOf(ctx) });

/** Staff forms of the case page; labels under tr.staffActions.<action>. */
const FORM_MESSAGES = "tr.staffActions";
const staffForm = (fields: ActionForm["fields"] = [], danger = false): ActionForm => ({ messages: FORM_MESSAGES, fields, danger });
const REASON = { name: "reason", kind: "textarea" } as const;

function action<I>(a: ActionDefinition<I>): ActionDefinition<never> {
  return a as unknown as ActionDefinition<never>;
}

const editData = {
  input: trApplicationSchema,
  guards: INTAKE_GUARDS,
  patch: (ctx: RuleContext<TrApplication>) => ({ data: ctx.input as unknown as Record<string, unknown>, region: ctx.input.address.region }),
};

function fullName(app: TrApplication): string {
  return `${app.person.surname} ${app.person.givenNames}`.toUpperCase();
}

/** The registration slip for the registration's current term, and the check of its end. */
async function issueSlip({ tx, next, today, now }: EffectContext<unknown>): Promise<void> {
  const app = next.data as unknown as TrApplication & { registration: Registration };
  await issueDocument(tx, {
    caseId: next.id,
    type: "registration_slip",
    numberPrefix: "TRS",
    validFrom: today,
    validUntil: app.registration.validUntil,
    holderDisplayName: fullName(app),
    holderBirthDate: app.person.birthDate,
    content: { address: app.address, purpose: app.stay.purpose, host: app.host.name, reference: next.reference },
    at: now,
  });
  // The end of the stay is checked for an exit as soon as the grace period (TR-08) has passed.
  await scheduleJob(tx, { kind: "tr_stay_end_check", caseId: next.id, runAt: new Date(`${addCalendarDays(app.registration.validUntil, 1)}T00:00:00+05:00`) });
}

export const temporaryRegistration: ServiceDefinition<TrApplication> = {
  id: TR_SERVICE,
  referencePrefix: "TR",
  states: TR_STATES,
  initialState: "draft",
  finalStates: ["refused", "withdrawn", "closed"],
  applicationSchema: trApplicationSchema,
  intakeGuards: INTAKE_GUARDS,
  regionOf: (data) => data.address.region,
  deadline: {
    termParam: "tr_decision_working_days",
    unit: "working_days",
    startOn: ["submit"],
    stoppedIn: ["returned_for_correction"],
    clearedIn: ["registered", "refused", "withdrawn", "expired", "closed"],
  },
  parties: (data) => [
    passportHolderParty(data.person, data.passport),
    {
      role: "host",
      details: { kind: data.host.kind, identifier: data.host.identifier, name: data.host.name, phone: data.host.phone },
    },
  ],
  actions: {
    update_draft: action({ from: ["draft"], to: "draft", allowed: ["owner", "clerk"], public: false, ...editData }),
    submit: action({
      from: ["draft"],
      to: "submitted",
      allowed: ["owner", "clerk", "officer", "supervisor"],
      input: emptyInput,
      form: staffForm(),
      guards: INTAKE_GUARDS.map(onCaseData),
      patch: (ctx) => ({ flags: [...new Set([...ctx.case.flags, ...filingFlags(dataOf(ctx), ctx.today, ctx.params, ctx.ref, isProtected(ctx))])] }),
    }),
    start_review: action({ from: ["submitted"], to: "under_review", allowed: STAFF, input: emptyInput, form: staffForm() }),
    return_for_correction: action({ from: ["submitted", "under_review"], to: "returned_for_correction", allowed: STAFF, input: returnInput, form: staffForm([{ ...REASON, required: true }]) }),
    resubmit: action({ from: ["returned_for_correction"], to: "submitted", allowed: ["owner", "clerk"], ...editData }),
    register: action({
      from: ["under_review"],
      to: "registered",
      allowed: STAFF,
      input: registerInput,
      form: staffForm([{ name: "validUntil", kind: "date", initial: (c) => (c.data as unknown as TrApplication).stay.requestedEndDate }]),
      decides: true,
      guards: [
        onCaseData(notACitizen),
        (ctx) => tr07WithinPermittedStay(dataOf(ctx), ctx.input.validUntil ?? dataOf(ctx).stay.requestedEndDate, ctx.params, ctx.ref, ["validUntil"]),
      ],
      patch: (ctx) => ({
        data: { ...ctx.case.data, registration: { validFrom: ctx.today, validUntil: ctx.input.validUntil ?? dataOf(ctx).stay.requestedEndDate } },
      }),
      effects: [
        async (ctx) => {
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "registered", decidedBy: ctx.viewer.userId, issuingBody: TR_ISSUING_BODY, at: ctx.now });
          await issueSlip(ctx);
        },
      ],
    }),
    extend_for_permit: action({
      from: ["registered"],
      to: "registered",
      allowed: ["system"],
      input: permitExtensionInput,
      guards: [(ctx) => (ctx.input.validUntil > (registrationOf(ctx)?.validUntil ?? ctx.input.validUntil) ? null : { rule: "HP-20", messageKey: "rules.hp20NotLater" })],
      patch: (ctx) => ({
        data: {
          ...ctx.case.data,
          stay: { ...dataOf(ctx).stay, purpose: "work" },
          registration: { ...registrationOf(ctx)!, validUntil: ctx.input.validUntil, permitReference: ctx.input.permitReference },
        },
      }),
      effects: [
        async (ctx) => {
          await revokeDocumentsOfCase(ctx.tx, ctx.next.id, `replaced: household permit ${ctx.input.permitReference}`, ctx.now);
          await issueSlip(ctx);
        },
      ],
    }),
    refuse: action({
      from: ["under_review"],
      to: "refused",
      allowed: STAFF,
      input: refuseInput,
      form: staffForm([{ name: "reasonCode", kind: "select", required: true, options: REFUSAL_REASONS, optionMessages: "tr.refusalReasons" }, { ...REASON, required: true }], true),
      decides: true,
      effects: [
        async ({ tx, next, viewer, input, now }) => {
          await recordDecision(tx, { caseId: next.id, outcome: "refused", reasonCode: input.reasonCode, reasonText: input.reason, decidedBy: viewer.userId, issuingBody: TR_ISSUING_BODY, at: now });
        },
      ],
    }),
    withdraw: action({ from: PRE_DECISION, to: "withdrawn", allowed: ["owner", "clerk"], input: withdrawInput, form: staffForm([REASON], true) }),
    expire: action({
      from: ["registered"],
      to: "expired",
      allowed: ["system"],
      input: emptyInput,
      guards: [(ctx) => (ctx.today > (registrationOf(ctx)?.validUntil ?? ctx.today) ? null : { rule: "TR-08", messageKey: "rules.tr08NotYetEnded" })],
    }),
    flag_overstay: action({
      from: ["expired"],
      to: "expired",
      allowed: ["system"],
      input: emptyInput,
      public: false,
      guards: [
        (ctx) => (isProtected(ctx) ? { rule: "X-09", messageKey: "rules.x09ProtectedPerson" } : null),
        (ctx) => {
          const until = registrationOf(ctx)?.validUntil;
          return until && tr08IsOverstay(until, ctx.today, ctx.params) && !ctx.case.flags.includes(TR_FLAGS.overstay)
            ? null
            : { rule: "TR-08", messageKey: "rules.tr08NoOverstay" };
        },
      ],
      patch: (ctx) => ({ flags: [...ctx.case.flags, TR_FLAGS.overstay] }),
    }),
    record_departure: action({
      from: ["registered", "expired"],
      to: "closed",
      allowed: [...STAFF, "system"],
      input: departureInput,
      form: staffForm([{ name: "departureDate", kind: "date", required: true }, REASON]),
    }),
    cancel_registration: action({
      from: ["registered"],
      to: "closed",
      allowed: STAFF,
      input: cancelInput,
      form: staffForm([{ ...REASON, required: true }], true),
      decides: true,
      effects: [
        async ({ tx, next, input, now }) => {
          await revokeDocumentsOfCase(tx, next.id, input.reason, now);
        },
      ],
    }),
    attach_document: action({
      from: [...PRE_DECISION, "registered"],
      to: (ctx) => ctx.case.status,
      allowed: ["owner", "clerk", "officer", "supervisor"],
      input: attachInput,
      eventPayload: (input) => ({ kind: input.kind, fileName: input.fileName, sizeBytes: input.bytes.byteLength }),
      effects: [attachFile],
    }),
    set_protection: action({
      from: [...PRE_DECISION, "registered", "expired"],
      to: (ctx) => ctx.case.status,
      allowed: STAFF,
      input: protectionInput,
      form: staffForm([{ name: "protected", kind: "checkbox", initial: (c) => c.flags.includes(TR_FLAGS.protectedPerson) }, { ...REASON, required: true }]),
      public: false,
      // a protected person is never flagged for late registration or overstay.
      patch: (ctx) => ({
        flags: ctx.input.protected
          ? [...ctx.case.flags.filter((f) => !LATENESS_FLAGS.includes(f) && f !== TR_FLAGS.protectedPerson), TR_FLAGS.protectedPerson]
          : ctx.case.flags.filter((f) => f !== TR_FLAGS.protectedPerson),
      }),
      effects: [
        async ({ tx, next, input }) => {
          const parties = await tx
            .select({ personId: caseParties.personId })
            .from(caseParties)
            .where(and(eq(caseParties.caseId, next.id), eq(caseParties.role, "applicant")));
          for (const p of parties) if (p.personId) await tx.update(people).set({ protectedPerson: input.protected }).where(eq(people.id, p.personId));
        },
      ],
    }),
  },
};

registerService(temporaryRegistration);
