import { and, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db/client";
import { caseParties, cases, duplicateCandidates, identityDocuments, people } from "@/db/schema";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { nameKey } from "@/lib/rules/name-key";
import { actingAs } from "./access";
import { assignmentViolation } from "./assign";
import { recordCaseEvent } from "./case-event";
import { loadVisibleCase, Rollback } from "./perform";
import { getService } from "./registry";
import { POTENTIAL_DUPLICATE } from "./staff-flags";
import { toSnapshot } from "./snapshot";
import type { CaseSnapshot, PerformResult, Viewer } from "./types";

/**
 * The duplicate check on intake (issue 6 item 5). When a case is opened, each person it names as
 * applicant or family member is compared with the same parties of other filed cases:
 *   - X-DUP-01: the same IIN;
 *   - X-DUP-02: the same identity document number from the same issuing country;
 *   - X-DUP-03: the same date of birth and a transliteration-normalised name whose trigram
 *     similarity is at least `duplicate_name_similarity`.
 * Each lookup is an index probe (people_iin, identity_documents_number, people_birth_date), so the
 * check costs a few milliseconds whatever the size of the register. A match flags the new case
 * `potential_duplicate` and records the pair; staff resolve every pair, which clears the flag.
 */

export { POTENTIAL_DUPLICATE };

/** Parties that are the person the application is about; employers and hosts recur legitimately. */
const COMPARED_ROLES = ["applicant", "family_member"] as const;

/** How many earlier records are kept per person of the new case (the most similar first). */
const MAX_CANDIDATES_PER_PERSON = 10;

export function personNameKey(p: { surname: string; givenNames: string }): string {
  return nameKey(p.surname, p.givenNames);
}

type MatchKind = "iin" | "document" | "name_birth_date";

interface Match {
  personId: string;
  otherPersonId: string;
  otherCaseId: string;
  otherOwnerId: string | null;
  otherService: string;
  otherStatus: string;
  kinds: Set<MatchKind>;
  score: number;
}

const other = alias(people, "other_person");

/**
 * Whether an earlier case is part of the applicant's own history rather than a second record: the
 * same account filed it, and it is another service or already closed (a renewal, the citizenship
 * that follows a kandas status). A second open application for the same service by the same
 * account is exactly what the check is for, so it stays.
 */
function isOwnHistory(c: CaseSnapshot, m: Match): boolean {
  if (!c.ownerId || c.ownerId !== m.otherOwnerId) return false;
  const closed = getService(m.otherService)?.finalStates.includes(m.otherStatus) ?? false;
  return m.otherService !== c.service || closed;
}

/**
 * Runs the check for a case just created in this transaction; returns the case with the flag set
 * when there is at least one candidate. The flag is part of creation (version 1), not a transition.
 */
export async function checkDuplicates(tx: Tx, c: CaseSnapshot, now: Date): Promise<CaseSnapshot> {
  const parties = await tx
    .select({ person: people })
    .from(caseParties)
    .innerJoin(people, eq(people.id, caseParties.personId))
    .where(and(eq(caseParties.caseId, c.id), inArray(caseParties.role, [...COMPARED_ROLES])));
  if (!parties.length) return c;
  const threshold = (await loadParameters(tx)).number("duplicate_name_similarity", todayInKazakhstan(now));

  const matches = new Map<string, Match>();
  for (const { person } of parties) {
    const key = person.nameKey ?? personNameKey(person);
    // The name as written in Cyrillic may be the spelling another record was filed under.
    const keys = [...new Set([key, nameKey(person.surnameCyrillic, person.givenNamesCyrillic)].filter(Boolean))];
    const similarity = keys.length
      ? sql<number>`greatest(${sql.join(keys.map((k) => sql`coalesce(similarity(${other.nameKey}, ${k}), 0)`), sql`, `)})::float8`
      : sql<number>`0::float8`;
    const docs = await tx.select().from(identityDocuments).where(eq(identityDocuments.personId, person.id));
    const probes: { kind: MatchKind; where: ReturnType<typeof and> }[] = [];
    if (person.iin) probes.push({ kind: "iin", where: eq(other.iin, person.iin) });
    for (const d of docs) {
      probes.push({
        kind: "document",
        where: sql`exists (select 1 from ${identityDocuments} where ${identityDocuments.personId} = ${other.id}
          and ${identityDocuments.number} = ${d.number} and ${identityDocuments.issuingCountry} = ${d.issuingCountry})`,
      });
    }
    if (keys.length) probes.push({ kind: "name_birth_date", where: and(eq(other.birthDate, person.birthDate), sql`${similarity} >= ${threshold}`) });

    for (const probe of probes) {
      const rows = await tx
        .select({
          otherPersonId: other.id,
          otherCaseId: cases.id,
          otherOwnerId: cases.ownerId,
          otherService: cases.service,
          otherStatus: cases.status,
          score: similarity,
        })
        .from(other)
        .innerJoin(caseParties, and(eq(caseParties.personId, other.id), inArray(caseParties.role, [...COMPARED_ROLES])))
        .innerJoin(cases, eq(cases.id, caseParties.caseId))
        .where(and(probe.where, ne(cases.id, c.id), ne(cases.status, "draft"), ne(other.id, person.id)))
        .limit(MAX_CANDIDATES_PER_PERSON * 2);
      for (const r of rows) {
        const id = `${person.id}:${r.otherCaseId}:${r.otherPersonId}`;
        const m = matches.get(id) ?? { ...r, personId: person.id, kinds: new Set<MatchKind>(), score: Number(r.score) };
        m.kinds.add(probe.kind);
        matches.set(id, m);
      }
    }
  }

  const kept = [...matches.values()].filter((m) => !isOwnHistory(c, m));
  const perPerson = new Map<string, Match[]>();
  for (const m of kept) perPerson.set(m.personId, [...(perPerson.get(m.personId) ?? []), m]);
  const rows = [...perPerson.values()].flatMap((list) =>
    list
      .sort((a, b) => b.kinds.size - a.kinds.size || b.score - a.score)
      .slice(0, MAX_CANDIDATES_PER_PERSON)
      .map((m) => ({
        caseId: c.id,
        personId: m.personId,
        otherCaseId: m.otherCaseId,
        otherPersonId: m.otherPersonId,
        matchKinds: [...m.kinds].sort(),
        score: m.score,
        createdAt: now,
      })),
  );
  if (!rows.length) return c;
  await tx.insert(duplicateCandidates).values(rows);
  const flags = [...new Set([...c.flags, POTENTIAL_DUPLICATE])];
  const [updated] = await tx.update(cases).set({ flags }).where(eq(cases.id, c.id)).returning();
  return toSnapshot(updated!);
}

export type DuplicateOutcome = "same_person" | "not_same";

const WORKERS = new Set(["officer", "supervisor"]);

/** The record a person has been linked to as the same person, or the person's own id. */
async function identityOf(tx: Tx, personId: string): Promise<string> {
  const [p] = await tx.select({ id: people.id, sameAs: people.sameAs }).from(people).where(eq(people.id, personId));
  return p?.sameAs ?? personId;
}

/**
 * "Same person" keeps one record as the identity: the earlier record's identity absorbs the new
 * one (and anything already linked to the new one), so a later check meets one identity, not a chain.
 */
async function linkSamePerson(tx: Tx, personId: string, otherPersonId: string): Promise<void> {
  const [kept, absorbed] = await Promise.all([identityOf(tx, otherPersonId), identityOf(tx, personId)]);
  if (kept === absorbed) return;
  await tx
    .update(people)
    .set({ sameAs: kept })
    .where(or(eq(people.id, absorbed), eq(people.sameAs, absorbed)));
}

/**
 * An officer or supervisor resolves one candidate of a flagged case, in the style of the
 * assignment functions: the case must be theirs (region and service), at the version they saw; one
 * internal event records the outcome; the flag goes once every candidate is resolved.
 */
export async function resolveDuplicate(
  db: Db,
  viewer: Viewer,
  caseId: string,
  candidateId: string,
  outcome: DuplicateOutcome,
  expectedVersion: number,
  now = new Date(),
): Promise<PerformResult> {
  try {
    return await db.transaction(async (tx) => {
      if (!WORKERS.has(viewer.role)) throw new Rollback({ ok: false, error: "forbidden" });
      const current = await loadVisibleCase(tx, actingAs(viewer), caseId);
      if (!current) throw new Rollback({ ok: false, error: "not_found" });
      if (current.version !== expectedVersion) throw new Rollback({ ok: false, error: "version_conflict", currentVersion: current.version });
      const held = assignmentViolation(viewer, current, now);
      if (held) throw new Rollback({ ok: false, error: "rule_violation", violations: [held] });

      const [candidate] = await tx
        .update(duplicateCandidates)
        .set({ status: outcome, resolvedBy: viewer.userId, resolvedAt: now })
        .where(and(eq(duplicateCandidates.id, candidateId), eq(duplicateCandidates.caseId, current.id), eq(duplicateCandidates.status, "open")))
        .returning();
      if (!candidate) throw new Rollback({ ok: false, error: "rule_violation", violations: [{ rule: "X-DUP", messageKey: "integrity.duplicates.alreadyResolved" }] });
      if (outcome === "same_person") await linkSamePerson(tx, candidate.personId, candidate.otherPersonId);

      const [stillOpen] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(duplicateCandidates)
        .where(and(eq(duplicateCandidates.caseId, current.id), eq(duplicateCandidates.status, "open")));
      const flags = stillOpen!.n > 0 ? current.flags : current.flags.filter((f) => f !== POTENTIAL_DUPLICATE);
      const [otherCase] = await tx.select({ reference: cases.reference }).from(cases).where(eq(cases.id, candidate.otherCaseId));
      const recorded = await recordCaseEvent(tx, {
        viewer,
        current,
        expectedVersion,
        now,
        action: "resolve_duplicate",
        set: { flags },
        payload: { candidateId, outcome, otherCaseReference: otherCase?.reference ?? null, matchKinds: candidate.matchKinds, openLeft: stillOpen!.n },
      });
      return { ok: true as const, ...recorded };
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result;
    throw e;
  }
}
