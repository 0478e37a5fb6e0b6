import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, customType } from "drizzle-orm/pg-core";
import { cases, people, regions, users } from "./core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** RF-13: the lifecycle of a refugee status. */
export const REFUGEE_STATUS_STATES = ["active", "extension_pending", "expired", "terminated", "deprived"] as const;
export type RefugeeStatusState = (typeof REFUGEE_STATUS_STATES)[number];
export const FAMILY_RELATIONS = ["principal", "spouse", "child", "parent", "other"] as const;

/**
 * RF-16: a household of refugees — the principal and dependants. Renewals lock this row, so two
 * requests about the same family are serialised.
 */
export const refugeeFamilies = pgTable("refugee_families", {
  id: uuid("id").primaryKey().defaultRandom(),
  region: text("region").notNull().references(() => regions.code),
  /** The principal's account, when they use the online service. */
  ownerId: uuid("owner_id").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One refugee status per person (RF-02/RF-03/RF-13). */
export const refugeeStatuses = pgTable(
  "refugee_statuses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    familyId: uuid("family_id").notNull().references(() => refugeeFamilies.id),
    personId: uuid("person_id").notNull().references(() => people.id),
    relation: text("relation", { enum: FAMILY_RELATIONS }).notNull(),
    certificateNumber: text("certificate_number").notNull().unique(),
    countryOfOrigin: text("country_of_origin").notNull(),
    region: text("region").notNull().references(() => regions.code),
    grantedOn: date("granted_on").notNull(),
    /** First and last day of validity, both inclusive (rf_status_end_convention). */
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    state: text("state", { enum: REFUGEE_STATUS_STATES }).notNull().default("active"),
    /** The renewal case that protects this status while it is open (RF-08). */
    openCaseId: uuid("open_case_id").references(() => cases.id),
    /** Reminder offsets (days before the end) already sent for the current term. */
    remindersSent: integer("reminders_sent").array().notNull().default(sql`'{}'::integer[]`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("refugee_statuses_family").on(t.familyId),
    index("refugee_statuses_person").on(t.personId),
    index("refugee_statuses_end").on(t.state, t.endsOn),
    check("refugee_statuses_term", sql`${t.endsOn} >= ${t.startsOn}`),
    check("refugee_statuses_pending_case", sql`(${t.state} = 'extension_pending') = (${t.openCaseId} is not null)`),
  ],
);

/** History of each status: the grant and every extension (RF-03, unlimited in number). */
export const refugeeStatusTerms = pgTable(
  "refugee_status_terms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    statusId: uuid("status_id").notNull().references(() => refugeeStatuses.id),
    kind: text("kind", { enum: ["grant", "extension"] }).notNull(),
    caseId: uuid("case_id").references(() => cases.id),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    decidedOn: date("decided_on").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("refugee_status_terms_status").on(t.statusId, t.startsOn), uniqueIndex("refugee_status_terms_case").on(t.statusId, t.caseId).where(sql`${t.caseId} is not null`)],
);

/** RF-11: the monthly list of asylum seekers and refugees sent to the national security bodies. */
export const refugeeMonthlyLists = pgTable(
  "refugee_monthly_lists",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** First day of the month the list covers. */
    periodStart: date("period_start").notNull().unique(),
    periodEnd: date("period_end").notNull(),
    producedAt: timestamp("produced_at", { withTimezone: true }).notNull().defaultNow(),
    rowCount: integer("row_count").notNull(),
    csv: text("csv").notNull(),
    pdf: bytea("pdf").notNull(),
  },
  (t) => [check("refugee_monthly_lists_period", sql`${t.periodEnd} >= ${t.periodStart}`)],
);
