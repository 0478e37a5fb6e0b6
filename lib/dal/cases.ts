import "server-only";
import { and, arrayContains, arrayOverlaps, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, lte, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { caseEvents, caseParties, cases, decisions, identityDocuments, issuedDocuments, people, users } from "@/db/schema";
import { caseVisibility } from "@/lib/engine/access";
import { availableActions } from "@/lib/engine/perform";
import { toSnapshot } from "@/lib/engine/snapshot";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { addCalendarDays, isValidCivilDate, toCivilInstant, todayInKazakhstan } from "@/lib/rules/dates";
import type { WorkingCalendar } from "@/lib/rules/calendar";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import type { ParameterReader } from "@/lib/rules/parameters";
import { nameKey } from "@/lib/rules/name-key";
import { normaliseNumber } from "@/lib/engine/search-keys";
import { allServices } from "@/lib/engine/registry";
import type { QueueSort, QueueView } from "./queue-options";
import { parseCaseReference } from "@/lib/rules/case-reference";
import "@/lib/services";
import { leaseIsLive } from "@/lib/engine/assign";

/** Read side of cases. Every function takes the viewer and filters by it in SQL. */

const STAFF = new Set(["clerk", "officer", "supervisor", "auditor"]);
export const isStaff = (viewer: Viewer) => STAFF.has(viewer.role);

export { QUEUE_FLAGS, QUEUE_SORTS, QUEUE_VIEWS, type QueueSort, type QueueView } from "./queue-options";

/**
 * What the queue shows: every field narrows the cases the viewer may see (visibility is always
 * applied in SQL). Dates are civil dates in Kazakhstan (YYYY-MM-DD), ranges inclusive.
 */
export interface QueueFilter {
  /**
   * all: every case but drafts. mine: cases the viewer holds (a lapsed hold included, marked on the
   * row). unassigned: open cases nobody holds or whose hold lapsed. team: open cases someone holds.
   * overdue: due date before today. due_soon: due from today to `dueSoonUntil`. waiting: the clock
   * is stopped while the applicant acts (clock_remaining_days is not null).
   */
  view?: QueueView;
  service?: string;
  /** Any of these statuses; default every status except draft. */
  status?: string[];
  /** Any of these flags. */
  flags?: string[];
  region?: string;
  /** Cases held by this user (id), in any view. */
  assigneeId?: string;
  /** Filed (submitted; created when never submitted) on or after / on or before. */
  filedFrom?: string;
  filedTo?: string;
  /** Due on or after / on or before. */
  dueFrom?: string;
  dueTo?: string;
  /** A case reference, a document number or IIN/BIN, a fragment of a reference, or a name in any spelling. */
  q?: string;
  sort?: QueueSort;
  /** nextCursor of the previous page, for the same filter and sort. */
  cursor?: string;
  /** Page size, 1–100 (default 25). */
  limit?: number;
  /** The day the views are computed for (default today in Kazakhstan). */
  today?: string;
  /**
   * Last day of "due soon": today plus `deadline_warning_working_days` on the working-day calendar
   * (dueSoonUntil()). Computed from the database when not given.
   */
  dueSoonUntil?: string;
  /**
   * The moment a hold is compared with (default now). Kept out of SQL's now() so one page shows one
   * consistent picture and tests can move time.
   */
  now?: Date;
}

export interface QueueRow {
  id: string;
  reference: string;
  service: string;
  status: string;
  flags: string[];
  region: string;
  dueOn: string | null;
  /** Days left on a stopped clock (the case waits for the applicant). */
  clockRemainingDays: number | null;
  applicantName: string | null;
  citizenship: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  leaseExpiresAt: Date | null;
  submittedAt: Date | null;
  updatedAt: Date;
  version: number;
}

export interface QueuePage {
  rows: QueueRow[];
  nextCursor: string | null;
  /** Exact number of cases matching the filter (all pages). */
  total: number;
}

/** The position after the last row of a page: its sort key (as PostgreSQL wrote it) and id. */
interface Cursor {
  sort: QueueSort;
  key: string | null;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

function decodeCursor(s: string | undefined, sort: QueueSort): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString()) as Cursor;
    if (c.sort !== sort || typeof c.id !== "string" || !UUID.test(c.id)) return null;
    if (sort === "due" ? !(c.key === null || (typeof c.key === "string" && CIVIL_DATE.test(c.key))) : typeof c.key !== "string" || Number.isNaN(Date.parse(c.key))) return null;
    return c;
  } catch {
    return null;
  }
}

