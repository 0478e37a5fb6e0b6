import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, users } from "./core";

export const APPROVAL_STATUSES = ["pending", "approved", "rejected", "withdrawn"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/**
 * Four-eyes: a decision a service marks as needing approval is recorded here as a proposal and
 * performed only when a second person approves it. The database itself refuses an approval by the
 * proposer, and keeps at most one pending proposal per case.
 */
export const caseApprovals = pgTable(
  "case_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    action: text("action").notNull(),
    input: jsonb("input").notNull(),
    /** The case version the proposal was made against (after its own event); anything else is stale. */
    expectedVersion: integer("expected_version").notNull(),
    proposedBy: uuid("proposed_by").notNull().references(() => users.id),
    proposedAt: timestamp("proposed_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: APPROVAL_STATUSES }).notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** Why it was rejected or withdrawn. */
    reason: text("reason"),
  },
  (t) => [
    check("case_approvals_four_eyes", sql`${t.decidedBy} <> ${t.proposedBy}`),
    check("case_approvals_decided", sql`(${t.status} = 'pending') = (${t.decidedAt} is null)`),
    uniqueIndex("case_approvals_one_pending").on(t.caseId).where(sql`${t.status} = 'pending'`),
    index("case_approvals_inbox").on(t.status, t.proposedAt),
    index("case_approvals_case").on(t.caseId, t.proposedAt),
  ],
);
