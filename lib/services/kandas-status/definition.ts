import { and, eq, isNull } from "drizzle-orm";
import { kandasBenefits } from "@/db/schema";
import { registerService } from "@/lib/engine/registry";
import { issueDocument, notify, recordDecision, refuseAction } from "@/lib/engine/effects";
import type { ActionDefinition, EffectContext, Guard, RuleContext, ServiceDefinition } from "@/lib/engine/types";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";
import { KD_SERVICE } from "../ids";
import "./jobs";
import { addToWaitlist, leaveWaitlist, placeInCentre, releaseFromCentre, takeQuotaPlace } from "./capacity";
import { KD_FLAGS, KD_ISSUING_BODY } from "./constants";
import { familySize, kd01OfApplication, kd02LongStandingDiaspora, kd06PriorityScore, kd08ComplaintInTime, kd17MissingDocuments } from "./rules";
import {
  approveInput,
  benefitInput,
  complaintDecisionInput,
  complaintInput,
  emptyInput,
  kdApplicationSchema,
  memberOutcomeInput,
  placeInput,
  proposeInput,
  QUOTA_REFUSAL_REASONS,
  refuseQuotaInput,
  releaseInput,
  returnInput,
  sendBackInput,
  STATUS_OUTCOMES,
  STATUS_REFUSAL_REASONS,
  MEMBER_OUTCOMES,
  withdrawBenefitInput,
  withdrawInput,
  type KdApplication,
} from "./schema";

export { KD_SERVICE };
/** The central ministry body that decides complaints against akimat refusals (KD-08, R12). */
export const KD_COMPLAINT_BODY = "mia_central";

export const KD_STATES = [
  "draft",
  "submitted",
  "returned_for_correction",
  "under_review",
  "decision_pending",
  "status_granted",
  "status_refused",
  "quota_review",
  "in_quota",
  "quota_refused",
  "waitlisted",
  "benefits_active",
  "complaint_review",
  "refusal_final",
  "withdrawn",
] as const;
export type KdState = (typeof KD_STATES)[number];

/** States in which the applicant holds the kandas status (KD-14 may start from these). */
export const HOLDER_STATES: readonly KdState[] = ["status_granted", "quota_review", "in_quota", "quota_refused", "waitlisted", "benefits_active"];
const PRE_DECISION = ["draft", "submitted", "returned_for_correction", "under_review", "decision_pending"] as const;
/** A family can be in a centre before the status and while the quota is decided (KD-09). */
const CENTRE_STATES = ["submitted", "under_review", "decision_pending", "status_granted", "quota_review", "waitlisted", "in_quota", "benefits_active"] as const;
const AKIMAT = ["officer", "supervisor"] as const;

export interface StatusProposal {
  outcome: (typeof STATUS_OUTCOMES)[number];
  reasonCode?: string;
  reason: string;
  proposedBy: string | null;
  proposedOn: string;
}
export interface QuotaDecision {
  year: number;
  region: string;
  decidedOn: string;
}
export interface Complaint {
  against: "status" | "quota";
  filedOn: string;
  reason: string;
}
export interface CentreStay {
  centreId: string;
  code: string;
  placedOn: string;
}
export type MemberOutcome = { outcome: (typeof MEMBER_OUTCOMES)[number]; reason: string };
/** What the case carries besides the application as filed. */
export interface KdCaseData extends KdApplication {
  priorityScore?: number;
  proposal?: StatusProposal;
  memberOutcomes?: Record<string, MemberOutcome>;
  quota?: QuotaDecision;
  waitlist?: { year: number; listedOn: string };
  complaint?: Complaint;
  centre?: CentreStay;
}

const dataOf = (ctx: RuleContext<unknown>) => ctx.case.data as unknown as KdCaseData;
const yearOf = (day: string) => Number(day.slice(0, 4));

function action<I>(a: ActionDefinition<I>): ActionDefinition<never> {
  return a as unknown as ActionDefinition<never>;
}