// Cases with a deadline come first, earliest first; the id breaks ties so the cursor is stable.
// Both keys are indexed as written here (cases_due_order, cases_filed_order).
const FAR_FUTURE = "9999-12-31";
const dueKey = sql<string>`coalesce(${cases.dueOn}, ${sql.raw(`'${FAR_FUTURE}'::date`)})`;
const filedKey = sql<Date>`coalesce(${cases.submittedAt}, ${cases.createdAt})`;

/** The last day counted as "due soon": today plus the warning term in working days. */
export function dueSoonUntil(today: string, params: ParameterReader, calendar: WorkingCalendar): string {
  return calendar.addWorkingDays(today, params.number("deadline_warning_working_days", today));
}

/** The first instant of a civil day in Kazakhstan, as a timestamptz parameter. */
const startOfDay = (d: string) => sql`${toCivilInstant(d).toISOString()}::timestamptz`;

const REFERENCE_FRAGMENT = /^[A-Z0-9-]{3,}$/;

function searchCondition(q: string): SQL | undefined {
  const term = q.trim();
  if (!term) return undefined;
  const ref = parseCaseReference(term);
  if (ref.ok) return eq(cases.reference, ref.reference);
  const compact = normaliseNumber(term);
  // Names have no digits: "FA1234567" is a document number, and its letters alone would match every "Fa…" name.
  const key = /\d/.test(term) ? "" : nameKey(term);
  return or(
    // Document numbers and IIN/BINs: exact (GIN on search_numbers).
    arrayContains(cases.searchNumbers, [compact]),
    // A piece of a reference, e.g. "000123" (trigram index on reference).
    REFERENCE_FRAGMENT.test(compact) && /\d/.test(compact) ? ilike(cases.reference, `%${compact}%`) : undefined,
    // Names in any spelling: the name keys, by trigram word similarity (pg_trgm's <% operator, default
    // threshold 0.6), so "Хасанов", "Khasanov" and "Hasanov", or a name typed in part, meet.
    key ? sql`${key} <% ${cases.searchNames}` : undefined,
  );
}

/** Not in a final state of its service: still somebody's work. */
function openCase(serviceIds: readonly string[]): SQL {
  const services = allServices().filter((s) => serviceIds.includes(s.id));
  return or(...services.map((s) => and(eq(cases.service, s.id), s.finalStates.length ? notInArray(cases.status, [...s.finalStates]) : undefined)), sql`false`)!;
}

function viewCondition(view: QueueView, viewer: Viewer, today: string, soonUntil: string | undefined, now: Date, serviceIds: readonly string[]): SQL | undefined {
  switch (view) {
    case "all":
      return undefined;
    case "mine":
      return and(eq(cases.assigneeId, viewer.userId ?? sql`null`), openCase(serviceIds));
    case "unassigned":
      return and(or(isNull(cases.assigneeId), lte(cases.leaseExpiresAt, now)), openCase(serviceIds));
    case "team":
      return and(isNotNull(cases.assigneeId), openCase(serviceIds));
    case "overdue":
      return lt(cases.dueOn, today);
    case "due_soon":
      return and(gte(cases.dueOn, today), lte(cases.dueOn, soonUntil ?? today));
    case "waiting":
      return isNotNull(cases.clockRemainingDays);
    default:
      throw new Error(`Unknown queue view ${view satisfies never}`);
  }
}

