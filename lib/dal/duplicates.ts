import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
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
  person: PersonRecord;
  /** The other record in full when the viewer may see its case; otherwise only its region. */
  other: { visible: true; person: PersonRecord; case: CaseRecord } | { visible: false; region: string };
}

/**
 * The candidates recorded for a case the caller has already loaded for this viewer. The other side
 * is shown only when its case passes the viewer's own visibility condition: a match in a case they
 * may not see says that it exists and where, and nothing about the person.
 */
export async function listDuplicatePairs(db: DbOrTx, viewer: Viewer, caseId: string): Promise<DuplicatePair[]> {
  const rows = await db
    .select({ candidate: duplicateCandidates, resolvedByName: users.displayName, otherRegion: cases.region })
    .from(duplicateCandidates)
    .innerJoin(cases, eq(cases.id, duplicateCandidates.otherCaseId))
    .leftJoin(users, eq(users.id, duplicateCandidates.resolvedBy))
    .where(eq(duplicateCandidates.caseId, caseId))
    .orderBy(asc(duplicateCandidates.status), asc(duplicateCandidates.createdAt), asc(duplicateCandidates.id));
  if (!rows.length) return [];

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

  return rows.map(({ candidate: c, resolvedByName, otherRegion }) => {
    const otherCase = caseById.get(c.otherCaseId);
    return {
      id: c.id,
      matchKinds: c.matchKinds,
      score: c.score,
      status: c.status,
      resolvedByName,
      resolvedAt: c.resolvedAt,
      person: record(c.personId),
      other: otherCase ? { visible: true as const, person: record(c.otherPersonId), case: otherCase } : { visible: false as const, region: otherRegion },
    };
  });
}
