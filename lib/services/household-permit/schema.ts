import { z } from "zod";
import { isValidCivilDate } from "@/lib/rules/dates";
import { IDENTIFIER_MESSAGES, checkIinOrBin } from "@/lib/rules/iin";
import { passportStep, personStep } from "@/lib/services/temporary-registration/schema";

/**
 * The household-permit application (domain §2.2), shared by the browser form and the engine.
 * Messages are full message keys.
 */

export const WORK_CATEGORIES = ["construction_repair", "gardener", "nurse_nanny", "cook", "other"] as const;
export type WorkCategory = (typeof WORK_CATEGORIES)[number];

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
const months = z.coerce.number({ error: required }).int({ error: required }).min(1, { error: required }).max(24, { error: required });
const phone = z
  .string({ error: required })
  .trim()
  .min(1, { error: required })
  .regex(/^\+?[0-9][0-9 ()-]{6,19}$/, { error: "rules.validation.phone" });

export const hpStayStep = z.object({
  entryDate: civilDate,
  /** The temporary registration of this stay (HP-20), if there is one. */
  registrationReference: optionalText(40),
});

export const hpWorkStep = z.object({
  category: z.enum(WORK_CATEGORIES, { error: required }),
  termMonths: months,
  region: z.string({ error: required }).min(1, { error: required }),
});

export const insuranceStep = z
  .object({ insurer: text(120), policyNumber: text(40), validFrom: civilDate, validUntil: civilDate })
  .refine((p) => !isValidCivilDate(p.validFrom) || !isValidCivilDate(p.validUntil) || p.validFrom <= p.validUntil, {
    error: "hp.validation.untilBeforeFrom",
    path: ["validUntil"],
  });

export const certificatesStep = z.object({
  criminalRecordNumber: text(40),
  criminalRecordIssuedOn: civilDate,
  /** What the certificate shows; a record is routed to the officer (HP-05), it does not refuse by itself. */
  criminalRecordHasEntries: z.boolean().default(false),
  medicalNumber: text(40),
  medicalIssuedOn: civilDate,
  /** The occupation the medical certificate clears the holder for (HP-06). */
  medicalCategory: z.enum(WORK_CATEGORIES, { error: required }),
});

/** A householder by IIN; a business identification number is refused by HP-09, in the rules. */
export const employerStep = z
  .object({
    iin: z.string({ error: required }).trim().min(1, { error: required }).transform((v) => v.replace(/\s+/g, "")),
    name: text(200),
    phone,
    region: z.string({ error: required }).min(1, { error: required }),
    address: text(250),
  })
  .superRefine((e, ctx) => {
    const check = checkIinOrBin(e.iin);
    if (!check.ok) ctx.addIssue({ code: "custom", path: ["iin"], message: IDENTIFIER_MESSAGES.iinOrBin[check.reason] });
  });
export type EmployerInput = z.output<typeof employerStep>;

export const hpApplicationSchema = z.object({
  person: personStep,
  passport: passportStep,
  stay: hpStayStep,
  work: hpWorkStep,
  insurance: insuranceStep,
  certificates: certificatesStep,
  employer: employerStep.optional(),
});

export type HpApplication = z.output<typeof hpApplicationSchema>;
export type HpApplicationInput = z.input<typeof hpApplicationSchema>;

// ----------------------------------------------------------------- action inputs

export const reasonText = z.string({ error: required }).trim().min(10, { error: "rules.validation.reasonTooShort" }).max(2000, { error: "rules.validation.tooLong" });
export const emptyInput = z.object({}).strict();
export const returnInput = z.object({ reason: reasonText });
export const HP_REFUSAL_REASONS = ["ineligible_nationality", "continuous_stay_limit", "certificate_problem", "false_information", "other"] as const;
export const refuseInput = z.object({ reasonCode: z.enum(HP_REFUSAL_REASONS, { error: required }), reason: reasonText });
export const HP_REVOCATION_GROUNDS = ["region_violation", "employer_cap_violation", "insurance_expired", "false_documents", "criminal_conviction", "departure", "other"] as const;
export const revokeInput = z.object({ ground: z.enum(HP_REVOCATION_GROUNDS, { error: required }), reason: reasonText });
export const withdrawInput = z.object({ reason: z.string().trim().max(2000).optional() });
export const paymentInput = z.object({
  paymentReference: z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9-]{4,40}$/, { error: "hp.validation.paymentReference" })),
});
/** A contract registered after filing: the householder, flat, as the staff form sends it. */
export const registerContractInput = employerStep;
export const endContractInput = z.object({ reason: reasonText });
export const extensionInput = z.object({
  months,
  /** A renewed policy may come with the request (HP-07 must cover the new term). */
  insuranceValidUntil: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isValidCivilDate(v), { error: "rules.validation.date" }),
});
export const refuseExtensionInput = z.object({ reason: reasonText });
export const OFFENCE_SUBJECT_VALUES = ["worker", "employer"] as const;
export const OFFENCE_CODE_VALUES = ["work_without_permit", "work_outside_region", "activity_not_matching_purpose", "employer_hiring_rules", "employer_over_cap", "other"] as const;
export const offenceInput = z.object({
  subject: z.enum(OFFENCE_SUBJECT_VALUES, { error: required }),
  code: z.enum(OFFENCE_CODE_VALUES, { error: required }),
  occurredOn: civilDate,
  reason: reasonText,
});

/** The public eligibility check (no personal data). */
export const hpEligibilityInput = z.object({
  citizenship: z.string({ error: required }).regex(/^[A-Z]{3}$/, { error: required }),
  passportType: z.enum(["national", "official", "diplomatic"], { error: required }),
});
