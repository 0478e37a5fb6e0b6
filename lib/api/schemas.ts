import { z } from "zod";
import { QUEUE_SORTS, QUEUE_VIEWS } from "@/lib/dal/queue-options";

/**
 * Request and response shapes of /api/v1. The handlers validate with the request schemas, the DTO
 * mappers are typed by the response schemas, and openapi.ts turns all of them into the published
 * document, so the three cannot drift apart. Messages are message keys (namespace "api").
 */

const required = "api.validation.required";
const tooLong = "api.validation.tooLong";
const text = (max: number) => z.string({ error: "api.validation.text" }).trim().min(1, { error: required }).max(max, { error: tooLong });
const optionalText = (max: number) =>
  z
    .string({ error: "api.validation.text" })
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((v) => (v ? v : undefined));

// ------------------------------------------------------------------------------------ requests

/** Optional header; a repeated key from the same caller returns the first case instead of a second one. */
export const idempotencyKey = z.string().min(1, { error: "api.validation.idempotencyKey" }).max(200, { error: "api.validation.idempotencyKey" });

/** The envelope of POST /api/v1/applications; `data` is checked by the service's own application schema. */
export const createApplicationRequest = z.object({
  service: text(64).meta({ description: "Service ID, e.g. temporary_registration." }),
  data: z.unknown().meta({ description: "The application, in the schema of the chosen service." }),
});

export const caseVersion = z
  .number({ error: "api.validation.version" })
  .int({ error: "api.validation.version" })
  .min(1, { error: "api.validation.version" })
  .meta({ description: "The case version the caller last read; a stale version is refused with 409." });

/** The part of an action body the API itself reads; the rest is the action's input. */
export const actionEnvelope = z.looseObject({ version: caseVersion });

export const queueQuery = z.object({
  service: optionalText(64).meta({ description: "Only cases of this service." }),
  status: optionalText(500)
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined))
    .meta({ description: "Comma-separated statuses, e.g. submitted,under_review. Default: every status except draft." }),
  region: optionalText(16).meta({ description: "Region code, e.g. KZ-ALA." }),
  q: optionalText(200).meta({ description: "Case reference or part of it, passport or document number, IIN/BIN, or a name in Latin, Cyrillic or Kazakh letters." }),
  view: z
    .enum(QUEUE_VIEWS, { error: "api.validation.choice" })
    .optional()
    .meta({ description: "Work list: all (default), mine, unassigned, team, overdue, due_soon, waiting." }),
  flags: optionalText(200)
    .transform((v) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined))
    .meta({ description: "Comma-separated flags; cases with any of them, e.g. late_filing,potential_duplicate." }),
  sort: z.enum(QUEUE_SORTS, { error: "api.validation.choice" }).optional().meta({ description: "due (earliest due date first, default) or filed (newest filed first)." }),
  cursor: optionalText(500).meta({ description: "nextCursor from the previous page (of the same filter and sort)." }),
  limit: z.coerce
    .number({ error: "api.validation.limit" })
    .int({ error: "api.validation.limit" })
    .min(1, { error: "api.validation.limit" })
    .max(100, { error: "api.validation.limit" })
    .optional()
    .meta({ description: "Page size, 1–100 (default 25)." }),
});

export const statusQuery = z.object({
  reference: text(40).meta({ description: "Case reference, e.g. TR-2026-000123-K." }),
  document: text(40).meta({ description: "Number of the applicant's passport recorded on the case." }),
});

// ----------------------------------------------------------------------------------- responses

// Response shapes document what the server writes; plain formats read better than zod's regexes.
const instant = z.string().meta({ format: "date-time" });
const civilDate = z.string().meta({ format: "date", description: "Civil date (YYYY-MM-DD), Asia/Almaty." });
const uuid = z.string().meta({ format: "uuid" });
const links = z.object({ self: z.string() });

