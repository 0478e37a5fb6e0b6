import { z } from "zod";
import { isValidCivilDate } from "@/lib/rules/dates";

/**
 * The refugee's extension application (RF-15) and the staff action inputs. The browser and the
 * server validate with these same schemas; messages are message keys.
 */

const required = "rules.validation.required";
const text = (max: number) => z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: "rules.validation.tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "rules.validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));
const civilDate = z.string({ error: required }).trim().min(1, { error: required }).refine(isValidCivilDate, { error: "rules.validation.date" });
const latinName = text(80).regex(/^[A-Za-z][A-Za-z' -]*$/, { error: "tr.validation.latinName" });
const documentNumber = z
  .string({ error: required })
  .transform((v) => v.replace(/\s+/g, "").toUpperCase())
  .pipe(z.string().min(1, { error: required }).regex(/^[A-Z0-9-]{4,20}$/, { error: "rf.validation.documentNumber" }));

/** RF-07: documents the migration police issue to refugees, and a national passport if the refugee has one. */
export const RF_DOCUMENT_TYPES = ["refugee_certificate", "refugee_travel_document", "national_passport", "birth_certificate", "other"] as const;
export const RF_RELATIONS = ["spouse", "child", "parent", "other"] as const;
export const SEXES = ["F", "M"] as const;

/** Copied from the status record when the form is opened; the filing effect checks it against the record. */
export const statusReference = z.object({
  id: z.uuid({ error: required }),
  certificateNumber: text(40),
  endsOn: civilDate,
  holderName: text(200),
  countryOfOrigin: z.string().regex(/^[A-Z]{3}$/, { error: required }),
});

export const identityStep = z.object({
  type: z.enum(RF_DOCUMENT_TYPES, { error: required }),
  number: documentNumber,
  expiresOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isValidCivilDate(v), { error: "rules.validation.date" }),
});

export const addressStep = z.object({
  region: z.string({ error: required }).min(1, { error: required }),
  city: text(100),
  street: text(150),
  building: text(20),
  flat: optionalText(20),
  phone: z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .regex(/^\+?[0-9][0-9 ()-]{6,19}$/, { error: "rules.validation.phone" }),
});

/** RF-16: a dependant joining the family (born, married) or leaving it (adult, departed, deceased). */
export const familyChange = z.discriminatedUnion("change", [
  z.object({
    change: z.literal("add"),
    surname: latinName,
    givenNames: latinName,
    birthDate: civilDate,
    sex: z.enum(SEXES, { error: required }),
    relation: z.enum(RF_RELATIONS, { error: required }),
    documentType: z.enum(RF_DOCUMENT_TYPES, { error: required }),
    documentNumber,
  }),
  z.object({
    change: z.literal("remove"),
    statusId: z.uuid({ error: required }),
    reason: text(500),
  }),
]);

export const rfApplicationSchema = z.object({
  status: statusReference,
  identity: identityStep,
  address: addressStep,
  familyChanges: z.array(familyChange).max(15, { error: "rules.validation.tooLong" }).default([]),
  statement: text(5000),
  newEvidence: optionalText(5000),
});

export type RfApplication = z.output<typeof rfApplicationSchema>;
export type RfApplicationInput = z.input<typeof rfApplicationSchema>;

// ----------------------------------------------------------------- staff and applicant action inputs

export const reasonText = z.string({ error: required }).trim().min(10, { error: "rules.validation.reasonTooShort" }).max(2000, { error: "rules.validation.tooLong" });

export const emptyInput = z.object({}).strict();
export const returnInput = z.object({ reason: reasonText });
export const withdrawInput = z.object({ reason: z.string().trim().max(2000).optional() });

/** RF-04: the country-of-origin assessment the officer prepares. */
export const ASSESSMENTS = ["unchanged", "changed"] as const;
export const assessmentInput = z.object({
  situation: z.enum(ASSESSMENTS, { error: required }),
  justification: reasonText,
  sources: text(2000),
});

export const overrideInput = z.object({ note: reasonText });

export const VOTE_DECISIONS = ["extend", "refuse"] as const;
/** The legal ground recorded with a vote and the decision (RF-04, RF-13). */
export const EXTEND_GROUNDS = ["circumstances_unchanged", "circumstances_changed_override"] as const;
export const REFUSE_GROUNDS = ["circumstances_changed", "cessation_ground", "deprivation_ground", "false_information", "other"] as const;
export const LEGAL_GROUNDS = [...EXTEND_GROUNDS, ...REFUSE_GROUNDS] as const;

export const voteInput = z
  .object({
    decision: z.enum(VOTE_DECISIONS, { error: required }),
    legalGround: z.enum(LEGAL_GROUNDS, { error: required }),
    reason: reasonText,
  })
  .superRefine((v, ctx) => {
    const fits = v.decision === "extend" ? (EXTEND_GROUNDS as readonly string[]).includes(v.legalGround) : (REFUSE_GROUNDS as readonly string[]).includes(v.legalGround);
    if (!fits) ctx.addIssue({ code: "custom", path: ["legalGround"], message: "rf.validation.groundDoesNotFitDecision" });
  });

export const complaintInput = z.object({ grounds: reasonText });
export const COMPLAINT_OUTCOMES = ["upheld", "rejected"] as const;
export const complaintDecisionInput = z.object({ outcome: z.enum(COMPLAINT_OUTCOMES, { error: required }), reason: reasonText });

export const ATTACHMENT_KINDS = ["certificate_scan", "identity_document", "family_document", "evidence", "other"] as const;
export const attachInput = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { error: required }),
  fileName: z.string().trim().min(1, { error: required }).max(200, { error: "rules.validation.tooLong" }),
  bytes: z.instanceof(Uint8Array, { error: required }),
});

export type VoteInput = z.output<typeof voteInput>;
export type AssessmentInput = z.output<typeof assessmentInput>;