/**
 * One page of the work queue and the exact number of matching cases. The viewer's visibility is
 * part of the SQL; everything in the filter only narrows it. Sorted by (due date, id) or
 * (filed at, id) with a keyset cursor, so pages stay stable while cases are added or change.
 */
export async function listQueue(db: DbOrTx, viewer: Viewer, filter: QueueFilter): Promise<QueuePage> {
  const limit = Math.min(Math.max(filter.limit ?? 25, 1), 100);
  const now = filter.now ?? new Date();
  const today = filter.today ?? todayInKazakhstan(now);
  const view: QueueView = filter.view ?? "all";
  const sort: QueueSort = filter.sort ?? "due";
  let soonUntil = filter.dueSoonUntil;
  if (view === "due_soon" && !soonUntil) {
    const [params, ref] = await Promise.all([loadParameters(db), loadReferenceData(db)]);
    soonUntil = dueSoonUntil(today, params, ref.calendar);
  }
  const serviceIds = filter.service ? [filter.service] : viewer.role === "auditor" || viewer.kind === "system" ? allServices().map((s) => s.id) : [...viewer.services];
  const date = (d: string | undefined) => (d && isValidCivilDate(d) ? d : undefined);
  const filedFrom = date(filter.filedFrom);
  const filedTo = date(filter.filedTo);
  const dueFrom = date(filter.dueFrom);
  const dueTo = date(filter.dueTo);

  const where = and(
    caseVisibility(viewer),
    filter.service ? eq(cases.service, filter.service) : undefined,
    filter.status?.length ? inArray(cases.status, filter.status) : sql`${cases.status} <> 'draft'`,
    filter.flags?.length ? arrayOverlaps(cases.flags, filter.flags) : undefined,
    filter.region ? eq(cases.region, filter.region) : undefined,
    filter.assigneeId && UUID.test(filter.assigneeId) ? eq(cases.assigneeId, filter.assigneeId) : filter.assigneeId ? sql`false` : undefined,
    filedFrom ? gte(filedKey, startOfDay(filedFrom)) : undefined,
    filedTo ? lt(filedKey, startOfDay(addCalendarDays(filedTo, 1))) : undefined,
    dueFrom ? gte(cases.dueOn, dueFrom) : undefined,
    dueTo ? lte(cases.dueOn, dueTo) : undefined,
    filter.q ? searchCondition(filter.q) : undefined,
    viewCondition(view, viewer, today, soonUntil, now, serviceIds),
  );
  const cursor = decodeCursor(filter.cursor, sort);
  const after = !cursor
    ? undefined
    : sort === "due"
      ? sql`(${dueKey}, ${cases.id}) > (coalesce(${cursor.key}::date, ${sql.raw(`'${FAR_FUTURE}'::date`)}), ${cursor.id}::uuid)`
      : sql`(${filedKey}, ${cases.id}) < (${cursor.key}::timestamptz, ${cursor.id}::uuid)`;
  const order = sort === "due" ? [asc(dueKey), asc(cases.id)] : [desc(filedKey), desc(cases.id)];

  const applicant = sql<string | null>`(select ${people.surname} || ' ' || ${people.givenNames} from ${caseParties}
    join ${people} on ${people.id} = ${caseParties.personId}
    where ${caseParties.caseId} = ${cases.id} and ${caseParties.role} = 'applicant' limit 1)`;
  const citizenship = sql<string | null>`(select ${people.citizenship} from ${caseParties}
    join ${people} on ${people.id} = ${caseParties.personId}
    where ${caseParties.caseId} = ${cases.id} and ${caseParties.role} = 'applicant' limit 1)`;

  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: cases.id,
        reference: cases.reference,
        service: cases.service,
        status: cases.status,
        flags: cases.flags,
        region: cases.region,
        dueOn: cases.dueOn,
        clockRemainingDays: cases.clockRemainingDays,
        applicantName: applicant,
        citizenship,
        assigneeId: cases.assigneeId,
        assigneeName: users.displayName,
        leaseExpiresAt: cases.leaseExpiresAt,
        submittedAt: cases.submittedAt,
        updatedAt: cases.updatedAt,
        version: cases.version,
        // The filed key exactly as stored (microseconds), for the cursor.
        filedKey: sql<string>`${filedKey}::text`,
      })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assigneeId))
      .where(and(where, after))
      .orderBy(...order)
      .limit(limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  const nextCursor = more && last ? encodeCursor({ sort, key: sort === "due" ? last.dueOn : last.filedKey, id: last.id }) : null;
  return { rows: shown.map(({ filedKey: _key, ...row }) => row), nextCursor, total: count?.n ?? 0 };
}

