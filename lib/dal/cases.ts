import "server-only";
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { caseEvents, caseParties, cases, decisions, identityDocuments, issuedDocuments, people, users } from "@/db/schema";
import { caseVisibility } from "@/lib/engine/access";
import { availableActions } from "@/lib/engine/perform";
import { toSnapshot } from "@/lib/engine/snapshot";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { parseCaseReference } from "@/lib/rules/case-reference";
import "@/lib/services";
import { KC_SERVICE, RF_SERVICE } from "@/lib/services/ids";
import { leaseIsLive } from "@/lib/engine/assign";
import { documentVerdict, type DocumentVerdict } from "./verification";

/** Read side of cases. Every function takes the viewer and filters by it in SQL. */

const STAFF = new Set(["clerk", "officer", "supervisor", "auditor"]);
export const isStaff = (viewer: Viewer) => STAFF.has(viewer.role);

export interface QueueFilter {
  service?: string;
  status?: string[];
  region?: string;
  q?: string;
  /** "me": cases the viewer holds; "none": cases nobody holds (or whose hold lapsed). */
  assignee?: "me" | "none";
  cursor?: string;
  limit?: number;
}

export interface QueueRow {
  id: string;
  reference: string;
  service: string;
  status: string;
  flags: string[];
  region: string;
  dueOn: string | null;
  applicantName: string | null;
  citizenship: string | null;
  assigneeName: string | null;
  updatedAt: Date;
  version: number;
}

interface Cursor {
  due: string | null;
  id: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString()) as Cursor;
    return typeof c.id === "string" && (c.due === null || typeof c.due === "string") ? c : null;
  } catch {
    return null;
  }
}

// Cases with a deadline come first, earliest first; the id breaks ties so the cursor is stable.
const FAR_FUTURE = "9999-12-31";
const dueKey = sql<string>`coalesce(${cases.dueOn}, ${FAR_FUTURE}::date)`;

