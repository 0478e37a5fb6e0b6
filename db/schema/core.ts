import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------- reference data

export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  kind: text("kind", { enum: ["region", "city"] }).notNull(),
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  nameEn: text("name_en").notNull(),
  validFrom: date("valid_from").notNull(),
  validTo: date("valid_to"),
});

export const countries = pgTable("countries", {
  code: text("code").primaryKey(), // ISO 3166-1 alpha-3
  nameKk: text("name_kk").notNull(),
  nameRu: text("name_ru").notNull(),
  nameEn: text("name_en").notNull(),
  eaeuFrom: date("eaeu_from"),
  eaeuTo: date("eaeu_to"),
});

/** Visa regime for entering Kazakhstan, per citizenship and passport type, with effective dates (domain §6.5). */
export const visaRegimes = pgTable(
  "visa_regimes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    country: text("country").notNull().references(() => countries.code),
    passportType: text("passport_type", { enum: ["national", "official", "diplomatic"] }).notNull(),
    regime: text("regime", { enum: ["visa_free_unlimited", "visa_free_days", "visa_required"] }).notNull(),
    days: integer("days"),
    effectiveFrom: date("effective_from").notNull(),
    effectiveTo: date("effective_to"),
    note: text("note"),
  },
  (t) => [uniqueIndex("visa_regimes_key").on(t.country, t.passportType, t.effectiveFrom)],
);

/** Every number in a rule reads from here, by key and the date the rule applies to. */
export const ruleParameters = pgTable(
  "rule_parameters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    value: jsonb("value").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    effectiveTo: date("effective_to"),
    description: text("description").notNull(),
    source: text("source").notNull(),
  },
  (t) => [uniqueIndex("rule_parameters_key").on(t.key, t.effectiveFrom)],
);

/** Kazakhstan calendar exceptions; ordinary weekdays are working days, Saturdays and Sundays are not. */
export const calendarDays = pgTable("calendar_days", {
  day: date("day").primaryKey(),
  kind: text("kind", { enum: ["holiday", "day_off", "moved_day_off", "moved_working_day"] }).notNull(),
  name: text("name").notNull(),
});

// ---------------------------------------------------------------- identity and access

/**
 * reviewer: the central MIA complaints reviewer (national, decides complaints against regional refusals);
 * quota_planner: the ministry planner of kandas quotas. Akimat staff are officers and supervisors
 * whose services are limited to kandas; refugee commission members are the region's supervisors.
 */
export const ROLES = ["applicant", "clerk", "officer", "supervisor", "reviewer", "quota_planner", "admin", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  passwordHash: text("password_hash").notNull(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  regions: text("regions").array().notNull().default(sql`'{}'::text[]`),
  services: text("services").array().notNull().default(sql`'{}'::text[]`),
  locale: text("locale").notNull().default("kk"),
  /** A verified IIN (e.g. a householder employer sees the contracts made with it). */
  iin: text("iin").unique(),
  /** Optional mobile number for SMS notices, in E.164 (+7…); checked on input and by the database. */
  phone: text("phone"),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt(),
}, (t) => [check("users_phone_e164", sql`${t.phone} ~ '^\\+[1-9][0-9]{7,14}$'`)]);

/** Server-side record of every sign-in, so a JWT can be revoked at once. */
export const authSessions = pgTable(
  "auth_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** The last request of the session; an idle session ends (see SESSION_IDLE_SECONDS). */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("auth_sessions_user").on(t.userId)],
);

/** Admin-issued bearer tokens for integrating agencies; only the SHA-256 of the token is stored. */
export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: uuid("user_id").notNull().references(() => users.id),
  scopes: text("scopes").array().notNull(),
  createdBy: uuid("created_by").notNull().references(() => users.id),
  createdAt: createdAt(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
});

/** Who did or viewed what, outside case transitions (those are in case_events). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: createdAt(),
    actorId: uuid("actor_id"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    caseId: uuid("case_id"),
    target: text("target"),
    channel: text("channel").notNull(),
    ip: text("ip"),
    details: jsonb("details"),
  },
  (t) => [index("audit_log_case").on(t.caseId), index("audit_log_actor").on(t.actorId, t.at)],
);

// ---------------------------------------------------------------- people

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surname: text("surname").notNull(),
    givenNames: text("given_names").notNull(),
    surnameCyrillic: text("surname_cyrillic"),
    givenNamesCyrillic: text("given_names_cyrillic"),
    birthDate: date("birth_date").notNull(),
    sex: text("sex", { enum: ["F", "M"] }).notNull(),
    citizenship: text("citizenship").notNull(), // ISO alpha-3, "XXA" for stateless
    iin: text("iin"),
    protectedPerson: boolean("protected_person").notNull().default(false),
    /** nameKey(surname, given names): one spelling for Cyrillic, Kazakh and Latin forms (lib/rules/name-key.ts). */
    nameKey: text("name_key"),
    /** Set when staff confirmed this record is the same person as another: points at the one record kept as the identity. */
    sameAs: uuid("same_as"),
    createdAt: createdAt(),
  },
  (t) => [
    index("people_iin").on(t.iin),
    index("people_name_dob").on(t.surname, t.birthDate),
    index("people_birth_date").on(t.birthDate),
    index("people_name_key_trgm").using("gin", sql`${t.nameKey} gin_trgm_ops`),
    index("people_same_as").on(t.sameAs),
  ],
);

