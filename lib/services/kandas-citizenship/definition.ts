import { and, eq, inArray } from "drizzle-orm";
import { cases } from "@/db/schema";
import { recordDecision, refuseAction, scheduleJob } from "@/lib/engine/effects";
import { registerService } from "@/lib/engine/registry";
import type { ActionDefinition, ServiceDefinition } from "@/lib/engine/types";
import { KC_SERVICE, KD_SERVICE } from "../ids";
import { HOLDER_STATES } from "../kandas-status/definition";
import { kcAlertOn } from "./rules";
import { emptyInput, grantInput, KC_REFUSAL_REASONS, kcApplicationSchema, refuseInput, type KcApplication } from "./schema";
import "./jobs";


export { KC_SERVICE };
export const KC_ISSUING_BODY = "migration_service_mia";
export const KC_STATES = ["draft", "submitted", "under_review", "granted", "refused"] as const;
/** The follow-up handled in ./jobs.ts. */
export const KC_ALERT_JOB = "kc_sla_alert";

const MIA = ["officer", "supervisor"] as const;

function action<I>(a: ActionDefinition<I>): ActionDefinition<never> {
  return a as unknown as ActionDefinition<never>;
}

/** KD-14: simplified citizenship for a kandas holder, decided by the migration police within 3 calendar months. */
export const kandasCitizenship: ServiceDefinition<KcApplication> = {
  id: KC_SERVICE,
  referencePrefix: "KC",
  states: KC_STATES,
  initialState: "draft",
  finalStates: ["granted", "refused"],
  applicationSchema: kcApplicationSchema,
  intakeGuards: [],
  regionOf: (data) => data.region,
  deadline: { termParam: "kc_decision_months", unit: "calendar_months", startOn: ["submit"], stoppedIn: [], clearedIn: ["granted", "refused"] },
  actions: {
    submit: action({
      from: ["draft"],
      to: "submitted",
      allowed: ["owner"],
      input: emptyInput,
      effects: [
        async (ctx) => {
          // Only the holder of a kandas status may use the simplified procedure (KD-14).
          const data = ctx.next.data as unknown as KcApplication;
          const [holder] = await ctx.tx
            .select({ id: cases.id })
            .from(cases)
            .where(and(eq(cases.id, data.kandasCaseId), eq(cases.service, KD_SERVICE), eq(cases.ownerId, ctx.next.ownerId ?? ""), inArray(cases.status, [...HOLDER_STATES])));
          if (!holder) refuseAction({ rule: "KD-14", messageKey: "kd.rules.kd14NotAHolder", path: ["kandasCaseId"] });
          const alertOn = kcAlertOn(ctx.next.dueOn!, ctx.params, ctx.today);
          await scheduleJob(ctx.tx, { kind: KC_ALERT_JOB, caseId: ctx.next.id, runAt: new Date(`${alertOn}T09:00:00+05:00`) });
        },
      ],
    }),
    start_review: action({ from: ["submitted"], to: "under_review", allowed: MIA, input: emptyInput, form: { messages: "kd.citizenship.staffActions", fields: [] } }),
    grant: action({
      from: ["under_review"],
      to: "granted",
      allowed: MIA,
      input: grantInput,
      decides: true,
      effects: [async (ctx) => recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "granted", decidedBy: ctx.viewer.userId, issuingBody: KC_ISSUING_BODY, at: ctx.now })],
      form: { messages: "kd.citizenship.staffActions", fields: [{ name: "note", kind: "textarea" }] },
    }),
    refuse: action({
      from: ["under_review"],
      to: "refused",
      allowed: MIA,
      approval: { by: ["supervisor"] }, // four-eyes (lib/engine/approvals.ts)
      input: refuseInput,
      decides: true,
      effects: [
        async (ctx) =>
          recordDecision(ctx.tx, { caseId: ctx.next.id, outcome: "refused", reasonCode: ctx.input.reasonCode, reasonText: ctx.input.reason, decidedBy: ctx.viewer.userId, issuingBody: KC_ISSUING_BODY, at: ctx.now }),
      ],
      form: {
        messages: "kd.citizenship.staffActions",
        danger: true,
        fields: [
          { name: "reasonCode", kind: "select", required: true, options: KC_REFUSAL_REASONS },
          { name: "reason", kind: "textarea", required: true },
        ],
      },
    }),
    flag_sla_alert: action({
      from: ["submitted", "under_review"],
      to: (ctx) => ctx.case.status,
      allowed: ["system"],
      input: emptyInput,
      public: false,
      guards: [(ctx) => (ctx.case.flags.includes("sla_alert") ? { rule: "KD-14", messageKey: "kd.rules.kd14AlreadyAlerted" } : null)],
      patch: (ctx) => ({ flags: [...ctx.case.flags, "sla_alert"] }),
    }),
  },
};

registerService(kandasCitizenship);
