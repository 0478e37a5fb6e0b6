import { z } from "zod";
import { isValidCivilDate } from "@/lib/rules/dates";

/**
 * The kandas application (domain §2.4, R5): the principal applicant, any number of family members
 * (KD-13), where the family lived on 16 Dec 1991 (KD-01), its emigration history (KD-02), education
 * and work (KD-06), the preferred resettlement region (KD-07) and a request for a centre place
 * (KD-09). The browser and the engine validate with these same schemas; messages are message keys.
 */

export const SEXES = ["F", "M"] as const;
export const DOCUMENT_TYPES = ["passport_national", "id_card", "stateless_travel"] as const;
export const RELATIONSHIPS = ["spouse", "child", "parent", "sibling", "grandchild", "grandparent", "other"] as const;
export const ELIGIBILITY_BASES = ["resident_abroad_at_cutoff", "born_abroad_after_cutoff"] as const;
export const FAMILY_HISTORIES = ["abroad_for_generations", "emigrated_from_kazakhstan"] as const;
export const EDUCATION_LEVELS = ["none", "secondary", "vocational", "higher", "postgraduate"] as const;
export const SECTORS = ["agriculture", "construction", "education", "health", "engineering", "industry", "trade", "services", "other"] as const;
export const DOCUMENT_CODES = [
  "identity_document",
  "ethnicity_proof",
  "residence_abroad_proof",
  "birth_certificate",
  "parent_eligibility_proof",
  "family_documents",
  "education_proof",
  "employment_record",
] as const;
export type DocumentCode = (typeof DOCUMENT_CODES)[number];

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
const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || isValidCivilDate(v), { error: "rules.validation.date" });
const country = z.string({ error: required }).regex(/^[A-Z]{3}$/, { error: required });
// Names as printed in the passport's machine-readable zone; Cyrillic spelling is optional.
const latinName = text(80).regex(/^[A-Za-z][A-Za-z' -]*$/, { error: "kd.validation.latinName" });
const cyrillicName = optionalText(80).refine((v) => v === undefined || /^[\p{Script=Cyrillic}' -]+$/u.test(v), { error: "kd.validation.cyrillicName" });
const documentNumber = z
  .string({ error: required })
  .transform((v) => v.replace(/\s+/g, "").toUpperCase())
  .pipe(z.string().min(1, { error: required }).regex(/^[A-Z0-9]{5,15}$/, { error: "kd.validation.documentNumber" }));

export const personSchema = z.object({
  surname: latinName,
  givenNames: latinName,
  surnameCyrillic: cyrillicName,
  givenNamesCyrillic: cyrillicName,
  birthDate: civilDate,
  sex: z.enum(SEXES, { error: required }),
  citizenship: country,
  documentType: z.enum(DOCUMENT_TYPES, { error: required }),
  documentNumber,
});

export const principalSchema = personSchema.extend({
  /** The applicant's own declaration of Kazakh ethnicity (KD-01); proof is a required document. */
  ethnicKazakh: z.literal(true, { error: "kd.validation.ethnicityDeclaration" }),
  birthCountry: country,
});

export const memberSchema = personSchema.extend({
  relationship: z.enum(RELATIONSHIPS, { error: required }),
});

export const originSchema = z
  .object({
    basis: z.enum(ELIGIBILITY_BASES, { error: required }),
    /** Country of permanent residence on 16 Dec 1991 (the applicant's, or the parent's for those born after). */
    residenceOnCutoff: country,
    /** For those born after the cut-off: the parent through whom they are eligible. */
    parentName: optionalText(160),
    parentEthnicKazakh: z.boolean().default(false),
    familyHistory: z.enum(FAMILY_HISTORIES, { error: required }),
    /** When the family left Kazakhstan, if it did (KD-02). */
    emigrationDate: optionalDate,
    currentCountry: country,
  })
  .superRefine((o, ctx) => {
    if (o.basis === "born_abroad_after_cutoff" && !o.parentName) ctx.addIssue({ code: "custom", path: ["parentName"], message: required });
    if (o.familyHistory === "emigrated_from_kazakhstan" && !o.emigrationDate) ctx.addIssue({ code: "custom", path: ["emigrationDate"], message: required });
  });

export const qualificationsSchema = z.object({
  education: z.enum(EDUCATION_LEVELS, { error: required }),
  qualification: optionalText(200),
  sector: z.enum(SECTORS, { error: required }),
  yearsOfExperience: z.coerce.number({ error: required }).int({ error: "kd.validation.wholeYears" }).min(0, { error: "kd.validation.wholeYears" }).max(70, { error: "kd.validation.wholeYears" }),
});

export const resettlementSchema = z.object({
  /** The region the family chooses (KD-07); its akimat decides the case (KD-03). */
  region: z.string({ error: required }).min(1, { error: required }),
  city: optionalText(100),
  needsCentrePlace: z.boolean().default(false),
  phone: z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .regex(/^\+?[0-9][0-9 ()-]{6,19}$/, { error: "rules.validation.phone" }),
});

export const kdApplicationSchema = z.object({
  principal: principalSchema,
  members: z.array(memberSchema).max(30, { error: "kd.validation.tooManyMembers" }).default([]),
  origin: originSchema,
  qualifications: qualificationsSchema,
  resettlement: resettlementSchema,
  /** The documents the applicant hands in (KD-17), by code. */
  documents: z.array(z.enum(DOCUMENT_CODES)).default([]),
});

export type KdApplication = z.output<typeof kdApplicationSchema>;
export type KdApplicationInput = z.input<typeof kdApplicationSchema>;
export type KdMember = z.output<typeof memberSchema>;

// ----------------------------------------------------------------- staff action inputs

export const reasonText = z.string({ error: required }).trim().min(10, { error: "rules.validation.reasonTooShort" }).max(2000, { error: "rules.validation.tooLong" });
export const emptyInput = z.object({}).strict();
export const returnInput = z.object({ reason: reasonText });
export const STATUS_OUTCOMES = ["grant", "refuse"] as const;
export const STATUS_REFUSAL_REASONS = ["not_ethnic_kazakh", "resident_in_kazakhstan_at_cutoff", "recent_emigrant", "documents_not_genuine", "false_information", "other"] as const;
export const proposeInput = z
  .object({
    outcome: z.enum(STATUS_OUTCOMES, { error: required }),
    reasonCode: z
      .enum(STATUS_REFUSAL_REASONS)
      .optional()
      .or(z.literal("").transform(() => undefined)),
    reason: reasonText,
  })
  .superRefine((p, ctx) => {
    if (p.outcome === "refuse" && !p.reasonCode) ctx.addIssue({ code: "custom", path: ["reasonCode"], message: required });
  });
export const MEMBER_OUTCOMES = ["included", "excluded"] as const;
export const memberOutcomeInput = z.object({
  memberNumber: z.coerce.number({ error: required }).int().min(1, { error: "kd.validation.memberNumber" }),
  outcome: z.enum(MEMBER_OUTCOMES, { error: required }),
  reason: reasonText,
});
export const approveInput = z.object({ note: optionalText(2000) });
export const sendBackInput = z.object({ reason: reasonText });
export const QUOTA_REFUSAL_REASONS = ["region_not_in_programme", "duplicate_inclusion", "false_information", "other"] as const;
export const refuseQuotaInput = z.object({ reasonCode: z.enum(QUOTA_REFUSAL_REASONS, { error: required }), reason: reasonText });
export const complaintInput = z.object({ reason: reasonText });
export const complaintDecisionInput = z.object({ reason: reasonText });
export const withdrawInput = z.object({ reason: optionalText(2000) });
export const placeInput = z.object({ centreId: z.uuid({ error: required }) });
export const releaseInput = z.object({ reason: optionalText(2000) });
export const benefitInput = z.object({
  measure: z.string({ error: required }).trim().min(1, { error: required }).max(60),
  amountKzt: z.preprocess((v) => (v === "" || v === null ? undefined : v), z.coerce.number().int({ error: "kd.validation.amount" }).min(0, { error: "kd.validation.amount" }).optional()),
  note: optionalText(500),
});
export const withdrawBenefitInput = z.object({ benefitId: z.uuid({ error: required }), reason: reasonText });