export async function listMyCases(db: DbOrTx, viewer: Viewer): Promise<CaseSnapshot[]> {
  if (viewer.role !== "applicant" || !viewer.userId) return [];
  const rows = await db.select().from(cases).where(eq(cases.ownerId, viewer.userId)).orderBy(desc(cases.createdAt)).limit(200);
  return rows.map(toSnapshot);
}

export interface CaseEventView {
  id: number;
  at: Date;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  actorName: string | null;
  actorRole: string;
}

export interface PartyView {
  role: string;
  person: (typeof people.$inferSelect & { documents: (typeof identityDocuments.$inferSelect)[] }) | null;
  details: Record<string, unknown> | null;
}

export interface CaseDetail {
  case: CaseSnapshot;
  parties: PartyView[];
  events: CaseEventView[];
  documents: { id: string; type: string; number: string; validFrom: string; validUntil: string; revokedAt: Date | null; verificationToken: string }[];
  decisions: (typeof decisions.$inferSelect)[];
  actions: string[];
  assigneeName: string | null;
  /** Whether the assignee's hold on the case is still running (see lib/engine/assign.ts). */
  assignmentLive: boolean;
}

/** A case by id or reference, if the viewer may see it; applicants get only the public part of the history. */
export async function getCaseDetail(db: DbOrTx, viewer: Viewer, idOrReference: string): Promise<CaseDetail | null> {
  const ref = parseCaseReference(idOrReference);
  const key = ref.ok ? eq(cases.reference, ref.reference) : /^[0-9a-f-]{36}$/i.test(idOrReference) ? eq(cases.id, idOrReference) : null;
  if (!key) return null;
  const [row] = await db.select().from(cases).where(and(key, caseVisibility(viewer))).limit(1);
  if (!row) return null;
  const c = toSnapshot(row);
  const applicantView = viewer.role === "applicant";

  const [partyRows, eventRows, docRows, decisionRows, assignee] = await Promise.all([
    db.select().from(caseParties).leftJoin(people, eq(people.id, caseParties.personId)).where(eq(caseParties.caseId, c.id)),
    db
      .select({
        id: caseEvents.id,
        at: caseEvents.at,
        action: caseEvents.action,
        fromStatus: caseEvents.fromStatus,
        toStatus: caseEvents.toStatus,
        reason: caseEvents.reason,
        actorName: users.displayName,
        actorRole: caseEvents.actorRole,
      })
      .from(caseEvents)
      .leftJoin(users, eq(users.id, caseEvents.actorId))
      .where(applicantView ? and(eq(caseEvents.caseId, c.id), eq(caseEvents.visibleToApplicant, true)) : eq(caseEvents.caseId, c.id))
      .orderBy(asc(caseEvents.version)),
    db
      .select({
        id: issuedDocuments.id,
        type: issuedDocuments.type,
        number: issuedDocuments.number,
        validFrom: issuedDocuments.validFrom,
        validUntil: issuedDocuments.validUntil,
        revokedAt: issuedDocuments.revokedAt,
        verificationToken: issuedDocuments.verificationToken,
      })
      .from(issuedDocuments)
      .where(eq(issuedDocuments.caseId, c.id)),
    db.select().from(decisions).where(eq(decisions.caseId, c.id)).orderBy(asc(decisions.decidedAt)),
    c.assigneeId ? db.select({ name: users.displayName }).from(users).where(eq(users.id, c.assigneeId)) : Promise.resolve([]),
  ]);

  const personIds = partyRows.map((p) => p.people?.id).filter((id): id is string => !!id);
  const docs = personIds.length ? await db.select().from(identityDocuments).where(inArray(identityDocuments.personId, personIds)) : [];

  return {
    case: c,
    parties: partyRows.map((p) => ({
      role: p.case_parties.role,
      person: p.people ? { ...p.people, documents: docs.filter((d) => d.personId === p.people!.id) } : null,
      details: (p.case_parties.details as Record<string, unknown> | null) ?? null,
    })),
    // Staff names stay internal: the applicant sees what happened, not who did it.
    events: eventRows.map((e) => (applicantView ? { ...e, actorName: null } : e)),
    documents: docRows,
    decisions: decisionRows,
    actions: availableActions(viewer, c),
    assigneeName: assignee[0]?.name ?? null,
    assignmentLive: leaseIsLive(c, new Date()),
  };
}