export const applicationCreatedResponse = z.object({
  id: uuid,
  reference: z.string(),
  status: z.string(),
  version: z.int(),
  dueOn: civilDate.nullable(),
  links,
});

export const applicationResponse = z.object({
  id: uuid,
  reference: z.string(),
  service: z.string(),
  status: z.string(),
  flags: z.array(z.string()),
  dueOn: civilDate.nullable(),
  version: z.int(),
  createdAt: instant,
  submittedAt: instant.nullable(),
  decidedAt: instant.nullable(),
  actions: z.array(z.string()).meta({ description: "Actions the caller may perform now." }),
  events: z.array(z.object({ at: instant, action: z.string(), fromStatus: z.string().nullable(), toStatus: z.string() })),
  documents: z.array(
    z.object({
      number: z.string(),
      type: z.string(),
      validFrom: civilDate,
      validUntil: civilDate,
      status: z.enum(["valid", "expired", "revoked", "not_yet_valid"]),
      verifyUrl: z.string(),
    }),
  ),
  links,
});

export const publicStatusResponse = z.object({
  reference: z.string(),
  service: z.string(),
  status: z.string(),
  dueOn: civilDate.nullable(),
  updatedAt: instant,
});

export const queueItem = z.object({
  id: uuid,
  reference: z.string(),
  service: z.string(),
  status: z.string(),
  flags: z.array(z.string()),
  region: z.string(),
  dueOn: civilDate.nullable(),
  applicantName: z.string().nullable(),
  citizenship: z.string().nullable(),
  assigneeName: z.string().nullable(),
  updatedAt: instant,
  version: z.int(),
  links,
});

export const queueResponse = z.object({
  items: z.array(queueItem),
  nextCursor: z.string().nullable(),
  total: z.int(),
});

export const actionResponse = z.object({
  id: uuid,
  reference: z.string(),
  status: z.string(),
  version: z.int(),
  flags: z.array(z.string()),
  dueOn: civilDate.nullable(),
});

export const healthResponse = z.object({
  status: z.enum(["ok", "unavailable"]),
  db: z.enum(["pglite", "postgres"]).nullable(),
  time: instant,
});

// -------------------------------------------------------------------------------------- errors

const message = {
  message: z.string().meta({ description: "In the language of Accept-Language (kk, ru or en; English by default)." }),
  messageKey: z.string().meta({ description: "Message key, for clients that translate themselves." }),
};
const path = z.array(z.union([z.string(), z.int()]));

export const errorResponse = z.object({ error: z.string(), ...message });

export const validationFailedResponse = z.object({
  error: z.literal("validation_failed"),
  ...message,
  issues: z.array(z.object({ path, ...message })),
});

const violation = z.object({
  rule: z.string().meta({ description: "Rule ID, e.g. TR-07." }),
  ...message,
  path: path.optional(),
});

export const ruleViolationResponse = z.object({
  error: z.literal("rule_violation"),
  rule: z.string(),
  ...message,
  violations: z.array(violation),
});

export const versionConflictResponse = z.object({
  error: z.literal("version_conflict"),
  ...message,
  currentVersion: z.int().optional(),
});

export const tooManyRequestsResponse = z.object({
  error: z.literal("too_many_requests"),
  ...message,
  retryAfterSeconds: z.int(),
});

export type ApplicationCreated = z.input<typeof applicationCreatedResponse>;
export type ApplicationView = z.input<typeof applicationResponse>;
export type PublicStatusView = z.input<typeof publicStatusResponse>;
export type QueueItem = z.input<typeof queueItem>;
export type QueueView = z.input<typeof queueResponse>;
export type ActionResult = z.input<typeof actionResponse>;
export type HealthView = z.input<typeof healthResponse>;
export type ValidationFailedBody = z.input<typeof validationFailedResponse>;
export type RuleViolationBody = z.input<typeof ruleViolationResponse>;
export type VersionConflictBody = z.input<typeof versionConflictResponse>;
