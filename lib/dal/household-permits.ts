import "server-only";
import { and, desc, eq, inArray, isNull, ne, or } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { caseParties, cases, employmentContracts, hpEmployers, hpInvoices, issuedDocuments, offences, users } from "@/db/schema";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER, type PerformResult, type Viewer } from "@/lib/engine/types";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { HP_DOCUMENT_TYPE, HP_SERVICE, type HpCaseData } from "@/lib/services/household-permit/definition";
import { continuousStayDays, continuousStayLimit } from "@/lib/services/household-permit/rules";

/** Household-permit reads and the householder's own actions. Every function takes the viewer and filters by it. */

export interface ContractView {
  id: string;
  caseId: string;
  status: "proposed" | "active" | "terminated";
  employerIin: string;
  employerName: string;
  employerRegion: string;
  registeredAt: Date;
  activatedAt: Date | null;
  terminatedAt: Date | null;
  terminationReason: string | null;
}

const contractColumns = {
  id: employmentContracts.id,
  caseId: employmentContracts.caseId,
  status: employmentContracts.status,
  employerIin: employmentContracts.employerIin,
  employerName: hpEmployers.name,
  employerRegion: hpEmployers.region,
  registeredAt: employmentContracts.registeredAt,
  activatedAt: employmentContracts.activatedAt,
  terminatedAt: employmentContracts.terminatedAt,
  terminationReason: employmentContracts.terminationReason,
};

/** Contracts of a case the caller has already been allowed to see (newest first). */
export async function contractsOfCase(db: DbOrTx, caseId: string): Promise<ContractView[]> {
  return db
    .select(contractColumns)
    .from(employmentContracts)
    .innerJoin(hpEmployers, eq(hpEmployers.iin, employmentContracts.employerIin))
    .where(eq(employmentContracts.caseId, caseId))
    .orderBy(desc(employmentContracts.registeredAt));
}

export async function invoiceOfCase(db: DbOrTx, caseId: string) {
  const [row] = await db.select().from(hpInvoices).where(eq(hpInvoices.caseId, caseId));
  return row ?? null;
}

export interface StayView {
  entryDate: string;
  days: number;
  limit: string;
  months: number;
}

/** HP-08: the current continuous stay, up to today or to the end of the permit if that is later. */
export async function continuousStay(db: DbOrTx, data: HpCaseData, now = new Date()): Promise<StayView> {
  const params = await loadParameters(db);
  const today = todayInKazakhstan(now);
  const entryDate = data.stay.entryDate;
  const until = data.permit && data.permit.validUntil > today ? data.permit.validUntil : today;
  return { entryDate, days: continuousStayDays(entryDate, until), limit: continuousStayLimit(entryDate, params), months: params.number("hp_max_continuous_stay_months", entryDate) };
}

export interface EmployerOverview {
  iin: string;
  name: string;
  active: number;
  max: number;
  /** Active contracts of the employer on other permits, with the permit's reference and holder. */
  others: { reference: string; holder: string; since: Date | null }[];
}

/** For the officer: how many workers the case's employer has and on which permits (staff viewers only). */
export async function employerOverviewForCase(db: DbOrTx, viewer: Viewer, caseId: string, employerIin: string): Promise<EmployerOverview | null> {
  if (viewer.role === "applicant") return null;
  const [employer] = await db.select().from(hpEmployers).where(eq(hpEmployers.iin, employerIin));
  if (!employer) return null;
  const params = await loadParameters(db);
  const rows = await db
    .select({ reference: cases.reference, data: cases.data, since: employmentContracts.activatedAt, caseId: cases.id })
    .from(employmentContracts)
    .innerJoin(cases, eq(cases.id, employmentContracts.caseId))
    .where(and(eq(employmentContracts.employerIin, employerIin), eq(employmentContracts.status, "active")));
  const others = rows
    .filter((r) => r.caseId !== caseId)
    .map((r) => {
      const person = (r.data as HpCaseData).person;
      return { reference: r.reference, holder: `${person.surname} ${person.givenNames}`, since: r.since };
    });
  return { iin: employer.iin, name: employer.name, active: rows.length, max: params.number("hp_max_workers_per_employer", todayInKazakhstan()), others };
}

/** HP-18: offences recorded on the case, or against its worker or employer on other cases. */
export async function offencesForCase(db: DbOrTx, caseId: string, employerIin: string | null) {
  const [applicant] = await db
    .select({ personId: caseParties.personId })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, "applicant")));
  const conditions = [eq(offences.caseId, caseId)];
  if (applicant?.personId) conditions.push(eq(offences.personId, applicant.personId));
  if (employerIin) conditions.push(eq(offences.employerIin, employerIin));
  return db.select().from(offences).where(or(...conditions)).orderBy(desc(offences.occurredOn)).limit(50);
}

// ---------------------------------------------------------------- the householder's view

export interface EmployerWorker {
  contractId: string;
  status: ContractView["status"];
  reference: string;
  holder: string;
  citizenship: string;
  category: string;
  permitNumber: string | null;
  permitUntil: string | null;
  since: Date | null;
  terminatedAt: Date | null;
}

export interface EmployerView {
  iin: string | null;
  max: number;
  active: EmployerWorker[];
  past: EmployerWorker[];
}

async function viewerIin(db: DbOrTx, viewer: Viewer): Promise<string | null> {
  if (viewer.kind !== "user" || viewer.role !== "applicant" || !viewer.userId) return null;
  const [row] = await db.select({ iin: users.iin }).from(users).where(eq(users.id, viewer.userId));
  return row?.iin ?? null;
}

