import { z } from "zod";
import { LOCALES } from "@/lib/i18n/routing";
import type { ActionState } from "@/lib/forms/action-state";

/** What the filing form sends: the application (validated by the engine) and one idempotency key per filing. */
export const kdSubmitEnvelope = z.object({ data: z.unknown(), idempotencyKey: z.uuid(), locale: z.enum(LOCALES) });
export type KdSubmitInput = { data: unknown; idempotencyKey: string; locale: string };
/** A correction is sent at the version of the case the applicant corrected. */
export const kdResubmitTarget = z.object({ caseId: z.uuid(), version: z.number().int().min(1) });

export interface KdApplyOption {
  value: string;
  label: string;
}

export interface KdApplyText {
  title: string;
  lead: string;
  sections: Record<"principal" | "members" | "origin" | "qualifications" | "resettlement" | "documents", string>;
  fields: Record<string, string>;
  countries: KdApplyOption[];
  /** Resettlement regions (KD-07). */
  regions: KdApplyOption[];
  options: Record<"sexes" | "documentTypes" | "relationships" | "bases" | "familyHistories" | "education" | "sectors" | "documents", KdApplyOption[]>;
  member: string;
  noMembers: string;
  addMember: string;
  removeMember: string;
  memberAdded: string;
  memberRemoved: string;
  select: string;
  declaration: string;
  submit: string;
  submitting: string;
  redirecting: string;
  errorSummaryTitle: string;
  genericError: string;
  /** Translations of the schema's message keys. */
  messages: Record<string, string>;
}

export type KdSubmitState = ActionState;