export interface PublicStatus {
  reference: string;
  service: string;
  status: string;
  dueOn: string | null;
  updatedAt: Date;
}

/** The public status check: reference plus the passport number on the case; nothing else is revealed. */
export async function publicStatus(db: DbOrTx, reference: string, documentNumber: string): Promise<PublicStatus | null> {
  const ref = parseCaseReference(reference);
  const number = documentNumber.replace(/\s+/g, "").toUpperCase();
  if (!ref.ok || !number) return null;
  const [row] = await db
    .select({ reference: cases.reference, service: cases.service, status: cases.status, dueOn: cases.dueOn, updatedAt: cases.updatedAt })
    .from(cases)
    .where(
      and(
        eq(cases.reference, ref.reference),
        sql`${cases.status} <> 'draft'`,
        sql`exists (select 1 from ${caseParties} join ${identityDocuments} on ${identityDocuments.personId} = ${caseParties.personId}
          where ${caseParties.caseId} = ${cases.id} and ${caseParties.role} = 'applicant' and ${identityDocuments.number} = ${number})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

export type VerificationStatus = "valid" | "expired" | "revoked" | "not_yet_valid";

export interface VerificationView {
  status: VerificationStatus;
  type: string;
  number: string;
  validFrom: string;
  validUntil: string;
  holderMasked: string;
}

/** "IVANOV PETR" → "I***** P***": enough to match the person in front of you, not to identify them. */
export function maskName(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0] + "*".repeat(Math.max(w.length - 1, 2)))
    .join(" ");
}

export async function verifyDocument(db: DbOrTx, token: string, now = new Date()): Promise<VerificationView | null> {
  const [doc] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.verificationToken, token)).limit(1);
  if (!doc) return null;
  const today = todayInKazakhstan(now);
  const status: VerificationStatus = doc.revokedAt ? "revoked" : today > doc.validUntil ? "expired" : today < doc.validFrom ? "not_yet_valid" : "valid";
  return { status, type: doc.type, number: doc.number, validFrom: doc.validFrom, validUntil: doc.validUntil, holderMasked: maskName(doc.holderDisplayName) };
}

/** An issued document with its case, for rendering the PDF to someone who may see the case. */
export async function getDocumentForViewer(db: DbOrTx, viewer: Viewer, documentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(documentId)) return null;
  const [row] = await db
    .select({ doc: issuedDocuments, case: cases })
    .from(issuedDocuments)
    .innerJoin(cases, eq(cases.id, issuedDocuments.caseId))
    .where(and(eq(issuedDocuments.id, documentId), caseVisibility(viewer)))
    .limit(1);
  return row ? { document: row.doc, case: toSnapshot(row.case) } : null;
}

