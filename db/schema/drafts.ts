import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./core";

/**
 * An application being filled in, kept on the server so it can be resumed on another device.
 * One open draft per applicant and service ("continue your application"): filing it deletes it in
 * the case's own transaction, and its id is the filing's idempotency key, so a repeated submit
 * finds the first case. `version` rises with every save: a save from a stale device is refused.
 */
export const applicationDrafts = pgTable(
  "application_drafts",
  {
    id: uuid("id").primaryKey(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    service: text("service").notNull(),
    /** Where the applicant was (a wizard page); null for single-page forms. */
    step: text("step"),
    data: jsonb("data").notNull().default(sql`'{}'::jsonb`),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("application_drafts_owner_service").on(t.ownerId, t.service), check("application_drafts_version", sql`${t.version} > 0`)],
);
