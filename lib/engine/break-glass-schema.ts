import { z } from "zod";

/** Shared by the break-glass form and its server action (messages in the "integrity" namespace). */
export const BREAK_GLASS_REASON_MIN = 20;
export const BREAK_GLASS_REASON_MAX = 1000;

export const breakGlassRequestSchema = z.object({
  reference: z.string().trim().min(1, "integrity.breakGlass.errors.referenceRequired").max(40, "integrity.breakGlass.errors.referenceInvalid"),
  reason: z
    .string()
    .trim()
    .min(BREAK_GLASS_REASON_MIN, "integrity.breakGlass.errors.reasonTooShort")
    .max(BREAK_GLASS_REASON_MAX, "integrity.breakGlass.errors.reasonTooLong"),
});
export type BreakGlassRequest = z.infer<typeof breakGlassRequestSchema>;

export const grantReviewSchema = z.object({
  grantId: z.uuid(),
  outcome: z.enum(["justified", "not_justified"]),
  note: z.string().trim().max(1000).optional(),
});
