import { sql } from "drizzle-orm";
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, people, regions, users } from "./core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/**
 * Householders who employ labour immigrants (HP-09: natural persons, by IIN). The row is also the
 * lock every contract registration takes, so the cap per employer (HP-11) holds under concurrency.
 */
export const hpEmployers = pgTable("hp_employers", {
  iin: text("iin").primaryKey(),
  name: text("name").notNull(),
  phone: text("phone").notNull(),
  /** Region of the household (HP-10). */
  region: text("region").notNull().references(() => regions.code),
  address: text("address").notNull(),
  createdAt: createdAt(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const CONTRACT_STATUSES = ["proposed", "active", "terminated"] as const;

/** The labour contract between a permit holder and a householder (HP-12); HP-11 counts the active ones. */
export const employmentContracts = pgTable(
  "employment_contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    employerIin: text("employer_iin").notNull().references(() => hpEmployers.iin),
    status: text("status", { enum: CONTRACT_STATUSES }).notNull(),
    region: text("region").notNull().references(() => regions.code),
    registeredBy: uuid("registered_by"),
    registeredAt: timestamp("registered_at", { withTimezone: true }).notNull(),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    terminatedAt: timestamp("terminated_at", { withTimezone: true }),
    terminationReason: text("termination_reason"),
  },
  (t) => [
    index("employment_contracts_employer").on(t.employerIin, t.status),
    // A permit has at most one contract that is not terminated.
    uniqueIndex("employment_contracts_one_open_per_case").on(t.caseId).where(sql`${t.status} <> 'terminated'`),
    check("employment_contracts_terminated_at", sql`(${t.status} = 'terminated') = (${t.terminatedAt} is not null)`),
  ],
);

export const INVOICE_STATUSES = ["pending", "paid", "lapsed"] as const;

/** The permit fee (HP-14): one invoice per approval, paid once; amounts in tiyn (1/100 tenge). */
export const hpInvoices = pgTable(
  "hp_invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id").notNull().references(() => cases.id),
    months: integer("months").notNull(),
    monthlyRateTiyn: integer("monthly_rate_tiyn").notNull(),
    amountTiyn: integer("amount_tiyn").notNull(),
    dueOn: date("due_on").notNull(),
    status: text("status", { enum: INVOICE_STATUSES }).notNull().default("pending"),
    provider: text("provider").notNull(),
    /** The receipt or transaction number the provider confirmed; one payment pays one invoice. */
    paymentReference: text("payment_reference").unique(),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    confirmedBy: uuid("confirmed_by"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("hp_invoices_case").on(t.caseId),
    check("hp_invoices_amount", sql`${t.amountTiyn} = ${t.months} * ${t.monthlyRateTiyn} and ${t.amountTiyn} >= 0`),
    check("hp_invoices_paid", sql`(${t.status} = 'paid') = (${t.paymentReference} is not null and ${t.paidAt} is not null)`),
  ],
);


/** Administrative offences against a labour immigrant or a householder (HP-18), attached to a person. */
export const offences = pgTable(
  "offences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    subject: text("subject", { enum: ["worker", "employer"] }).notNull(),
    /** The worker, as a person in the register. */
    personId: uuid("person_id").references(() => people.id),
    /** The employer, by IIN. */
    employerIin: text("employer_iin").references(() => hpEmployers.iin),
    caseId: uuid("case_id").references(() => cases.id),
    /** One of OFFENCE_CODE_VALUES of the service schema. */
    code: text("code").notNull(),
    occurredOn: date("occurred_on").notNull(),
    description: text("description").notNull(),
    recordedBy: uuid("recorded_by").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("offences_person").on(t.personId),
    index("offences_employer").on(t.employerIin),
    check("offences_subject", sql`(${t.subject} = 'worker' and ${t.personId} is not null) or (${t.subject} = 'employer' and ${t.employerIin} is not null)`),
  ],
);
