import { z } from "zod";
import { parseCaseReference } from "@/lib/rules/case-reference";

const KEYS = "public.status.errors";

/**
 * The public status check form. Messages are full message keys. The reference's check character
 * catches most typing errors, so a mistyped reference is reported before any look-up.
 */
export const statusCheckInput = z.object({
  reference: z
    .string({ error: `${KEYS}.referenceRequired` })
    .trim()
    .min(1, { error: `${KEYS}.referenceRequired`, abort: true })
    .max(40, { error: `${KEYS}.referenceFormat` })
    .transform((value, ctx) => {
      const parsed = parseCaseReference(value);
      if (parsed.ok) return parsed.reference;
      ctx.addIssue({ code: "custom", message: parsed.reason === "check_character" ? `${KEYS}.referenceMistyped` : `${KEYS}.referenceFormat` });
      return z.NEVER;
    }),
  documentNumber: z
    .string({ error: `${KEYS}.documentNumberRequired` })
    .max(40, { error: `${KEYS}.documentNumberFormat` })
    .transform((value) => value.replace(/\s+/g, "").toUpperCase())
    .pipe(
      z
        .string()
        .min(1, { error: `${KEYS}.documentNumberRequired`, abort: true })
        // Passports, and refugee certificates such as RFC-2026-000001-A.
        .regex(/^[A-Z0-9-]{5,20}$/, { error: `${KEYS}.documentNumberFormat` }),
    ),
});

export type StatusCheckInput = z.output<typeof statusCheckInput>;
export const STATUS_FIELDS = ["reference", "documentNumber"] as const;
