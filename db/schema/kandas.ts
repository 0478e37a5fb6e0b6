import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, regions, users } from "./core";

/**
 * Kandas status (domain §2.4, §3.4): the national and regional resettlement quotas (KD-04, KD-05,
 * counted in families), the wait-list when a region's quota is used up (KD-06), the temporary
 * accommodation and adaptation centres with their capacity (KD-09, KD-10) and the support measures
 * granted to a family (KD-11).
 */

/** The annual national quota fixed by presidential decree (KD-04), in families (KD-05). */
export const kandasNationalQuotas = pgTable(
  "kandas_national_quotas",
  {
    year: integer("year").primaryKey(),
    families: integer("families").notNull(),
    /** The decree that fixes it, as the planner entered it. */
    basis: text("basis"),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("kandas_national_quotas_families", sql`${t.families} >= 0`)],
);

/**
 * One region's share of a year's quota. `familiesUsed` changes only through quota decisions, under a
 * row lock; the check constraint is the backstop that makes over-allocation impossible.
 */
export const kandasQuotas = pgTable(
  "kandas_quotas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year")
      .notNull()
      .references(() => kandasNationalQuotas.year),
    region: text("region")
      .notNull()
      .references(() => regions.code),
    familiesAllocated: integer("families_allocated").notNull(),
    familiesUsed: integer("families_used").notNull().default(0),
    updatedBy: uuid("updated_by").references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("kandas_quotas_year_region").on(t.year, t.region),
    check("kandas_quotas_used_within_allocated", sql`${t.familiesUsed} >= 0 and ${t.familiesUsed} <= ${t.familiesAllocated}`),
  ],
);

/**
 * Families whose inclusion found the region's quota used up. Ordered by priority score (KD-06),
 * then by the time they were listed; an entry leaves the list when the case goes back to quota review.
 */
export const kandasWaitlist = pgTable(
  "kandas_waitlist",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    region: text("region")
      .notNull()
      .references(() => regions.code),
    /** The quota year whose quota was used up. */
    year: integer("year").notNull(),
    priorityScore: integer("priority_score").notNull(),
    listedAt: timestamp("listed_at", { withTimezone: true }).notNull(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("kandas_waitlist_active_case").on(t.caseId).where(sql`${t.leftAt} is null`),
    index("kandas_waitlist_order").on(t.region, t.priorityScore, t.listedAt),
  ],
);

export const CENTRE_KINDS = ["tac", "caio"] as const;
export const CAPACITY_UNITS = ["families", "persons"] as const;

/**
 * Temporary accommodation centres (TAC, before the status) and adaptation and integration centres
 * (CAIO). A centre counts its capacity in families or in persons, as its own table does (§6.3).
 * Occupancy includes residents recorded before the system (the seeded figures).
 */
export const accommodationCentres = pgTable(
  "accommodation_centres",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull().unique(),
    kind: text("kind", { enum: CENTRE_KINDS }).notNull(),
    region: text("region")
      .notNull()
      .references(() => regions.code),
    nameKk: text("name_kk").notNull(),
    nameRu: text("name_ru").notNull(),
    nameEn: text("name_en").notNull(),
    capacityUnit: text("capacity_unit", { enum: CAPACITY_UNITS }).notNull(),
    capacity: integer("capacity").notNull(),
    occupiedFamilies: integer("occupied_families").notNull().default(0),
    occupiedPersons: integer("occupied_persons").notNull().default(0),
  },
  (t) => [
    check("accommodation_centres_occupancy_non_negative", sql`${t.occupiedFamilies} >= 0 and ${t.occupiedPersons} >= 0`),
    check(
      "accommodation_centres_within_capacity",
      sql`(${t.capacityUnit} = 'families' and ${t.occupiedFamilies} <= ${t.capacity}) or (${t.capacityUnit} = 'persons' and ${t.occupiedPersons} <= ${t.capacity})`,
    ),
  ],
);

/** A family's stay in a centre; a case has at most one current placement. */
export const centrePlacements = pgTable(
  "centre_placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    centreId: uuid("centre_id")
      .notNull()
      .references(() => accommodationCentres.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    persons: integer("persons").notNull(),
    placedOn: date("placed_on").notNull(),
    releasedOn: date("released_on"),
  },
  (t) => [
    uniqueIndex("centre_placements_current_case").on(t.caseId).where(sql`${t.releasedOn} is null`),
    index("centre_placements_centre").on(t.centreId),
    check("centre_placements_persons", sql`${t.persons} >= 1`),
  ],
);

/** Support measures granted to a kandas family (KD-11); withdrawn ones stay on record. */
export const kandasBenefits = pgTable(
  "kandas_benefits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    measure: text("measure").notNull(),
    /** Integer tenge, for measures paid in money. */
    amountKzt: integer("amount_kzt"),
    note: text("note"),
    grantedOn: date("granted_on").notNull(),
    grantedBy: uuid("granted_by").references(() => users.id),
    withdrawnOn: date("withdrawn_on"),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id),
  },
  (t) => [index("kandas_benefits_case").on(t.caseId), check("kandas_benefits_amount", sql`${t.amountKzt} is null or ${t.amountKzt} >= 0`)],
);