// Eligibility (KD-01, KD-02) and the documents checklist (KD-17), on the data as filed.
const eligible: Guard<KdApplication> = (ctx) => kd01OfApplication(ctx.input, ctx.params, ctx.today);
const longStanding: Guard<KdApplication> = (ctx) => kd02LongStandingDiaspora(ctx.input.origin, ctx.params, ctx.today);
const documentsComplete: Guard<KdApplication> = (ctx) => kd17MissingDocuments(ctx.input, ctx.params, ctx.today);
const INTAKE_GUARDS = [eligible, longStanding] as const;
const FILING_GUARDS = [eligible, longStanding, documentsComplete] as const;
const onCaseData = (g: Guard<KdApplication>): Guard<unknown> => (ctx) => g({ ...ctx, input: dataOf(ctx) });

const editData = {
  input: kdApplicationSchema,
  guards: INTAKE_GUARDS,
  patch: (ctx: RuleContext<KdApplication>) => ({ data: ctx.input as unknown as Record<string, unknown>, region: ctx.input.resettlement.region }),
};

export function principalName(app: KdApplication): string {
  return `${app.principal.surname} ${app.principal.givenNames}`.toUpperCase();
}

async function notifyOwner(ctx: EffectContext<unknown>, template: string, params: Record<string, string | number> = {}): Promise<void> {
  if (!ctx.next.ownerId) return;
  await notify(ctx.tx, { userId: ctx.next.ownerId, caseId: ctx.next.id, template: `kd.notifications.${template}`, params: { reference: ctx.next.reference, ...params }, locale: ctx.viewer.locale, at: ctx.now });
}

/** The date of the refusal a complaint is about: the case's last decision. */
function refusedOn(ctx: RuleContext<unknown>): string {
  return ctx.case.decidedAt ? todayInKazakhstan(ctx.case.decidedAt) : ctx.today;
}