export const identityDocuments = pgTable(
  "identity_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id").notNull().references(() => people.id),
    type: text("type", { enum: ["passport_national", "passport_official", "passport_diplomatic", "stateless_travel", "id_card"] }).notNull(),
    number: text("number").notNull(),
    issuingCountry: text("issuing_country").notNull(),
    expiresOn: date("expires_on"),
  },
  (t) => [index("identity_documents_number").on(t.number, t.issuingCountry), index("identity_documents_person").on(t.personId)],
);

// ---------------------------------------------------------------- cases

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    service: text("service").notNull(),
    reference: text("reference").notNull().unique(),
    status: text("status").notNull(),
    flags: text("flags").array().notNull().default(sql`'{}'::text[]`),
    region: text("region").notNull().references(() => regions.code),
    ownerId: uuid("owner_id").references(() => users.id),
    filedBy: uuid("filed_by").references(() => users.id),
    channel: text("channel", { enum: ["online", "front_office", "api", "system"] }).notNull(),
    assigneeId: uuid("assignee_id").references(() => users.id),
    /** The assignee's hold lapses at this moment unless they act on the case (assignment_lease_idle_minutes). */
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    data: jsonb("data").notNull(),
    dueOn: date("due_on"),
    clockRemainingDays: integer("clock_remaining_days"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /**
     * Whether the last decision fell on or before the due date running at that moment (null: no
     * statutory clock was running, e.g. a refugee renewal, whose only term is the certificate's).
     * The due date is cleared by the decision itself, so it is kept here for the dashboards. When the
     * clock stops (the case waits for the applicant) it records whether the term was met so far, which
     * is what counts for a decision taken while the clock stands still.
     */
    decidedWithinTerm: boolean("decided_within_term"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * Queue search, kept by the engine from the case data (lib/engine/search-keys.ts): the name keys
     * of every person on the case (nameKey(), so Cyrillic, Kazakh and Latin spellings meet) and the
     * document numbers and IIN/BINs. Null until computed (rows older than the column, see backfill).
     */
    searchNames: text("search_names"),
    searchNumbers: text("search_numbers").array(),
  },
  (t) => [
    index("cases_queue").on(t.service, t.region, t.status, t.dueOn),
    index("cases_owner").on(t.ownerId, t.createdAt),
    index("cases_assignee").on(t.assigneeId, t.status),
    // Dashboards and reports: decisions in a period, per service and region.
    index("cases_decided").on(t.service, t.region, t.decidedAt),
    // The offences report: registrations flagged for overstay (TR-08), a small share of all cases.
    index("cases_overstay").on(t.service, t.region).where(sql`'overstay' = any(${t.flags})`),
    // The queue's orders (earliest due first; newest filed first) and the views' ranges.
    index("cases_due_order").on(sql`coalesce(${t.dueOn}, '9999-12-31'::date)`, t.id),
    index("cases_filed_order").on(sql`coalesce(${t.submittedAt}, ${t.createdAt})`, t.id),
    index("cases_assignee_due").on(t.assigneeId, sql`coalesce(${t.dueOn}, '9999-12-31'::date)`, t.id),
    index("cases_region_service_due").on(t.region, t.service, sql`coalesce(${t.dueOn}, '9999-12-31'::date)`, t.id),
    index("cases_due_on").on(t.dueOn).where(sql`${t.dueOn} is not null`),
    // Counts of the Unassigned and Team views: an index-only scan of the region's open cases and their holds.
    index("cases_open_assignment").on(t.region, t.service, t.status, t.assigneeId, t.leaseExpiresAt),
    index("cases_clock_stopped").on(t.clockRemainingDays).where(sql`${t.clockRemainingDays} is not null`),
    index("cases_flags").using("gin", t.flags),
    index("cases_search_names").using("gin", sql`${t.searchNames} gin_trgm_ops`),
    index("cases_search_numbers").using("gin", t.searchNumbers),
    index("cases_reference_trgm").using("gin", sql`${t.reference} gin_trgm_ops`),
  ],
);

export const PARTY_ROLES = ["applicant", "host", "employer", "family_member", "representative"] as const;

