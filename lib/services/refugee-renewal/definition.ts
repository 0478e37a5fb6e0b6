import { eq } from "drizzle-orm";
import { refugeeFamilies, refugeeStatuses } from "@/db/schema";
import { registerService } from "@/lib/engine/registry";
import { attachFile, issueDocument, notify, recordDecision, refuseAction, scheduleJob } from "@/lib/engine/effects";
import type { ActionDefinition, EffectContext, Guard, RuleContext, ServiceDefinition } from "@/lib/engine/types";
import { addCalendarDays } from "@/lib/rules/dates";
import { RF_SERVICE } from "../ids";
import "./jobs";
import { closeRenewal, extendStatuses, holdersOfCase, openRenewal } from "./records";
import {
  RF_FLAGS,
  rf03ExtensionTerm,
  rf04AssessmentRecorded,
  rf04MayExtend,
  rf05FilingWindow,
  rf05IsLate,
  rf06CertificateDueOn,
  rf08Protected,
  rf09ComplaintDeadline,
  rf09ComplaintInTime,
  rf09RefusalMayBecomeFinal,
  rfCommissionOutcome,
  rfFourEyes,
  rfOneVotePerMember,
  type Assessment,
  type Override,
  type Term,
  type Vote,
} from "./rules";
import {
  assessmentInput,
  attachInput,
  complaintDecisionInput,
  complaintInput,
  emptyInput,
  LEGAL_GROUNDS,
  overrideInput,
  returnInput,
  rfApplicationSchema,
  voteInput,
  withdrawInput,
  type RfApplication,
} from "./schema";

export { RF_SERVICE };
/** RF-01: the deciding organisation is configurable; today the territorial migration police and its commission. */
export const RF_ISSUING_BODY = "migration_police_refugee_commission";
export const RF_REVIEW_BODY = "central_migration_police";
/** RF-07: the document an extension issues, verifiable by its QR code. */
export const RF_CERTIFICATE = "refugee_certificate";

export const RF_STATES = [
  "draft",
  "submitted",
  "returned_for_correction",
  "under_review",
  "commission_review",
  "extended",
  "certificate_issued",
  "refused",
  "complaint_filed",
  "refusal_final",
  "status_ended",
  "withdrawn",
] as const;

const OFFICERS = ["officer", "supervisor"] as const;
const PRE_DECISION = ["draft", "submitted", "returned_for_correction", "under_review", "commission_review"] as const;

/** What a renewal case keeps beside the application as it moves on. */
export interface RfCaseData extends RfApplication {
  assessment?: Assessment;
  override?: Override;
  votes?: Vote[];
  decision?: { outcome: "extended" | "refused"; legalGround: string; decidedOn: string; votes: Vote[]; by: "commission" | "central_reviewer" };
  complaint?: { grounds: string; filedOn: string; deadline: string; outcome?: "upheld" | "rejected"; reason?: string; decidedOn?: string };
  newTerm?: Term;
  certificateDueOn?: string;
  certificates?: { number: string; statusId: string; documentId: string }[];
}

const dataOf = (ctx: RuleContext<unknown>) => ctx.case.data as unknown as RfCaseData;

function action<I>(a: ActionDefinition<I>): ActionDefinition<never> {
  return a as unknown as ActionDefinition<never>;
}

// RF-05 on the copy of the record carried by the application; the filing effect checks the copy.
const filingWindow: Guard<RfApplication> = (ctx) => rf05FilingWindow(ctx.input.status.endsOn, ctx.today, ctx.params);
const onCaseData = (g: Guard<RfApplication>): Guard<unknown> => (ctx) => g({ ...ctx, input: dataOf(ctx) });

