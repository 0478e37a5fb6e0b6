import { and, eq, desc } from "drizzle-orm";
import { caseParties, employmentContracts, hpInvoices, offences } from "@/db/schema";
import { registerService } from "@/lib/engine/registry";
import { issueDocument, notify, recordDecision, refuseAction, revokeDocumentsOfCase, scheduleJob } from "@/lib/engine/effects";
import type { ActionDefinition, EffectContext, Guard, RuleContext, ServiceDefinition } from "@/lib/engine/types";
import { addCalendarDays } from "@/lib/rules/dates";
import { HP_SERVICE } from "../ids";
import { activateProposedContract, proposeContract, registerActiveContract, terminateOpenContract } from "./contracts";
import { settleInvoice } from "./payment";
import {
  APPLICATION_CHECK_COUNT,
  applicationChecks,
  continuousStayLimit,
  filingFlags,
  hp03PermitNotRequired,
  hp07Insurance,
  hp08ContinuousStay,
  hp09IndividualEmployer,
  hp10SameRegion,
  hp17TermOption,
  paymentDueOn,
  permitFeeKzt,
  termOf,
} from "./rules";
import {
  HP_REFUSAL_REASONS,
  HP_REVOCATION_GROUNDS,
  OFFENCE_CODE_VALUES,
  OFFENCE_SUBJECT_VALUES,
  emptyInput,
  endContractInput,
  extensionInput,
  hpApplicationSchema,
  offenceInput,
  paymentInput,
  refuseExtensionInput,
  refuseInput,
  registerContractInput,
  returnInput,
  revokeInput,
  withdrawInput,
  type EmployerInput,
  type HpApplication,
} from "./schema";
import "./jobs";
import { carryRegistrationsToPermitEnd } from "./registration-link";
import { passportHolderParty } from "../parties";

export { HP_SERVICE };
export const HP_ISSUING_BODY = "migration_police_mia";
export const HP_DOCUMENT_TYPE = "household_permit";

export const HP_STATES = [
  "draft",
  "submitted",
  "returned_for_correction",
  "under_review",
  "refused",
  "approved_awaiting_payment",
  "lapsed",
  "issued",
  "active",
  "extension_requested",
  "expired",
  "revoked",
  "not_required",
  "withdrawn",
] as const;

/** The permit as issued: its term after every extension. */
export interface PermitTerm {
  validFrom: string;
  validUntil: string;
  extensions: number;
}

/** The fee as set at approval (HP-14), shown to the applicant before payment. */
export interface InvoiceSummary {
  months: number;
  monthlyRateKzt: number;
  amountKzt: number;
  dueOn: string;
}

export type HpCaseData = HpApplication & { permit?: PermitTerm; invoice?: InvoiceSummary; extensionRequest?: { months: number } };

const STAFF = ["officer", "supervisor"] as const;
const PRE_DECISION = ["draft", "submitted", "returned_for_correction", "under_review"] as const;
const PERMIT_HELD = ["issued", "active", "extension_requested"] as const;
const MESSAGES = "hp.staffActions";

const dataOf = (ctx: RuleContext<unknown>) => ctx.case.data as unknown as HpCaseData;

function action<I>(a: ActionDefinition<I>): ActionDefinition<never> {
  return a as unknown as ActionDefinition<never>;
}

/**
 * The application rules (HP-02, 05, 06, 07, 08, 09, 10, 17), one guard per rule so every failure is
 * shown at once. HP-03 is an outcome, not a refusal: an EAEU citizen's case ends as "not required".
 */
function applicationGuards<I>(pick: (ctx: RuleContext<I>) => { app: HpApplication; previous?: HpApplication }): Guard<I>[] {
  return Array.from({ length: APPLICATION_CHECK_COUNT }, (_, i): Guard<I> => (ctx) => {
    const { app, previous } = pick(ctx);
    if (hp03PermitNotRequired(app.person.citizenship, ctx.today, ctx.ref)) return null;
    return applicationChecks(app, ctx.today, ctx.today, ctx.params, ctx.ref, previous)[i] ?? null;
  });
}