export const caseParties = pgTable(
  "case_parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    role: text("role", { enum: PARTY_ROLES }).notNull(),
    personId: uuid("person_id").references(() => people.id),
    /** Parties that are not natural persons in our register (a host organisation by BIN). */
    details: jsonb("details"),
  },
  (t) => [index("case_parties_case").on(t.caseId), index("case_parties_person").on(t.personId)],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const caseEvents = pgTable(
  "case_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    version: integer("version").notNull(),
    at: createdAt(),
    actorId: uuid("actor_id"),
    actorRole: text("actor_role").notNull(),
    action: text("action").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    payload: jsonb("payload"),
    reason: text("reason"),
    /** Whether the applicant sees this event on their status page. */
    visibleToApplicant: boolean("visible_to_applicant").notNull().default(true),
  },
  (t) => [uniqueIndex("case_events_version").on(t.caseId, t.version)],
);

/** A repeated Idempotency-Key from the same caller returns the first result. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    callerId: text("caller_id").notNull(),
    key: text("key").notNull(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.callerId, t.key] })],
);

export const attachments = pgTable(
  "attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("attachments_case").on(t.caseId)],
);

export const decisions = pgTable(
  "decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    outcome: text("outcome").notNull(),
    reasonCode: text("reason_code"),
    reasonText: text("reason_text"),
    // Null for decisions taken by the system (e.g. expiry).
    decidedBy: uuid("decided_by"),
    decidedAt: createdAt(),
    issuingBody: text("issuing_body").notNull(),
  },
  (t) => [
    index("decisions_case").on(t.caseId),
    // Dashboards and reports: decisions of one kind in a period (refusals, registrations, renewals).
    index("decisions_outcome_decided").on(t.outcome, t.decidedAt),
  ],
);

export const issuedDocuments = pgTable(
  "issued_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    type: text("type").notNull(),
    number: text("number").notNull().unique(),
    validFrom: date("valid_from").notNull(),
    validUntil: date("valid_until").notNull(),
    /** Random, unguessable; the QR code carries it. */
    verificationToken: text("verification_token").notNull().unique(),
    holderDisplayName: text("holder_display_name").notNull(),
    holderBirthDate: date("holder_birth_date").notNull(),
    content: jsonb("content").notNull(),
    issuedAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revocationReason: text("revocation_reason"),
    /**
     * The document that took this one's place (a permit extension, a renewed certificate). Set
     * together with revokedAt, so everything that reads "revoked" keeps working; verification
     * answers "replaced" instead.
     */
    replacedBy: uuid("replaced_by").references((): AnyPgColumn => issuedDocuments.id),
  },
  (t) => [
    index("issued_documents_case").on(t.caseId),
    // Reports: documents of one type issued in a period (permits issued, S-03).
    index("issued_documents_type_issued").on(t.type, t.issuedAt),
  ],
);

/** Per service and year, the last case reference number handed out. */
export const referenceCounters = pgTable(
  "reference_counters",
  {
    prefix: text("prefix").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

/** Follow-ups scheduled by the engine in the same transaction as the transition. */
export const scheduledJobs = pgTable(
  "scheduled_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    runAt: timestamp("run_at", { withTimezone: true }).notNull(),
    payload: jsonb("payload"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** When the job was handed to the queue (pg-boss on PostgreSQL); null until then. */
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("scheduled_jobs_due").on(t.doneAt, t.runAt)],
);

/** One row per run of a periodic job, so a day is never swept twice. */
export const jobRuns = pgTable(
  "job_runs",
  {
    job: text("job").notNull(),
    runDate: date("run_date").notNull(),
    startedAt: createdAt(),
    result: jsonb("result"),
  },
  (t) => [primaryKey({ columns: [t.job, t.runDate] }), check("job_runs_job", sql`${t.job} <> ''`)],
);

/**
 * Outbox of messages to people, written in the same transaction as the change that causes them,
 * so a rolled-back transition never notifies anyone. The recipient sees each message in the app at
 * once; status, attempts and errors describe its delivery by email, done by a background job.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    caseId: uuid("case_id").references(() => cases.id),
    /** Message key in the "notifications" namespace; params fill its placeholders. */
    template: text("template").notNull(),
    params: jsonb("params").notNull().default(sql`'{}'::jsonb`),
    channel: text("channel", { enum: ["in_app", "email", "sms"] }).notNull().default("in_app"),
    locale: text("locale").notNull(),
    status: text("status", { enum: ["pending", "sent", "failed", "dead"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** A failed delivery is tried again from this moment (backing off after each failure). */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** Makes a repeated reminder run write one message, e.g. "rf-reminder:<status id>:-45". */
    dedupeKey: text("dedupe_key").unique(),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user").on(t.userId, t.createdAt), index("notifications_pending").on(t.status, t.nextAttemptAt)],
);
