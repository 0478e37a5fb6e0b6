import { z } from "zod";

/** The planner's two forms; the browser and the server action validate with these. */

const required = "rules.validation.required";
const count = z.coerce.number({ error: required }).int({ error: "kd.validation.wholeFamilies" }).min(0, { error: "kd.validation.wholeFamilies" }).max(1_000_000, { error: "kd.validation.wholeFamilies" });
const year = z.coerce.number({ error: required }).int().min(2000, { error: "kd.validation.year" }).max(2100, { error: "kd.validation.year" });

export const nationalQuotaSchema = z.object({
  year,
  families: count,
  basis: z
    .string()
    .trim()
    .max(200, { error: "rules.validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const regionalQuotaSchema = z.object({
  year,
  region: z.string({ error: required }).regex(/^KZ-[A-Z]{3}$/, { error: required }),
  families: count,
});