async function notifyOwner(ctx: EffectContext<unknown>, template: string, params: Record<string, string | number> = {}): Promise<void> {
  const [owner] = await ctx.tx.select({ ownerId: refugeeFamilies.ownerId }).from(refugeeStatuses).innerJoin(refugeeFamilies, eq(refugeeFamilies.id, refugeeStatuses.familyId)).where(eq(refugeeStatuses.id, dataOf(ctx).status.id));
  const userId = ctx.next.ownerId ?? owner?.ownerId;
  if (!userId) return;
  await notify(ctx.tx, { userId, caseId: ctx.next.id, template, params: { reference: ctx.next.reference, ...params }, locale: ctx.viewer.locale, at: ctx.now });
}

/** RF-02/RF-03 and RF-06: the statuses get their next term; the certificate is due in working days. */
async function extend(ctx: EffectContext<unknown>, by: "commission" | "central_reviewer", legalGround: string, reason: string): Promise<void> {
  const app = dataOf(ctx);
  const term = await extendStatuses(ctx.tx, ctx.next.id, app.status.id, ctx.today, ctx.params);
  if (!term) refuseAction({ rule: "RF-03", messageKey: "rf.rules.rf03NothingToExtend" });
  await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "extended", reasonCode: legalGround, reasonText: reason, decidedBy: ctx.viewer.userId, issuingBody: by === "commission" ? RF_ISSUING_BODY : RF_REVIEW_BODY, at: ctx.now });
  await notifyOwner(ctx, "rf.notifications.extended", { endsOn: term.endsOn, certificateDueOn: rf06CertificateDueOn(ctx.today, ctx.params, ctx.ref) });
}

const decisionPatch = (ctx: RuleContext<unknown>, outcome: "extended" | "refused", legalGround: string, votes: Vote[], by: "commission" | "central_reviewer") => {
  const data = dataOf(ctx);
  const decided = { ...data, votes, decision: { outcome, legalGround, decidedOn: ctx.today, votes, by } };
  if (outcome === "refused") return decided;
  return { ...decided, newTerm: rf03ExtensionTerm(data.status.endsOn, ctx.today, ctx.params), certificateDueOn: rf06CertificateDueOn(ctx.today, ctx.params, ctx.ref) };
};

type VoteCtx = RuleContext<{ decision: "extend" | "refuse"; legalGround: string; reason: string }>;

function votesWith(ctx: VoteCtx): Vote[] {
  return [...(dataOf(ctx).votes ?? []), { memberId: ctx.viewer.userId ?? "", decision: ctx.input.decision, legalGround: ctx.input.legalGround, reason: ctx.input.reason, at: ctx.today }];
}
function commissionOutcome(ctx: VoteCtx): "extend" | "refuse" | null {
  return rfCommissionOutcome(votesWith(ctx), dataOf(ctx).assessment?.preparedBy, ctx.today, ctx.params);
}