const INTAKE_GUARDS = applicationGuards<HpApplication>((ctx) => ({ app: ctx.input }));
const CASE_DATA_GUARDS = applicationGuards<unknown>((ctx) => ({ app: dataOf(ctx) }));

function fullName(app: HpApplication): string {
  return `${app.person.surname} ${app.person.givenNames}`.toUpperCase();
}

async function notifyOwner(ctx: EffectContext<unknown>, template: string, params: Record<string, string | number> = {}): Promise<void> {
  if (!ctx.next.ownerId) return;
  await notify(ctx.tx, { userId: ctx.next.ownerId, caseId: ctx.next.id, template: `hp.notifications.${template}`, params: { reference: ctx.next.reference, ...params }, locale: ctx.viewer.locale, at: ctx.now });
}

const midnightAfter = (day: string) => new Date(`${addCalendarDays(day, 1)}T00:00:00+05:00`);

/** The permit's term from its first day, cut at the continuous-stay limit (HP-08) and the end of the insurance (HP-07). */
function issuedTerm(app: HpApplication, from: string, months: number, params: RuleContext["params"]): PermitTerm {
  const wanted = termOf(from, months).until;
  const limits = [wanted, continuousStayLimit(app.stay.entryDate, params)];
  if (params.get<boolean>("hp_insurance_required", from)) limits.push(app.insurance.validUntil);
  return { validFrom: from, validUntil: limits.sort()[0]!, extensions: 0 };
}

async function issuePermitDocument(ctx: EffectContext<unknown>, permit: PermitTerm): Promise<void> {
  const app = ctx.next.data as unknown as HpCaseData;
  await issueDocument(ctx.tx, {
    caseId: ctx.next.id,
    type: HP_DOCUMENT_TYPE,
    numberPrefix: "HPP",
    validFrom: permit.validFrom,
    validUntil: permit.validUntil,
    holderDisplayName: fullName(app),
    holderBirthDate: app.person.birthDate,
    content: { category: app.work.category, region: ctx.next.region, reference: ctx.next.reference, extensions: permit.extensions },
    at: ctx.now,
  });
  await scheduleJob(ctx.tx, { kind: "hp_permit_end", caseId: ctx.next.id, runAt: midnightAfter(permit.validUntil) });
  await carryRegistrationsToPermitEnd(ctx, permit.validUntil);
}

async function endPermit(ctx: EffectContext<unknown>, reason: string): Promise<void> {
  await terminateOpenContract(ctx.tx, ctx.next.id, reason, ctx.now);
}

const employerGuards: Guard<EmployerInput>[] = [(ctx) => hp09IndividualEmployer(ctx.input.iin, ["iin"]), (ctx) => hp10SameRegion(ctx.case.region, ctx.input.region, ["region"])];

const editData = {
  input: hpApplicationSchema,
  guards: INTAKE_GUARDS,
  patch: (ctx: RuleContext<HpApplication>) => ({ data: ctx.input as unknown as Record<string, unknown>, region: ctx.input.work.region }),
};

/** Filing: EAEU citizens end at "not required" (HP-03); everyone else is checked and queued. */
const fileTo = (ctx: RuleContext<unknown>) => (hp03PermitNotRequired(dataOf(ctx).person.citizenship, ctx.today, ctx.ref) ? "not_required" : "submitted");

async function proposeFiledContract(ctx: EffectContext<unknown>): Promise<void> {
  const app = ctx.next.data as unknown as HpCaseData;
  if (ctx.next.status === "not_required") {
    await notifyOwner(ctx, "notRequired");
    return;
  }
  if (app.employer) await proposeContract(ctx.tx, { caseId: ctx.next.id, region: ctx.next.region, employer: app.employer, by: ctx.viewer.userId, now: ctx.now });
  else await terminateOpenContract(ctx.tx, ctx.next.id, "replaced_before_issue", ctx.now);
}

