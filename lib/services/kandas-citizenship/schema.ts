import { z } from "zod";

/**
 * The simplified citizenship application of a kandas holder (KD-14): it names the kandas case, the
 * region of permanent residence (whose migration police decide) and the applicant's declarations.
 */

const required = "rules.validation.required";

export const kcApplicationSchema = z.object({
  kandasCaseId: z.uuid({ error: required }),
  kandasReference: z.string({ error: required }).trim().min(1, { error: required }).max(40),
  region: z.string({ error: required }).min(1, { error: required }),
  address: z.string({ error: required }).trim().min(1, { error: required }).max(300, { error: "rules.validation.tooLong" }),
  /** KD-14 needs permanent and legal residence in Kazakhstan (its length does not matter). */
  permanentResidence: z.literal(true, { error: "kd.validation.permanentResidence" }),
  renouncesOtherCitizenship: z.literal(true, { error: "kd.validation.renounce" }),
});

export type KcApplication = z.output<typeof kcApplicationSchema>;
export type KcApplicationInput = z.input<typeof kcApplicationSchema>;

const reasonText = z.string({ error: required }).trim().min(10, { error: "rules.validation.reasonTooShort" }).max(2000, { error: "rules.validation.tooLong" });
export const emptyInput = z.object({}).strict();
export const KC_REFUSAL_REASONS = ["not_permanent_resident", "kandas_status_ended", "security_grounds", "false_information", "other"] as const;
export const grantInput = z.object({ note: z.string().trim().max(2000).optional() });
export const refuseInput = z.object({ reasonCode: z.enum(KC_REFUSAL_REASONS, { error: required }), reason: reasonText });