export const refugeeRenewal: ServiceDefinition<RfApplication> = {
  id: RF_SERVICE,
  referencePrefix: "RF",
  states: RF_STATES,
  initialState: "draft",
  finalStates: ["certificate_issued", "status_ended", "withdrawn"],
  applicationSchema: rfApplicationSchema,
  intakeGuards: [filingWindow],
  regionOf: (data) => data.address.region,
  // The family lives in the refugee status records, not in case parties: search by what the application names.
  searchTerms: (data) => ({
    names: [data.status.holderName, ...data.familyChanges.flatMap((c) => (c.change === "add" ? [`${c.surname} ${c.givenNames}`] : []))],
    numbers: [data.status.certificateNumber, data.identity.number, ...data.familyChanges.flatMap((c) => (c.change === "add" ? [c.documentNumber] : []))],
  }),
  // Front offices do not handle refugee files: only the region's officers and commission, the central reviewer.
  staffRoles: ["officer", "supervisor", "reviewer"],
  deadline: {
    // RF-06: the only statutory clock is the certificate's, from the decision to extend.
    termParam: "rf_certificate_working_days",
    unit: "working_days",
    startOn: ["vote", "decide_complaint"],
    stoppedIn: [],
    clearedIn: RF_STATES.filter((s) => s !== "extended"),
  },
  actions: {
    submit: action({
      from: ["draft"],
      to: "submitted",
      allowed: ["owner", "officer", "supervisor"],
      input: emptyInput,
      guards: [onCaseData(filingWindow)],
      patch: (ctx) => ({
        flags: rf05IsLate(dataOf(ctx).status.endsOn, ctx.today, ctx.params) ? [...new Set([...ctx.case.flags, RF_FLAGS.lateFiling])] : ctx.case.flags,
      }),
      effects: [
        async (ctx) => {
          await openRenewal(ctx.tx, ctx.viewer, ctx.next.id, dataOf(ctx));
          await notifyOwner(ctx, "rf.notifications.submitted");
        },
      ],
    }),
    start_review: action({ from: ["submitted"], to: "under_review", allowed: OFFICERS, input: emptyInput, form: { messages: "rf.staffActions", fields: [] } }),
    return_for_correction: action({
      from: ["submitted", "under_review"],
      to: "returned_for_correction",
      allowed: OFFICERS,
      input: returnInput,
      effects: [async (ctx) => notifyOwner(ctx, "rf.notifications.returned")],
      form: { messages: "rf.staffActions", fields: [{ name: "reason", kind: "textarea", required: true }] },
    }),
    resubmit: action({
      from: ["returned_for_correction"],
      to: "submitted",
      allowed: ["owner"],
      input: rfApplicationSchema,
      // The record the renewal is about cannot be swapped for another one on correction.
      guards: [(ctx) => (ctx.input.status.id === dataOf(ctx).status.id ? null : { rule: "RF-15", messageKey: "rf.rules.rf15StatusChanged", path: ["status", "certificateNumber"] })],
      patch: (ctx) => ({ data: { ...ctx.case.data, ...ctx.input, status: dataOf(ctx).status }, region: ctx.input.address.region }),
    }),
    record_assessment: action({
      from: ["under_review"],
      to: "under_review",
      // A supervisor may prepare a file too; four-eyes then keeps them out of its commission.
      allowed: OFFICERS,
      input: assessmentInput,
      public: false,
      patch: (ctx) => ({
        data: { ...ctx.case.data, assessment: { ...ctx.input, preparedBy: ctx.viewer.userId } },
        flags: ctx.input.situation === "changed" ? [...new Set([...ctx.case.flags, RF_FLAGS.originChanged])] : ctx.case.flags.filter((f) => f !== RF_FLAGS.originChanged),
      }),
      form: {
        messages: "rf.staffActions",
        fields: [
          { name: "situation", kind: "select", required: true, options: ["unchanged", "changed"], initial: (c) => (c.data as unknown as RfCaseData).assessment?.situation },
          { name: "justification", kind: "textarea", required: true, initial: (c) => (c.data as unknown as RfCaseData).assessment?.justification },
          { name: "sources", kind: "textarea", required: true, initial: (c) => (c.data as unknown as RfCaseData).assessment?.sources },
        ],
      },
    }),
    send_to_commission: action({
      from: ["under_review"],
      to: "commission_review",
      allowed: OFFICERS,
      input: emptyInput,
      guards: [(ctx) => rf04AssessmentRecorded(dataOf(ctx).assessment)],
      form: { messages: "rf.staffActions", fields: [] },
    }),
    record_override: action({
      from: ["under_review", "commission_review"],
      to: (ctx) => ctx.case.status,
      allowed: ["supervisor"],
      input: overrideInput,
      public: false,
      guards: [
        (ctx) => (dataOf(ctx).assessment?.situation === "changed" ? null : { rule: "RF-04", messageKey: "rf.rules.rf04OverrideNotNeeded" }),
        (ctx) => rfFourEyes(dataOf(ctx).assessment?.preparedBy, ctx.viewer.userId),
      ],
      patch: (ctx) => ({ data: { ...ctx.case.data, override: { note: ctx.input.note, by: ctx.viewer.userId } } }),
      form: { messages: "rf.staffActions", fields: [{ name: "note", kind: "textarea", required: true }], danger: true },
    }),
    vote: action({
      from: ["commission_review"],
      to: (ctx) => {
        const outcome = commissionOutcome(ctx);
        return outcome === null ? "commission_review" : outcome === "extend" ? "extended" : "refused";
      },
      outcomes: ["commission_review", "extended", "refused"],
      allowed: ["supervisor"],
      input: voteInput,
      decides: (_ctx, to) => to !== "commission_review",
      guards: [
        (ctx) => rfFourEyes(dataOf(ctx).assessment?.preparedBy, ctx.viewer.userId),
        (ctx) => rfOneVotePerMember(dataOf(ctx).votes ?? [], ctx.viewer.userId),
        (ctx) => (ctx.input.decision === "extend" ? rf04MayExtend(dataOf(ctx).assessment, dataOf(ctx).override) : null),
      ],
      patch: (ctx) => {
        const votes = votesWith(ctx);
        const outcome = commissionOutcome(ctx);
        if (!outcome) return { data: { ...ctx.case.data, votes } };
        return { data: decisionPatch(ctx, outcome === "extend" ? "extended" : "refused", ctx.input.legalGround, votes, "commission") as unknown as Record<string, unknown> };
      },
      effects: [
        async (ctx) => {
          if (ctx.next.status === "extended") return extend(ctx, "commission", ctx.input.legalGround, ctx.input.reason);
          if (ctx.next.status !== "refused") return;
          const deadline = rf09ComplaintDeadline(ctx.today, ctx.params);
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "refused", reasonCode: ctx.input.legalGround, reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: RF_ISSUING_BODY, at: ctx.now });
          // RF-09: without a complaint in time, the refusal becomes final the day after the period ends.
          await scheduleJob(ctx.tx, { kind: "rf_refusal_final", caseId: ctx.next.id, runAt: new Date(`${addCalendarDays(deadline, 1)}T00:00:00+05:00`) });
          await notifyOwner(ctx, "rf.notifications.refused", { complaintUntil: deadline });
        },
      ],
      form: {
        messages: "rf.staffActions",
        fields: [
          { name: "decision", kind: "select", required: true, options: ["extend", "refuse"] },
          { name: "legalGround", kind: "select", required: true, options: LEGAL_GROUNDS, optionMessages: "rf.refusalReasons" },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
    }),
    issue_certificate: action({
      from: ["extended"],
      to: "certificate_issued",
      allowed: OFFICERS,
      input: emptyInput,
      effects: [
        async (ctx) => {
          for (const holder of await holdersOfCase(ctx.tx, ctx.next.id)) {
            const doc = await issueDocument(ctx.tx, {
              caseId: ctx.next.id,
              type: RF_CERTIFICATE,
              numberPrefix: "RFC",
              // The new certificate replaces the old one from the day it is handed over, through the new term.
              validFrom: ctx.today,
              validUntil: holder.term.endsOn,
              holderDisplayName: `${holder.person.surname} ${holder.person.givenNames}`.toUpperCase(),
              holderBirthDate: holder.person.birthDate,
              content: { reference: ctx.next.reference, statusId: holder.status.id, relation: holder.status.relation, countryOfOrigin: holder.status.countryOfOrigin, region: holder.status.region },
              at: ctx.now,
            });
            await ctx.tx.update(refugeeStatuses).set({ certificateNumber: doc.number }).where(eq(refugeeStatuses.id, holder.status.id));
          }
          await notifyOwner(ctx, "rf.notifications.certificateIssued");
        },
      ],
      form: { messages: "rf.staffActions", fields: [] },
    }),
    file_complaint: action({
      from: ["refused"],
      to: "complaint_filed",
      allowed: ["owner"],
      input: complaintInput,
      guards: [(ctx) => rf09ComplaintInTime(dataOf(ctx).decision?.decidedOn ?? ctx.today, ctx.today, ctx.params)],
      patch: (ctx) => ({
        data: { ...ctx.case.data, complaint: { grounds: ctx.input.grounds, filedOn: ctx.today, deadline: rf09ComplaintDeadline(dataOf(ctx).decision?.decidedOn ?? ctx.today, ctx.params) } },
      }),
      effects: [async (ctx) => notifyOwner(ctx, "rf.notifications.complaintFiled")],
    }),
    decide_complaint: action({
      from: ["complaint_filed"],
      to: (ctx) => (ctx.input.outcome === "upheld" ? "extended" : "refusal_final"),
      outcomes: ["extended", "refusal_final"],
      // RF-09: the central reviewer decides, never the region that refused.
      allowed: ["reviewer"],
      input: complaintDecisionInput,
      decides: true,
      patch: (ctx) => {
        const data = dataOf(ctx);
        const complaint = { ...data.complaint!, outcome: ctx.input.outcome, reason: ctx.input.reason, decidedOn: ctx.today };
        if (ctx.input.outcome === "rejected") return { data: { ...ctx.case.data, complaint } };
        return { data: { ...decisionPatch(ctx, "extended", "complaint_upheld", data.votes ?? [], "central_reviewer"), complaint } as unknown as Record<string, unknown> };
      },
      effects: [
        async (ctx) => {
          if (ctx.input.outcome === "upheld") return extend(ctx, "central_reviewer", "complaint_upheld", ctx.input.reason);
          await recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "refusal_final", reasonCode: "complaint_rejected", reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: RF_REVIEW_BODY, at: ctx.now });
          await scheduleJob(ctx.tx, { kind: "rf_end_status", caseId: ctx.next.id, runAt: ctx.now });
          await notifyOwner(ctx, "rf.notifications.complaintRejected");
        },
      ],
      form: {
        messages: "rf.staffActions",
        fields: [
          { name: "outcome", kind: "select", required: true, options: ["upheld", "rejected"] },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
    }),
    finalise_refusal: action({
      from: ["refused"],
      to: "refusal_final",
      allowed: ["system"],
      input: emptyInput,
      guards: [(ctx) => rf09RefusalMayBecomeFinal(dataOf(ctx).decision?.decidedOn ?? ctx.today, ctx.today, ctx.params)],
    }),
    end_status: action({
      from: ["refusal_final"],
      to: "status_ended",
      allowed: ["system", ...OFFICERS],
      input: emptyInput,
      // RF-08: nothing ends a status while its renewal or complaint is open (refusal_final is not open).
      guards: [(ctx) => (rf08Protected(ctx.case.status) ? { rule: "RF-08", messageKey: "rf.rules.rf08RenewalPending" } : null)],
      form: { messages: "rf.staffActions", fields: [], danger: true },
      effects: [
        async (ctx) => {
          await closeRenewal(ctx.tx, ctx.next.id, dataOf(ctx).status.id, "ended", ctx.today);
          await notifyOwner(ctx, "rf.notifications.statusEnded");
        },
      ],
    }),
    withdraw: action({
      from: PRE_DECISION,
      to: "withdrawn",
      allowed: ["owner"],
      input: withdrawInput,
      effects: [
        async (ctx) => {
          if (ctx.case.status !== "draft") await closeRenewal(ctx.tx, ctx.next.id, dataOf(ctx).status.id, "withdrawn", ctx.today);
        },
      ],
    }),
    attach_document: action({
      from: [...PRE_DECISION, "refused", "complaint_filed"],
      to: (ctx) => ctx.case.status,
      allowed: ["owner", ...OFFICERS],
      input: attachInput,
      eventPayload: (input) => ({ kind: input.kind, fileName: input.fileName, sizeBytes: input.bytes.byteLength }),
      effects: [attachFile],
    }),
  },
};

registerService(refugeeRenewal);
