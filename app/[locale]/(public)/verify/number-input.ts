import { z } from "zod";

const KEYS = "portal.verify.errors";

/** The verification by document number form; messages are full message keys. */
export const numberCheckInput = z.object({
  number: z
    .string()
    .max(60, { error: `${KEYS}.numberFormat` })
    .transform((value) => value.replace(/\s+/g, "").toUpperCase())
    .pipe(
      z
        .string()
        .min(1, { error: `${KEYS}.numberRequired`, abort: true })
        .regex(/^[A-Z0-9-]{4,40}$/, { error: `${KEYS}.numberFormat` }),
    ),
  birthDate: z
    .string()
    .trim()
    .min(1, { error: `${KEYS}.birthDateRequired`, abort: true })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${KEYS}.birthDateFormat` })
    .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
      error: `${KEYS}.birthDateFormat`,
    }),
});