function searchCondition(q: string): SQL | undefined {
  const term = q.trim();
  if (!term) return undefined;
  const ref = parseCaseReference(term);
  if (ref.ok) return eq(cases.reference, ref.reference);
  const like = `%${term.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  const compact = term.replace(/\s+/g, "").toUpperCase();
  const partyMatch = partyMatches(
    or(
      ilike(people.surname, like),
      ilike(people.givenNames, like),
      ilike(people.surnameCyrillic, like),
      ilike(people.givenNamesCyrillic, like),
      sql`${people.surname} || ' ' || ${people.givenNames} ilike ${like}`,
      eq(identityDocuments.number, compact),
      eq(people.iin, compact),
    )!,
  );
  return or(ilike(cases.reference, like), partyMatch);
}

/** Some party of the case (a person, with any of their documents) matches. */
function partyMatches(match: SQL): SQL {
  return sql`exists (select 1 from ${caseParties}
    join ${people} on ${people.id} = ${caseParties.personId}
    left join ${identityDocuments} on ${identityDocuments.personId} = ${people.id}
    where ${caseParties.caseId} = ${cases.id} and ${match})`;
}

export async function listQueue(db: DbOrTx, viewer: Viewer, filter: QueueFilter): Promise<{ rows: QueueRow[]; nextCursor: string | null; total: number }> {
  const limit = Math.min(Math.max(filter.limit ?? 25, 1), 100);
  const conditions = [
    caseVisibility(viewer),
    filter.service ? eq(cases.service, filter.service) : undefined,
    filter.status?.length ? inArray(cases.status, filter.status) : sql`${cases.status} <> 'draft'`,
    filter.region ? eq(cases.region, filter.region) : undefined,
    filter.q ? searchCondition(filter.q) : undefined,
    filter.assignee === "me" ? eq(cases.assigneeId, viewer.userId ?? sql`null`) : undefined,
    filter.assignee === "none" ? sql`(${cases.assigneeId} is null or ${cases.leaseExpiresAt} <= now())` : undefined,
  ];
  const where = and(...conditions);
  const cursor = decodeCursor(filter.cursor);
  const page = cursor
    ? and(where, sql`(${dueKey}, ${cases.id}) > (coalesce(${cursor.due}::date, ${FAR_FUTURE}::date), ${cursor.id}::uuid)`)
    : where;

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
        applicantName: applicant,
        citizenship,
        assigneeName: users.displayName,
        updatedAt: cases.updatedAt,
        version: cases.version,
      })
      .from(cases)
      .leftJoin(users, eq(users.id, cases.assigneeId))
      .where(page)
      .orderBy(asc(dueKey), asc(cases.id))
      .limit(limit + 1),
    db.select({ n: sql<number>`count(*)::int` }).from(cases).where(where),
  ]);
  const more = rows.length > limit;
  const shown = more ? rows.slice(0, limit) : rows;
  const last = shown[shown.length - 1];
  return { rows: shown, nextCursor: more && last ? encodeCursor({ due: last.dueOn, id: last.id }) : null, total: count?.n ?? 0 };
}

/** How a case in "My applications" came to be there. */
export type MyCaseLink = "filed_by_me" | "filed_at_office";

export type MyCase = CaseSnapshot & { link: MyCaseLink; otherPeople: number };

/**
 * The applicant's cases: those they filed online (for themselves or for their family, who are
 * parties of the same case) and those a clerk filed for them at the office (caseVisibility).
 * `otherPeople` counts the other persons the case is about, so the list can say "and 2 family members".
 */
export async function listMyCases(db: DbOrTx, viewer: Viewer): Promise<MyCase[]> {
  if (viewer.role !== "applicant" || !viewer.userId) return [];
  const otherPeople = sql<number>`(select count(*)::int from ${caseParties}
    where ${caseParties.caseId} = ${cases.id} and ${caseParties.personId} is not null and ${caseParties.role} = 'family_member')`;
  const rows = await db
    .select({ row: cases, otherPeople })
    .from(cases)
    .where(caseVisibility(viewer))
    .orderBy(desc(cases.createdAt))
    .limit(200);
  return rows.map(({ row, otherPeople }) => ({ ...toSnapshot(row), link: row.ownerId === viewer.userId ? "filed_by_me" : "filed_at_office", otherPeople }));
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

/**
 * Actions whose reason is addressed to the applicant (the officer writes it for them). The reason of
 * any other event stays internal. A service or feature that writes reasons for the applicant adds
 * its action here.
 */
export const REASONS_FOR_APPLICANT: ReadonlySet<string> = new Set(["return_for_correction", "refuse", "cancel_registration", "withdraw"]);

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
    // Who holds the case is internal too.
    case: applicantView ? { ...c, assigneeId: null, leaseExpiresAt: null } : c,
    parties: partyRows.map((p) => ({
      role: p.case_parties.role,
      person: p.people ? { ...p.people, documents: docs.filter((d) => d.personId === p.people!.id) } : null,
      details: (p.case_parties.details as Record<string, unknown> | null) ?? null,
    })),
    // Staff names stay internal: the applicant sees what happened, not who did it, and reads only
    // the reasons written for them (a return or a refusal), never a note meant for colleagues.
    events: eventRows.map((e) => (applicantView ? { ...e, actorName: null, reason: REASONS_FOR_APPLICANT.has(e.action) ? e.reason : null } : e)),
    documents: docRows,
    decisions: applicantView ? decisionRows.map((d) => ({ ...d, decidedBy: null })) : decisionRows,
    actions: availableActions(viewer, c),
    assigneeName: applicantView ? null : (assignee[0]?.name ?? null),
    assignmentLive: leaseIsLive(c, new Date()),
  };
}

export const PROTECTED_PHASE_NAMES = ["in_progress", "action_needed", "decided", "closed"] as const;

interface PublicStatusBase {
  reference: string;
  service: string;
}

/**
 * What the public status check answers. For a protected service (refugee cases) the status is its
 * phase only (see PROTECTED_PHASES) and no date is told, not even when the case last moved.
 */
export type PublicStatus =
  | (PublicStatusBase & { protected: false; status: string; dueOn: string | null; updatedAt: Date })
  | (PublicStatusBase & { protected: true; status: (typeof PROTECTED_PHASE_NAMES)[number]; dueOn: null; updatedAt: null });

/**
 * Refugee renewal answers only in which phase the case is: no dates, no outcome (a refusal and an
 * extension are both "decided"; the refugee learns which from the notice and their account). Whoever
 * holds a refugee's reference and certificate number learns as little as possible.
 */
const PROTECTED_PHASES: Readonly<Record<string, Record<string, (typeof PROTECTED_PHASE_NAMES)[number]>>> = {
  [RF_SERVICE]: {
    draft: "in_progress",
    submitted: "in_progress",
    under_review: "in_progress",
    commission_review: "in_progress",
    complaint_filed: "in_progress",
    returned_for_correction: "action_needed",
    extended: "decided",
    certificate_issued: "decided",
    refused: "decided",
    refusal_final: "decided",
    status_ended: "closed",
    withdrawn: "closed",
  },
};

/**
 * The public status check: the reference plus a document number of the applicant on the case; nothing
 * else is revealed. The number is the passport of the applicant party (temporary registration,
 * household permit, kandas), the identity document or refugee certificate named in a refugee's
 * renewal, or for simplified citizenship the passport on the kandas case it builds on.
 */
export async function publicStatus(db: DbOrTx, reference: string, documentNumber: string): Promise<PublicStatus | null> {
  const ref = parseCaseReference(reference);
  const number = documentNumber.replace(/\s+/g, "").toUpperCase();
  if (!ref.ok || !number) return null;
  const applicantDocument = (caseId: SQL) => sql`exists (select 1 from ${caseParties} join ${identityDocuments} on ${identityDocuments.personId} = ${caseParties.personId}
          where ${caseParties.caseId} = ${caseId} and ${caseParties.role} = 'applicant' and ${identityDocuments.number} = ${number})`;
  const [row] = await db
    .select({ reference: cases.reference, service: cases.service, status: cases.status, dueOn: cases.dueOn, updatedAt: cases.updatedAt })
    .from(cases)
    .where(
      and(
        eq(cases.reference, ref.reference),
        sql`${cases.status} <> 'draft'`,
        or(
          applicantDocument(sql`${cases.id}`),
          and(eq(cases.service, RF_SERVICE), or(sql`${cases.data}->'identity'->>'number' = ${number}`, sql`${cases.data}->'status'->>'certificateNumber' = ${number}`)),
          and(eq(cases.service, KC_SERVICE), applicantDocument(sql`(${cases.data}->>'kandasCaseId')::uuid`)),
        ),
      ),
    )
    .limit(1);
  if (!row) return null;
  const phases = PROTECTED_PHASES[row.service];
  if (phases) return { reference: row.reference, service: row.service, status: phases[row.status] ?? "in_progress", dueOn: null, updatedAt: null, protected: true };
  return { ...row, protected: false };
}

export type VerificationStatus = DocumentVerdict;

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
  const status = documentVerdict(doc, now);
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