const extensionTerm = (ctx: RuleContext<unknown>, months: number) => {
  const permit = dataOf(ctx).permit!;
  return termOf(addCalendarDays(permit.validUntil, 1), months);
};

export const householdPermit: ServiceDefinition<HpApplication> = {
  id: HP_SERVICE,
  referencePrefix: "HP",
  states: HP_STATES,
  initialState: "draft",
  finalStates: ["refused", "lapsed", "expired", "revoked", "not_required", "withdrawn"],
  applicationSchema: hpApplicationSchema,
  intakeGuards: INTAKE_GUARDS,
  regionOf: (data) => data.work.region,
  deadline: {
    termParam: "hp_decision_working_days",
    unit: "working_days",
    startOn: ["submit"],
    stoppedIn: ["returned_for_correction"],
    clearedIn: ["refused", "approved_awaiting_payment", "not_required", "withdrawn", "lapsed", "issued", "active", "expired", "revoked"],
  },
  parties: (data) => [
    passportHolderParty(data.person, data.passport),
    ...(data.employer
      ? [{ role: "employer" as const, details: { iin: data.employer.iin, name: data.employer.name, phone: data.employer.phone, region: data.employer.region } }]
      : []),
  ],
  actions: {
    update_draft: action({ from: ["draft"], to: "draft", allowed: ["owner", "clerk"], public: false, ...editData }),
    submit: action({
      from: ["draft"],
      to: fileTo,
      outcomes: ["submitted", "not_required"],
      allowed: ["owner", "clerk", "officer", "supervisor"],
      input: emptyInput,
      guards: CASE_DATA_GUARDS,
      patch: (ctx) => ({ flags: [...new Set([...ctx.case.flags, ...filingFlags(dataOf(ctx))])] }),
      effects: [proposeFiledContract],
    }),
    start_review: action({ from: ["submitted"], to: "under_review", allowed: STAFF, input: emptyInput, form: { messages: MESSAGES, fields: [] } }),
    return_for_correction: action({
      from: ["submitted", "under_review"],
      to: "returned_for_correction",
      allowed: ["clerk", ...STAFF],
      input: returnInput,
      form: { messages: MESSAGES, fields: [{ name: "reason", kind: "textarea", required: true }] },
      effects: [(ctx) => notifyOwner(ctx, "returned")],
    }),
    resubmit: action({
      from: ["returned_for_correction"],
      to: "submitted",
      allowed: ["owner", "clerk"],
      input: hpApplicationSchema,
      // HP-06: a changed category needs a new medical certificate, compared with what was filed.
      guards: applicationGuards<HpApplication>((ctx) => ({ app: ctx.input, previous: dataOf(ctx) })),
      patch: (ctx) => ({
        data: ctx.input as unknown as Record<string, unknown>,
        region: ctx.input.work.region,
        flags: [...new Set([...ctx.case.flags, ...filingFlags(ctx.input)])],
      }),
      effects: [proposeFiledContract],
    }),
    approve: action({
      from: ["under_review"],
      to: "approved_awaiting_payment",
      allowed: STAFF,
      input: emptyInput,
      decides: true,
      guards: CASE_DATA_GUARDS,
      form: { messages: MESSAGES, fields: [] },
      patch: (ctx) => {
        const months = dataOf(ctx).work.termMonths;
        const fee = permitFeeKzt(months, ctx.case.region, ctx.today, ctx.params);
        const invoice: InvoiceSummary = { months, monthlyRateKzt: fee.monthlyRate, amountKzt: fee.amount, dueOn: paymentDueOn(ctx.today, ctx.params) };
        return { data: { ...ctx.case.data, invoice } };
      },
      effects: [
        async (ctx) => {
          const invoice = (ctx.next.data as unknown as HpCaseData).invoice!;
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "approved", decidedBy: ctx.viewer.userId, issuingBody: HP_ISSUING_BODY, at: ctx.now });
          await ctx.tx.insert(hpInvoices).values({
            caseId: ctx.next.id,
            months: invoice.months,
            monthlyRateTiyn: invoice.monthlyRateKzt * 100,
            amountTiyn: invoice.amountKzt * 100,
            dueOn: invoice.dueOn,
            provider: "pending",
          });
          await scheduleJob(ctx.tx, { kind: "hp_payment_lapse", caseId: ctx.next.id, runAt: midnightAfter(invoice.dueOn) });
          await notifyOwner(ctx, "approved", { amount: invoice.amountKzt, dueOn: invoice.dueOn });
        },
      ],
    }),
    refuse: action({
      from: ["under_review"],
      to: "refused",
      allowed: STAFF,
      input: refuseInput,
      decides: true,
      form: {
        messages: MESSAGES,
        danger: true,
        fields: [
          { name: "reasonCode", kind: "select", required: true, options: HP_REFUSAL_REASONS, optionMessages: "hp.refusalReasons" },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
      effects: [
        async (ctx) => {
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "refused", reasonCode: ctx.input.reasonCode, reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: HP_ISSUING_BODY, at: ctx.now });
          await terminateOpenContract(ctx.tx, ctx.next.id, "permit_refused", ctx.now);
          await notifyOwner(ctx, "refused");
        },
      ],
    }),
    confirm_payment: action({
      from: ["approved_awaiting_payment"],
      to: "issued",
      allowed: ["owner", "clerk", ...STAFF, "system"],
      input: paymentInput,
      form: { messages: MESSAGES, fields: [{ name: "paymentReference", kind: "text", required: true }] },
      patch: (ctx) => {
        const app = dataOf(ctx);
        return { data: { ...ctx.case.data, permit: issuedTerm(app, ctx.today, app.work.termMonths, ctx.params) } };
      },
      effects: [
        async (ctx) => {
          // HP-14: nothing is issued unless the provider confirms the payment of this invoice.
          await settleInvoice(ctx.tx, ctx.next.id, ctx.input.paymentReference, ctx.viewer.userId, ctx.now);
          await issuePermitDocument(ctx, (ctx.next.data as unknown as HpCaseData).permit!);
          // A contract named at filing starts in its own transition, checked against the cap (HP-11) then.
          if ((ctx.next.data as unknown as HpCaseData).employer) await scheduleJob(ctx.tx, { kind: "hp_contract_start", caseId: ctx.next.id, runAt: ctx.now });
          await notifyOwner(ctx, "issued");
        },
      ],
    }),
    lapse: action({
      from: ["approved_awaiting_payment"],
      to: "lapsed",
      allowed: ["system"],
      input: emptyInput,
      guards: [(ctx) => (ctx.today > (dataOf(ctx).invoice?.dueOn ?? ctx.today) ? null : { rule: "HP-14", messageKey: "hp.rules.hp14NotYetDue" })],
      effects: [
        async (ctx) => {
          await ctx.tx.update(hpInvoices).set({ status: "lapsed" }).where(and(eq(hpInvoices.caseId, ctx.next.id), eq(hpInvoices.status, "pending")));
          await terminateOpenContract(ctx.tx, ctx.next.id, "permit_lapsed", ctx.now);
          await notifyOwner(ctx, "lapsed");
        },
      ],
    }),
    activate_contract: action({
      from: ["issued"],
      to: "active",
      allowed: ["system", ...STAFF],
      input: emptyInput,
      form: { messages: MESSAGES, fields: [] },
      effects: [(ctx) => activateProposedContract(ctx.tx, { caseId: ctx.next.id, now: ctx.now, today: ctx.today, params: ctx.params })],
    }),
    register_contract: action({
      from: ["issued", "active"],
      to: "active",
      // The employer acts through the system on the employer page, after its IIN is matched.
      allowed: ["owner", "clerk", ...STAFF, "system"],
      input: registerContractInput,
      guards: employerGuards,
      form: {
        messages: MESSAGES,
        fields: [
          { name: "iin", kind: "text", required: true },
          { name: "name", kind: "text", required: true },
          { name: "phone", kind: "text", required: true },
          { name: "region", kind: "select", required: true, initial: (c) => c.region },
          { name: "address", kind: "text", required: true },
        ],
      },
      patch: (ctx) => ({ data: { ...ctx.case.data, employer: ctx.input } }),
      effects: [
        (ctx) =>
          registerActiveContract(ctx.tx, { caseId: ctx.next.id, region: ctx.next.region, employer: ctx.input, by: ctx.viewer.userId, now: ctx.now, today: ctx.today, params: ctx.params }),
      ],
    }),
    end_contract: action({
      from: ["active"],
      to: "issued",
      allowed: ["owner", "clerk", ...STAFF, "system"],
      input: endContractInput,
      form: { messages: MESSAGES, fields: [{ name: "reason", kind: "textarea", required: true }] },
      effects: [(ctx) => terminateOpenContract(ctx.tx, ctx.next.id, ctx.input.reason, ctx.now)],
    }),
    request_extension: action({
      from: ["active"],
      to: "extension_requested",
      allowed: ["owner", "clerk"],
      input: extensionInput,
      guards: [
        (ctx) => hp17TermOption(ctx.input.months, ctx.today, ctx.params, ["months"]),
        (ctx) => hp08ContinuousStay(dataOf(ctx).stay.entryDate, extensionTerm(ctx, ctx.input.months).until, ctx.params, ["months"]),
        (ctx) => {
          const insurance = { ...dataOf(ctx).insurance, ...(ctx.input.insuranceValidUntil ? { validUntil: ctx.input.insuranceValidUntil } : {}) };
          return hp07Insurance(insurance, extensionTerm(ctx, ctx.input.months), ctx.params, ["insuranceValidUntil"]);
        },
      ],
      patch: (ctx) => {
        const data = dataOf(ctx);
        const insurance = ctx.input.insuranceValidUntil ? { ...data.insurance, validUntil: ctx.input.insuranceValidUntil } : data.insurance;
        return { data: { ...ctx.case.data, insurance, extensionRequest: { months: ctx.input.months } } };
      },
    }),
    extend: action({
      from: ["extension_requested"],
      to: "active",
      allowed: STAFF,
      input: emptyInput,
      decides: true,
      form: { messages: MESSAGES, fields: [] },
      guards: [
        (ctx) => hp08ContinuousStay(dataOf(ctx).stay.entryDate, extensionTerm(ctx, dataOf(ctx).extensionRequest?.months ?? 0).until, ctx.params, []),
        (ctx) => hp07Insurance(dataOf(ctx).insurance, extensionTerm(ctx, dataOf(ctx).extensionRequest?.months ?? 0), ctx.params, []),
      ],
      patch: (ctx) => {
        const data = dataOf(ctx);
        const until = extensionTerm(ctx, data.extensionRequest!.months).until;
        const { extensionRequest: _done, ...rest } = data;
        return { data: { ...rest, permit: { ...data.permit!, validUntil: until, extensions: data.permit!.extensions + 1 } } as unknown as Record<string, unknown> };
      },
      effects: [
        async (ctx) => {
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "extended", decidedBy: ctx.viewer.userId, issuingBody: HP_ISSUING_BODY, at: ctx.now });
          // The paper with the old end date stops being valid; the extended permit replaces it.
          await revokeDocumentsOfCase(ctx.tx, ctx.next.id, "replaced_by_extension", ctx.now);
          await issuePermitDocument(ctx, (ctx.next.data as unknown as HpCaseData).permit!);
          await notifyOwner(ctx, "extended");
        },
      ],
    }),
    refuse_extension: action({
      from: ["extension_requested"],
      to: (ctx) => (ctx.today > (dataOf(ctx).permit?.validUntil ?? ctx.today) ? "expired" : "active"),
      outcomes: ["active", "expired"],
      allowed: STAFF,
      input: refuseExtensionInput,
      decides: true,
      form: { messages: MESSAGES, danger: true, fields: [{ name: "reason", kind: "textarea", required: true }] },
      patch: (ctx) => {
        const { extensionRequest: _refused, ...rest } = dataOf(ctx);
        return { data: rest as unknown as Record<string, unknown> };
      },
      effects: [
        async (ctx) => {
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "extension_refused", reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: HP_ISSUING_BODY, at: ctx.now });
          if (ctx.next.status === "expired") await endPermit(ctx, "permit_expired");
        },
      ],
    }),
    expire: action({
      from: PERMIT_HELD,
      to: "expired",
      allowed: ["system"],
      input: emptyInput,
      guards: [(ctx) => (ctx.today > (dataOf(ctx).permit?.validUntil ?? ctx.today) ? null : { rule: "HP-08", messageKey: "hp.rules.permitNotYetEnded" })],
      effects: [(ctx) => endPermit(ctx, "permit_expired"), (ctx) => notifyOwner(ctx, "expired")],
    }),
    revoke: action({
      from: PERMIT_HELD,
      to: "revoked",
      allowed: STAFF,
      input: revokeInput,
      decides: true,
      form: {
        messages: MESSAGES,
        danger: true,
        fields: [
          { name: "ground", kind: "select", required: true, options: HP_REVOCATION_GROUNDS, optionMessages: "hp.revocationGrounds" },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
      effects: [
        async (ctx) => {
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "revoked", reasonCode: ctx.input.ground, reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: HP_ISSUING_BODY, at: ctx.now });
          await revokeDocumentsOfCase(ctx.tx, ctx.next.id, ctx.input.ground, ctx.now);
          await endPermit(ctx, "permit_revoked");
          await notifyOwner(ctx, "revoked");
        },
      ],
    }),
    record_offence: action({
      from: HP_STATES.filter((s) => s !== "draft"),
      to: (ctx) => ctx.case.status,
      allowed: STAFF,
      input: offenceInput,
      public: false,
      form: {
        messages: MESSAGES,
        fields: [
          { name: "subject", kind: "select", required: true, options: OFFENCE_SUBJECT_VALUES, optionMessages: "hp.offenceSubjects" },
          { name: "code", kind: "select", required: true, options: OFFENCE_CODE_VALUES, optionMessages: "hp.offenceCodes" },
          { name: "occurredOn", kind: "date", required: true, initial: (_c, today) => today },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
      effects: [
        async (ctx) => {
          const base = { caseId: ctx.next.id, code: ctx.input.code, occurredOn: ctx.input.occurredOn, description: ctx.input.reason, recordedBy: ctx.viewer.userId, recordedAt: ctx.now };
          if (ctx.input.subject === "worker") {
            const [party] = await ctx.tx
              .select({ personId: caseParties.personId })
              .from(caseParties)
              .where(and(eq(caseParties.caseId, ctx.next.id), eq(caseParties.role, "applicant")));
            if (!party?.personId) refuseAction({ rule: "HP-18", messageKey: "hp.rules.hp18NoPerson", path: ["subject"] });
            await ctx.tx.insert(offences).values({ ...base, subject: "worker", personId: party.personId });
            return;
          }
          const [contract] = await ctx.tx
            .select({ employerIin: employmentContracts.employerIin })
            .from(employmentContracts)
            .where(eq(employmentContracts.caseId, ctx.next.id))
            .orderBy(desc(employmentContracts.registeredAt))
            .limit(1);
          if (!contract) refuseAction({ rule: "HP-18", messageKey: "hp.rules.hp18NoEmployer", path: ["subject"] });
          await ctx.tx.insert(offences).values({ ...base, subject: "employer", employerIin: contract.employerIin });
        },
      ],
    }),
    withdraw: action({ from: PRE_DECISION, to: "withdrawn", allowed: ["owner", "clerk"], input: withdrawInput }),
  },
};

registerService(householdPermit);
