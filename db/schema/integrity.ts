import { sql } from "drizzle-orm";
import { check, index, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases, people, users } from "./core";

/**
 * A possible second record of one person, found when a case is opened (lib/engine/duplicates.ts):
 * the new case's party against a party of an earlier case. Staff resolve it as the same person or not.
 */
export const DUPLICATE_MATCH_KINDS = ["iin", "document", "name_birth_date"] as const;
export const DUPLICATE_STATUSES = ["open", "same_person", "not_same"] as const;

export const duplicateCandidates = pgTable(
  "duplicate_candidates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    personId: uuid("person_id").notNull().references(() => people.id),
    otherCaseId: uuid("other_case_id").notNull().references(() => cases.id),
    otherPersonId: uuid("other_person_id").notNull().references(() => people.id),
    matchKinds: text("match_kinds").array().notNull(),
    /** Trigram similarity of the name keys (1 for identical keys). */
    score: real("score").notNull(),
    status: text("status", { enum: DUPLICATE_STATUSES }).notNull().default("open"),
    resolvedBy: uuid("resolved_by").references(() => users.id),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("duplicate_candidates_case").on(t.caseId, t.status),
    index("duplicate_candidates_other_case").on(t.otherCaseId),
    check("duplicate_candidates_resolution", sql`(${t.status} = 'open') = (${t.resolvedAt} is null)`),
  ],
);

export const ACCESS_GRANT_OUTCOMES = ["justified", "not_justified"] as const;

/**
 * Break-glass access: a member of staff opened a case outside their regions, giving a reason. The
 * grant lets them read the case until it expires; a supervisor of the case's region reviews it.
 */
export const accessGrants = pgTable(
  "access_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    reviewedBy: uuid("reviewed_by").references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    reviewOutcome: text("review_outcome", { enum: ACCESS_GRANT_OUTCOMES }),
    reviewNote: text("review_note"),
  },
  (t) => [
    index("access_grants_user_live").on(t.userId, t.expiresAt),
    index("access_grants_case").on(t.caseId),
    index("access_grants_unreviewed").on(t.grantedAt).where(sql`${t.reviewedAt} is null`),
    check("access_grants_window", sql`${t.expiresAt} > ${t.grantedAt}`),
    check("access_grants_review", sql`(${t.reviewedAt} is null) = (${t.reviewOutcome} is null)`),
    check("access_grants_reason", sql`length(trim(${t.reason})) > 0`),
  ],
);

