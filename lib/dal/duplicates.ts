import "server-only";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, duplicateCandidates, identityDocuments, people, users } from "@/db/schema";
import { caseVisibility } from "@/lib/engine/access";
import type { Viewer } from "@/lib/engine/types";

/** Read side of the duplicate check (the engine side is lib/engine/duplicates.ts). */

export interface PersonRecord {
  surname: string;
  givenNames: string;
  surnameCyrillic: string | null;
  givenNamesCyrillic: string | null;
  birthDate: string;
  sex: string;
  citizenship: string;
  iin: string | null;
  documents: { type: string; number: string; issuingCountry: string; expiresOn: string | null }[];
}

export interface CaseRecord {
  id: string;
  reference: string;
  service: string;
  status: string;
  region: string;
}

export interface DuplicatePair {
  id: string;
  matchKinds: string[];
  score: number;
  status: "open" | "same_person" | "not_same";
  resolvedByName: string | null;
  resolvedAt: Date | null;
  /** Recorded when the other case was filed: it carries the flag and the decision, not this one. */
  mirrored: boolean;
  person: PersonRecord;
  /** The other record in full when the viewer may see its case; otherwise only its region. */
  other: { visible: true; person: PersonRecord; case: CaseRecord } | { visible: false; region: string };
}

/**
 * The candidates of a case the caller has already loaded for this viewer: those recorded when it was
 * filed, and those recorded later against it by a newer filing (shown from this case's side). The other side
 * is shown only when its case passes the viewer's own visibility condition: a match in a case they
 * may not see says that it exists and where, and nothing about the person.
 */
export async function listDuplicatePairs(db: DbOrTx, viewer: Viewer, caseId: string): Promise<DuplicatePair[]> {
  const stored = await db
    .select({ candidate: duplicateCandidates, resolvedByName: users.displayName })
    .from(duplicateCandidates)
    .leftJoin(users, eq(users.id, duplicateCandidates.resolvedBy))
    .where(or(eq(duplicateCandidates.caseId, caseId), eq(duplicateCandidates.otherCaseId, caseId)))
    .orderBy(asc(duplicateCandidates.status), asc(duplicateCandidates.createdAt), asc(duplicateCandidates.id));
  if (!stored.length) return [];
  // Every pair seen from this case: "person" is always this case's party.
  const pairs = stored.map(({ candidate: c, resolvedByName }) => {
    const mirrored = c.caseId !== caseId;
    return {
      resolvedByName,
      mirrored,
      candidate: mirrored ? { ...c, caseId: c.otherCaseId, personId: c.otherPersonId, otherCaseId: c.caseId, otherPersonId: c.personId } : c,
    };
  });
  const regions = await db
    .select({ id: cases.id, region: cases.region })
    .from(cases)
    .where(inArray(cases.id, [...new Set(pairs.map((p) => p.candidate.otherCaseId))]));
  const rows = pairs.map((p) => ({ ...p, otherRegion: regions.find((r) => r.id === p.candidate.otherCaseId)!.region }));

  const otherCaseIds = [...new Set(rows.map((r) => r.candidate.otherCaseId))];
  const visibleCases = await db
    .select({ id: cases.id, reference: cases.reference, service: cases.service, status: cases.status, region: cases.region })
    .from(cases)
    .where(and(inArray(cases.id, otherCaseIds), caseVisibility(viewer)));
  const caseById = new Map(visibleCases.map((c) => [c.id, c]));

  const personIds = [...new Set(rows.flatMap((r) => [r.candidate.personId, ...(caseById.has(r.candidate.otherCaseId) ? [r.candidate.otherPersonId] : [])]))];
  const [personRows, docRows] = await Promise.all([
    db.select().from(people).where(inArray(people.id, personIds)),
    db.select().from(identityDocuments).where(inArray(identityDocuments.personId, personIds)),
  ]);
  const record = (id: string): PersonRecord => {
    const p = personRows.find((x) => x.id === id)!;
    return {
      surname: p.surname,
      givenNames: p.givenNames,
      surnameCyrillic: p.surnameCyrillic,
      givenNamesCyrillic: p.givenNamesCyrillic,
      birthDate: p.birthDate,
      sex: p.sex,
      citizenship: p.citizenship,
      iin: p.iin,
      documents: docRows.filter((d) => d.personId === id).map((d) => ({ type: d.type, number: d.number, issuingCountry: d.issuingCountry, expiresOn: d.expiresOn })),
    };
  };

  return rows.map(({ candidate: c, resolvedByName, otherRegion, mirrored }) => {
    const otherCase = caseById.get(c.otherCaseId);
    return {
      id: c.id,
      matchKinds: c.matchKinds,
      score: c.score,
      status: c.status,
      resolvedByName,
      resolvedAt: c.resolvedAt,
      mirrored,
      person: record(c.personId),
      other: otherCase ? { visible: true as const, person: record(c.otherPersonId), case: otherCase } : { visible: false as const, region: otherRegion },
    };
  });
}