export const kandasStatus: ServiceDefinition<KdApplication> = {
  id: KD_SERVICE,
  referencePrefix: "KD",
  states: KD_STATES,
  initialState: "draft",
  finalStates: ["refusal_final", "withdrawn"],
  applicationSchema: kdApplicationSchema,
  intakeGuards: INTAKE_GUARDS,
  regionOf: (data) => data.resettlement.region,
  deadline: {
    termParam: "kd_decision_working_days",
    unit: "working_days",
    startOn: ["submit", "uphold_complaint"],
    stoppedIn: ["returned_for_correction"],
    clearedIn: ["status_granted", "status_refused", "quota_review", "in_quota", "quota_refused", "waitlisted", "benefits_active", "complaint_review", "refusal_final", "withdrawn"],
  },
  parties: (data) => [
    {
      role: "applicant",
      person: {
        surname: data.principal.surname,
        givenNames: data.principal.givenNames,
        surnameCyrillic: data.principal.surnameCyrillic ?? null,
        givenNamesCyrillic: data.principal.givenNamesCyrillic ?? null,
        birthDate: data.principal.birthDate,
        sex: data.principal.sex,
        citizenship: data.principal.citizenship,
        document: { type: data.principal.documentType, number: data.principal.documentNumber, issuingCountry: data.principal.citizenship },
      },
      details: { ethnicKazakh: true, birthCountry: data.principal.birthCountry },
    },
    ...data.members.map((m, i) => ({
      role: "family_member" as const,
      person: {
        surname: m.surname,
        givenNames: m.givenNames,
        surnameCyrillic: m.surnameCyrillic ?? null,
        givenNamesCyrillic: m.givenNamesCyrillic ?? null,
        birthDate: m.birthDate,
        sex: m.sex,
        citizenship: m.citizenship,
        document: { type: m.documentType, number: m.documentNumber, issuingCountry: m.citizenship },
      },
      details: { relationship: m.relationship, memberNumber: i + 1 },
    })),
  ],
  actions: {
    update_draft: action({ from: ["draft"], to: "draft", allowed: ["owner", "clerk"], public: false, ...editData }),
    submit: action({
      from: ["draft"],
      to: "submitted",
      allowed: ["owner", "clerk", "officer"],
      input: emptyInput,
      guards: FILING_GUARDS.map(onCaseData),
      // KD-06: the priority score is fixed when the application is filed, from the parameters then in force.
      patch: (ctx) => ({ data: { ...ctx.case.data, priorityScore: kd06PriorityScore(dataOf(ctx).qualifications, ctx.params, ctx.today) } }),
    }),
    start_review: action({
      from: ["submitted"],
      to: "under_review",
      allowed: AKIMAT,
      input: emptyInput,
      form: { messages: "kd.staffActions", fields: [] },
    }),
    return_for_correction: action({
      from: ["submitted", "under_review"],
      to: "returned_for_correction",
      allowed: AKIMAT,
      input: returnInput,
      effects: [(ctx) => notifyOwner(ctx, "returned")],
      form: { messages: "kd.staffActions", fields: [{ name: "reason", kind: "textarea", required: true }] },
    }),
    resubmit: action({
      from: ["returned_for_correction"],
      to: "submitted",
      allowed: ["owner", "clerk"],
      input: kdApplicationSchema,
      guards: FILING_GUARDS,
      patch: (ctx) => ({
        data: { ...(ctx.input as unknown as Record<string, unknown>), priorityScore: kd06PriorityScore(ctx.input.qualifications, ctx.params, ctx.today) },
        region: ctx.input.resettlement.region,
      }),
    }),
    set_member_outcome: action({
      from: ["under_review"],
      to: "under_review",
      allowed: AKIMAT,
      input: memberOutcomeInput,
      public: false,
      guards: [(ctx) => (ctx.input.memberNumber <= dataOf(ctx).members.length ? null : { rule: "KD-13", messageKey: "kd.rules.kd13UnknownMember", path: ["memberNumber"] })],
      patch: (ctx) => ({
        data: { ...ctx.case.data, memberOutcomes: { ...dataOf(ctx).memberOutcomes, [String(ctx.input.memberNumber)]: { outcome: ctx.input.outcome, reason: ctx.input.reason } } },
      }),
      form: {
        messages: "kd.staffActions",
        fields: [
          { name: "memberNumber", kind: "number", required: true },
          { name: "outcome", kind: "select", required: true, options: MEMBER_OUTCOMES },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
    }),
    // KD-03: the akimat officer drafts the status decision; the akimat supervisor takes it.
    propose_decision: action({
      from: ["under_review"],
      to: "decision_pending",
      allowed: ["officer"],
      input: proposeInput,
      public: false,
      guards: FILING_GUARDS.map((g) => (ctx: RuleContext<{ outcome: string }>) => (ctx.input.outcome === "grant" ? onCaseData(g)(ctx) : null)),
      patch: (ctx) => ({
        data: { ...ctx.case.data, proposal: { ...ctx.input, proposedBy: ctx.viewer.userId, proposedOn: ctx.today } satisfies StatusProposal },
      }),
      form: {
        messages: "kd.staffActions",
        fields: [
          { name: "outcome", kind: "select", required: true, options: STATUS_OUTCOMES },
          { name: "reasonCode", kind: "select", options: STATUS_REFUSAL_REASONS },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
    }),
    send_back: action({
      from: ["decision_pending"],
      to: "under_review",
      allowed: ["supervisor"],
      input: sendBackInput,
      public: false,
      form: { messages: "kd.staffActions", fields: [{ name: "reason", kind: "textarea", required: true }] },
    }),
    approve_decision: action({
      from: ["decision_pending"],
      to: (ctx) => (dataOf(ctx).proposal?.outcome === "grant" ? "status_granted" : "status_refused"),
      allowed: ["supervisor"],
      input: approveInput,
      decides: true,
      guards: [
        (ctx) => (dataOf(ctx).proposal ? null : { rule: "KD-03", messageKey: "kd.rules.kd03NoProposal" }),
        ...FILING_GUARDS.map((g) => (ctx: RuleContext<unknown>) => (dataOf(ctx).proposal?.outcome === "grant" ? onCaseData(g)(ctx) : null)),
      ],
      // Each family member gets an outcome: the officer's choice where one was made, else the family's.
      patch: (ctx) => {
        const data = dataOf(ctx);
        const granted = data.proposal?.outcome === "grant";
        const memberOutcomes = Object.fromEntries(
          data.members.map((_, i) => {
            const own = data.memberOutcomes?.[String(i + 1)];
            return [String(i + 1), granted && own ? own : { outcome: granted ? "included" : "excluded", reason: data.proposal?.reason ?? "" }];
          }),
        );
        return { data: { ...ctx.case.data, memberOutcomes } };
      },
      effects: [
        async (ctx) => {
          const data = ctx.next.data as unknown as KdCaseData;
          const proposal = data.proposal!;
          const granted = proposal.outcome === "grant";
          await recordDecision(ctx.tx, {
            caseId: ctx.next.id,
            outcome: granted ? "status_granted" : "status_refused",
            reasonCode: granted ? null : (proposal.reasonCode ?? null),
            reasonText: proposal.reason,
            decidedBy: ctx.viewer.userId,
            issuingBody: KD_ISSUING_BODY,
            at: ctx.now,
          });
          if (granted) {
            const years = ctx.params.number("kd_status_document_valid_years", ctx.today);
            await issueDocument(ctx.tx, {
              caseId: ctx.next.id,
              type: "kandas_status_decision",
              numberPrefix: "KDS",
              validFrom: ctx.today,
              validUntil: addCalendarDays(ctx.today, Math.round(years * 365.25)),
              holderDisplayName: principalName(data),
              holderBirthDate: data.principal.birthDate,
              content: { reference: ctx.next.reference, region: ctx.next.region, members: includedMembers(data) },
              at: ctx.now,
            });
          }
          await notifyOwner(ctx, granted ? "statusGranted" : "statusRefused");
        },
      ],
      form: { messages: "kd.staffActions", fields: [{ name: "note", kind: "textarea" }] },
    }),
    start_quota_review: action({
      from: ["status_granted"],
      to: "quota_review",
      allowed: AKIMAT,
      input: emptyInput,
      form: { messages: "kd.staffActions", fields: [] },
    }),
    include_in_quota: action({
      from: ["quota_review"],
      to: "in_quota",
      allowed: AKIMAT,
      input: emptyInput,
      decides: true,
      patch: (ctx) => ({ data: { ...ctx.case.data, quota: { year: yearOf(ctx.today), region: ctx.case.region, decidedOn: ctx.today } satisfies QuotaDecision } }),
      effects: [
        async (ctx) => {
          // KD-04, KD-05: one place per family, taken under the quota row's lock.
          await takeQuotaPlace(ctx.tx, ctx.next.region, yearOf(ctx.today));
          const data = ctx.next.data as unknown as KdCaseData;
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "in_quota", decidedBy: ctx.viewer.userId, issuingBody: KD_ISSUING_BODY, at: ctx.now });
          await issueDocument(ctx.tx, {
            caseId: ctx.next.id,
            type: "kandas_quota_decision",
            numberPrefix: "KDQ",
            validFrom: ctx.today,
            validUntil: `${yearOf(ctx.today)}-12-31`,
            holderDisplayName: principalName(data),
            holderBirthDate: data.principal.birthDate,
            content: { reference: ctx.next.reference, region: ctx.next.region, year: yearOf(ctx.today), members: includedMembers(data) },
            at: ctx.now,
          });
          await notifyOwner(ctx, "inQuota", { year: yearOf(ctx.today) });
        },
      ],
      form: { messages: "kd.staffActions", fields: [] },
    }),
    place_on_waitlist: action({
      from: ["quota_review"],
      to: "waitlisted",
      allowed: AKIMAT,
      input: emptyInput,
      decides: true,
      patch: (ctx) => ({ data: { ...ctx.case.data, waitlist: { year: yearOf(ctx.today), listedOn: ctx.today } } }),
      effects: [
        async (ctx) => {
          const data = ctx.next.data as unknown as KdCaseData;
          await addToWaitlist(ctx.tx, { caseId: ctx.next.id, region: ctx.next.region, year: yearOf(ctx.today), priorityScore: data.priorityScore ?? 0, at: ctx.now });
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "waitlisted", reasonCode: "quota_used_up", decidedBy: ctx.viewer.userId, issuingBody: KD_ISSUING_BODY, at: ctx.now });
          await notifyOwner(ctx, "waitlisted");
        },
      ],
      form: { messages: "kd.staffActions", fields: [] },
    }),
    reopen_quota_review: action({
      from: ["waitlisted"],
      to: "quota_review",
      allowed: [...AKIMAT, "system"],
      input: emptyInput,
      effects: [(ctx) => leaveWaitlist(ctx.tx, ctx.next.id, ctx.next.region, yearOf(ctx.today), ctx.now)],
      form: { messages: "kd.staffActions", fields: [] },
    }),
    refuse_quota: action({
      from: ["quota_review"],
      to: "quota_refused",
      allowed: AKIMAT,
      approval: { by: ["supervisor"] }, // four-eyes (lib/engine/approvals.ts)
      input: refuseQuotaInput,
      decides: true,
      effects: [
        async (ctx) => {
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "quota_refused", reasonCode: ctx.input.reasonCode, reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: KD_ISSUING_BODY, at: ctx.now });
          await notifyOwner(ctx, "quotaRefused");
        },
      ],
      form: {
        messages: "kd.staffActions",
        danger: true,
        fields: [
          { name: "reasonCode", kind: "select", required: true, options: QUOTA_REFUSAL_REASONS },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
    }),
    // KD-08: a refusal goes to the ministry's central reviewer, never back to the akimat.
    file_complaint: action({
      from: ["status_refused", "quota_refused"],
      to: "complaint_review",
      allowed: ["owner"],
      input: complaintInput,
      guards: [(ctx) => kd08ComplaintInTime(refusedOn(ctx), ctx.today, ctx.params)],
      patch: (ctx) => ({
        data: { ...ctx.case.data, complaint: { against: ctx.case.status === "status_refused" ? "status" : "quota", filedOn: ctx.today, reason: ctx.input.reason } satisfies Complaint },
      }),
    }),
    uphold_complaint: action({
      from: ["complaint_review"],
      to: (ctx) => (dataOf(ctx).complaint?.against === "quota" ? "quota_review" : "under_review"),
      allowed: ["reviewer"],
      input: complaintDecisionInput,
      decides: true,
      effects: [
        async (ctx) => {
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "complaint_upheld", reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: KD_COMPLAINT_BODY, at: ctx.now });
          await notifyOwner(ctx, "complaintUpheld");
        },
      ],
      form: { messages: "kd.staffActions", fields: [{ name: "reason", kind: "textarea", required: true }] },
    }),
    dismiss_complaint: action({
      from: ["complaint_review"],
      to: "refusal_final",
      allowed: ["reviewer"],
      input: complaintDecisionInput,
      decides: true,
      effects: [
        async (ctx) => {
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "complaint_dismissed", reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: KD_COMPLAINT_BODY, at: ctx.now });
          await notifyOwner(ctx, "complaintDismissed");
        },
      ],
      form: { messages: "kd.staffActions", danger: true, fields: [{ name: "reason", kind: "textarea", required: true }] },
    }),
    activate_benefits: action({
      from: ["in_quota"],
      to: "benefits_active",
      allowed: AKIMAT,
      input: emptyInput,
      form: { messages: "kd.staffActions", fields: [] },
    }),
    // KD-11: the benefits record, kept by the akimat; every change is an event on the case.
    grant_benefit: action({
      from: ["benefits_active"],
      to: "benefits_active",
      allowed: AKIMAT,
      input: benefitInput,
      guards: [(ctx) => (ctx.params.get<string[]>("kd_benefit_measures", ctx.today).includes(ctx.input.measure) ? null : { rule: "KD-11", messageKey: "kd.rules.kd11UnknownMeasure", path: ["measure"] })],
      effects: [
        async (ctx) => {
          await ctx.tx.insert(kandasBenefits).values({ caseId: ctx.next.id, measure: ctx.input.measure, amountKzt: ctx.input.amountKzt ?? null, note: ctx.input.note ?? null, grantedOn: ctx.today, grantedBy: ctx.viewer.userId });
        },
      ],
      form: {
        messages: "kd.staffActions",
        fields: [
          { name: "measure", kind: "select", required: true },
          { name: "amountKzt", kind: "number" },
          { name: "note", kind: "textarea" },
        ],
      },
    }),
    withdraw_benefit: action({
      from: ["benefits_active"],
      to: "benefits_active",
      allowed: AKIMAT,
      input: withdrawBenefitInput,
      effects: [
        async (ctx) => {
          const changed = await ctx.tx
            .update(kandasBenefits)
            .set({ withdrawnOn: ctx.today, withdrawnBy: ctx.viewer.userId })
            .where(and(eq(kandasBenefits.id, ctx.input.benefitId), eq(kandasBenefits.caseId, ctx.next.id), isNull(kandasBenefits.withdrawnOn)))
            .returning({ id: kandasBenefits.id });
          if (!changed.length) refuseAction({ rule: "KD-11", messageKey: "kd.rules.kd11UnknownBenefit", path: ["benefitId"] });
        },
      ],
      form: {
        messages: "kd.staffActions",
        fields: [
          { name: "benefitId", kind: "select", required: true },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
    }),
    place_in_centre: action({
      from: CENTRE_STATES,
      to: (ctx) => ctx.case.status,
      allowed: AKIMAT,
      input: placeInput,
      guards: [(ctx) => (ctx.case.flags.includes(KD_FLAGS.inCentre) ? { rule: "KD-09", messageKey: "kd.rules.kd09AlreadyPlaced" } : null)],
      patch: (ctx) => ({ flags: [...ctx.case.flags, KD_FLAGS.inCentre] }),
      effects: [
        async (ctx) => {
          const data = ctx.next.data as unknown as KdCaseData;
          await placeInCentre(ctx.tx, { centreId: ctx.input.centreId, caseId: ctx.next.id, persons: familySize(data), on: ctx.today });
        },
      ],
      form: { messages: "kd.staffActions", fields: [{ name: "centreId", kind: "select", required: true }] },
    }),
    release_from_centre: action({
      from: [...CENTRE_STATES, "status_refused", "quota_refused", "complaint_review", "refusal_final", "withdrawn"],
      to: (ctx) => ctx.case.status,
      allowed: AKIMAT,
      input: releaseInput,
      guards: [(ctx) => (ctx.case.flags.includes(KD_FLAGS.inCentre) ? null : { rule: "KD-09", messageKey: "kd.rules.kd09NotPlaced" })],
      patch: (ctx) => ({ flags: ctx.case.flags.filter((f) => f !== KD_FLAGS.inCentre) }),
      effects: [(ctx) => releaseFromCentre(ctx.tx, ctx.next.id, ctx.today)],
      form: { messages: "kd.staffActions", fields: [{ name: "reason", kind: "textarea" }] },
    }),
    withdraw: action({ from: PRE_DECISION, to: "withdrawn", allowed: ["owner", "clerk"], input: withdrawInput }),
  },
};

/** The family members the decision covers (per-person outcome), as names for the decision document. */
export function includedMembers(data: KdCaseData): string[] {
  return data.members
    .filter((_, i) => (data.memberOutcomes?.[String(i + 1)]?.outcome ?? "included") === "included")
    .map((m) => `${m.surname} ${m.givenNames}`.toUpperCase());
}

registerService(kandasStatus);