/** Whether the signed-in applicant is a householder with a verified IIN, who has the employer's page. */
export async function isHouseholder(db: DbOrTx, viewer: Viewer): Promise<boolean> {
  return (await viewerIin(db, viewer)) !== null;
}

/** The workers linked to the signed-in householder's verified IIN (users.iin), and the places used. */
export async function employerView(db: DbOrTx, viewer: Viewer): Promise<EmployerView> {
  const params = await loadParameters(db);
  const max = params.number("hp_max_workers_per_employer", todayInKazakhstan());
  const iin = await viewerIin(db, viewer);
  if (!iin) return { iin: null, max, active: [], past: [] };
  const rows = await db
    .select({
      contractId: employmentContracts.id,
      status: employmentContracts.status,
      caseId: cases.id,
      reference: cases.reference,
      data: cases.data,
      activatedAt: employmentContracts.activatedAt,
      terminatedAt: employmentContracts.terminatedAt,
    })
    .from(employmentContracts)
    .innerJoin(cases, eq(cases.id, employmentContracts.caseId))
    .where(and(eq(employmentContracts.employerIin, iin), ne(employmentContracts.status, "proposed")))
    .orderBy(desc(employmentContracts.registeredAt))
    .limit(100);
  const caseIds = rows.map((r) => r.caseId);
  const docs = caseIds.length
    ? await db
        .select({ caseId: issuedDocuments.caseId, number: issuedDocuments.number, validUntil: issuedDocuments.validUntil, revokedAt: issuedDocuments.revokedAt })
        .from(issuedDocuments)
        .where(and(inArray(issuedDocuments.caseId, caseIds), eq(issuedDocuments.type, HP_DOCUMENT_TYPE)))
        .orderBy(desc(issuedDocuments.issuedAt))
    : [];
  const workers = rows.map((r): EmployerWorker => {
    const data = r.data as HpCaseData;
    const doc = docs.find((d) => d.caseId === r.caseId && !d.revokedAt) ?? docs.find((d) => d.caseId === r.caseId);
    return {
      contractId: r.contractId,
      status: r.status,
      reference: r.reference,
      holder: `${data.person.surname} ${data.person.givenNames}`,
      citizenship: data.person.citizenship,
      category: data.work.category,
      permitNumber: doc?.number ?? null,
      permitUntil: data.permit?.validUntil ?? null,
      since: r.activatedAt,
      terminatedAt: r.terminatedAt,
    };
  });
  return { iin, max, active: workers.filter((w) => w.status === "active"), past: workers.filter((w) => w.status === "terminated") };
}

export interface EmployerRegistration {
  permitNumber: string;
  holderBirthDate: string;
  name: string;
  phone: string;
  region: string;
  address: string;
}

/**
 * The householder registers a contract with a permit holder. They prove they know the worker by the
 * permit number and the holder's date of birth (both on the paper permit); the contract names the
 * householder's own verified IIN, never one typed in. HP-09, HP-10 and HP-11 are the engine's to check.
 */
export async function registerContractAsEmployer(db: Db, viewer: Viewer, r: EmployerRegistration): Promise<PerformResult> {
  const iin = await viewerIin(db, viewer);
  if (!iin) return { ok: false, error: "not_found" };
  const [row] = await db
    .select({ caseId: cases.id, version: cases.version })
    .from(issuedDocuments)
    .innerJoin(cases, eq(cases.id, issuedDocuments.caseId))
    .where(
      and(
        eq(issuedDocuments.number, r.permitNumber.trim().toUpperCase()),
        eq(issuedDocuments.type, HP_DOCUMENT_TYPE),
        eq(issuedDocuments.holderBirthDate, r.holderBirthDate),
        isNull(issuedDocuments.revokedAt),
        eq(cases.service, HP_SERVICE),
      ),
    );
  if (!row) return { ok: false, error: "validation_failed", issues: [{ path: ["permitNumber"], message: "hp.rules.permitNotFound" }] };
  const onBehalf: Viewer = { ...SYSTEM_VIEWER, userId: viewer.userId, displayName: viewer.displayName, locale: viewer.locale };
  return perform(db, onBehalf, row.caseId, "register_contract", { iin, name: r.name, phone: r.phone, region: r.region, address: r.address }, row.version);
}

/**
 * The householder ends one of their contracts. The employer is not a party who can see the case, so
 * the contract is matched to their verified IIN here and the engine acts as the system on their
 * behalf; the event records the householder's account.
 */
export async function endContractAsEmployer(db: Db, viewer: Viewer, contractId: string, reason: string): Promise<PerformResult> {
  const iin = await viewerIin(db, viewer);
  if (!iin || !/^[0-9a-f-]{36}$/i.test(contractId)) return { ok: false, error: "not_found" };
  const [row] = await db
    .select({ caseId: employmentContracts.caseId, version: cases.version })
    .from(employmentContracts)
    .innerJoin(cases, eq(cases.id, employmentContracts.caseId))
    .where(and(eq(employmentContracts.id, contractId), eq(employmentContracts.employerIin, iin), eq(employmentContracts.status, "active"), eq(cases.service, HP_SERVICE)));
  if (!row) return { ok: false, error: "not_found" };
  const onBehalf: Viewer = { ...SYSTEM_VIEWER, userId: viewer.userId, displayName: viewer.displayName, locale: viewer.locale };
  return perform(db, onBehalf, row.caseId, "end_contract", { reason }, row.version);
}
