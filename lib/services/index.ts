import { registerService } from "@/lib/engine/registry";
import { withApplicantConversation } from "@/lib/engine/conversation";
import "@/lib/jobs/information-overdue";
// Every service definition registers itself with the engine when imported here.
import { temporaryRegistration } from "./temporary-registration/definition";
import { householdPermit } from "./household-permit/definition";
import { refugeeRenewal } from "./refugee-renewal/definition";
import { kandasStatus } from "./kandas-status/definition";
import { kandasCitizenship } from "./kandas-citizenship/definition";

// The conversation with the applicant (requests for information, the right to be heard) is the same
// for every service: the registered definitions carry it, and each refusal waits for the hearing.
const REVIEW = ["submitted", "under_review"];
registerService(withApplicantConversation(temporaryRegistration, { refusals: [{ action: "refuse" }], informationFrom: REVIEW, refusedStates: ["refused"], stillOpen: ["withdraw", "attach_document", "set_protection"] }));
registerService(withApplicantConversation(householdPermit, { refusals: [{ action: "refuse" }], informationFrom: REVIEW, refusedStates: ["refused"], stillOpen: ["withdraw"] }));
registerService(
  withApplicantConversation(refugeeRenewal, {
    // The commission refuses by a vote; a refusing vote needs the preliminary refusal first.
    refusals: [{ action: "vote", groundsField: "legalGround", when: (ctx) => (ctx.input as { decision?: string }).decision === "refuse" }],
    informationFrom: REVIEW,
    refusedStates: ["refused"],
    stillOpen: ["withdraw", "attach_document"],
  }),
);
registerService(
  withApplicantConversation(kandasStatus, {
    refusals: [
      // The akimat officer's refusal proposal is what the applicant answers before the supervisor decides.
      { action: "propose_decision", when: (ctx) => (ctx.input as { outcome?: string }).outcome === "refuse" },
      { action: "refuse_quota", preliminary: "preliminary_refuse_quota" },
    ],
    informationFrom: REVIEW,
    refusedStates: ["status_refused", "quota_refused"],
    stillOpen: ["withdraw"],
  }),
);
registerService(withApplicantConversation(kandasCitizenship, { refusals: [{ action: "refuse" }], informationFrom: REVIEW, refusedStates: ["refused"] }));

export * from "./ids";
