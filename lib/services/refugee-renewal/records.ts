import { and, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "@/db/client";
import { caseParties, people, refugeeFamilies, refugeeStatuses, refugeeStatusTerms, type RefugeeStatusState } from "@/db/schema";
import { refuseAction } from "@/lib/engine/effects";
import type { Viewer } from "@/lib/engine/types";
import type { ParameterReader } from "@/lib/rules/parameters";
import { rf03ExtensionTerm, type Term } from "./rules";
import type { RfApplication } from "./schema";

/** The refugee status records a renewal case works on (RF-13, RF-16), always under the family's row lock. */

export type StatusRow = typeof refugeeStatuses.$inferSelect;

/** Locks the family of a status (SELECT … FOR UPDATE) and returns it with its members' statuses. */
export async function lockFamilyOfStatus(tx: Tx, statusId: string) {
  const [status] = await tx.select({ familyId: refugeeStatuses.familyId }).from(refugeeStatuses).where(eq(refugeeStatuses.id, statusId));
  if (!status) return null;
  const [family] = await tx.select().from(refugeeFamilies).where(eq(refugeeFamilies.id, status.familyId)).for("update");
  const members = await tx.select().from(refugeeStatuses).where(eq(refugeeStatuses.familyId, status.familyId));
  return { family: family!, members };
}

/**
 * Filing: the status must be the filer's (or, for staff filing at the counter, in their region), the
 * copy on the form must match the record, and no other renewal may be open for it. The principal's
 * and the remaining dependants' statuses become "extension_pending" with this case (RF-08).
 */
export async function openRenewal(tx: Tx, viewer: Viewer, caseId: string, app: RfApplication): Promise<void> {
  const locked = await lockFamilyOfStatus(tx, app.status.id);
  const principal = locked?.members.find((m) => m.id === app.status.id);
  const mayFile =
    locked &&
    principal &&
    principal.relation === "principal" &&
    (viewer.role === "applicant" ? locked.family.ownerId === viewer.userId : viewer.kind === "system" || viewer.regions.includes(principal.region));
  if (!locked || !principal || !mayFile) refuseAction({ rule: "RF-15", messageKey: "rf.rules.rf15NotYourStatus", path: ["status", "certificateNumber"] });
  if (principal.certificateNumber !== app.status.certificateNumber || principal.endsOn !== app.status.endsOn) {
    refuseAction({ rule: "RF-15", messageKey: "rf.rules.rf15StatusChanged", path: ["status", "certificateNumber"] });
  }
  if (principal.state === "extension_pending") refuseAction({ rule: "RF-08", messageKey: "rf.rules.rf08RenewalAlreadyOpen" });
  if (principal.state !== "active") refuseAction({ rule: "RF-13", messageKey: "rf.rules.rf13StatusNotActive", values: { state: principal.state } });

  const removed = new Set(app.familyChanges.flatMap((c) => (c.change === "remove" ? [c.statusId] : [])));
  for (const id of removed) {
    const member = locked.members.find((m) => m.id === id);
    if (!member || member.relation === "principal") refuseAction({ rule: "RF-16", messageKey: "rf.rules.rf16NotAFamilyMember", path: ["familyChanges"] });
  }
  const covered = locked.members.filter((m) => m.state === "active" && !removed.has(m.id) && m.endsOn === principal.endsOn).map((m) => m.id);
  await tx
    .update(refugeeStatuses)
    .set({ state: "extension_pending", openCaseId: caseId, updatedAt: sql`now()` })
    .where(inArray(refugeeStatuses.id, covered));
}

/** The statuses a renewal case protects and decides (those it put in "extension_pending"). */
export async function statusesOfCase(tx: DbOrTx, caseId: string): Promise<StatusRow[]> {
  return tx.select().from(refugeeStatuses).where(eq(refugeeStatuses.openCaseId, caseId));
}

/** RF-02/RF-03: every status the case covers gets its next term; the term history keeps each extension. */
export async function extendStatuses(tx: Tx, caseId: string, statusId: string, decidedOn: string, params: ParameterReader): Promise<Term | null> {
  await lockFamilyOfStatus(tx, statusId);
  const covered = await statusesOfCase(tx, caseId);
  let principalTerm: Term | null = null;
  for (const s of covered) {
    const term = rf03ExtensionTerm(s.endsOn, decidedOn, params);
    if (s.id === statusId) principalTerm = term;
    await tx.update(refugeeStatuses).set({ state: "active", openCaseId: null, startsOn: term.startsOn, endsOn: term.endsOn, remindersSent: [], updatedAt: sql`now()` }).where(eq(refugeeStatuses.id, s.id));
    await tx.insert(refugeeStatusTerms).values({ statusId: s.id, kind: "extension", caseId, startsOn: term.startsOn, endsOn: term.endsOn, decidedOn });
  }
  return principalTerm;
}

/** A withdrawn renewal leaves the statuses as they were; a final refusal ends them (RF-10, RF-13). */
export async function closeRenewal(tx: Tx, caseId: string, statusId: string, outcome: "withdrawn" | "ended", today: string): Promise<void> {
  await lockFamilyOfStatus(tx, statusId);
  for (const s of await statusesOfCase(tx, caseId)) {
    const state: RefugeeStatusState = outcome === "ended" || s.endsOn < today ? "expired" : "active";
    await tx.update(refugeeStatuses).set({ state, openCaseId: null, updatedAt: sql`now()` }).where(eq(refugeeStatuses.id, s.id));
  }
}

/** Certificate holders: the people whose statuses the case extended, with the new term. */
export async function holdersOfCase(tx: DbOrTx, caseId: string) {
  return tx
    .select({ status: refugeeStatuses, person: people, term: refugeeStatusTerms })
    .from(refugeeStatusTerms)
    .innerJoin(refugeeStatuses, eq(refugeeStatuses.id, refugeeStatusTerms.statusId))
    .innerJoin(people, eq(people.id, refugeeStatuses.personId))
    .where(eq(refugeeStatusTerms.caseId, caseId))
    .orderBy(refugeeStatuses.relation);
}

const holder = alias(people, "refugee_holder");

/**
 * RF-08: whether the applicant of a (temporary registration) case is a refugee whose renewal or
 * complaint is open. People are matched on name and birth date, as registrations hold passports
 * and refugee records hold refugee documents.
 */
export async function hasOpenRefugeeRenewal(db: DbOrTx, caseId: string): Promise<boolean> {
  const rows = await db
    .select({ id: refugeeStatuses.id })
    .from(caseParties)
    .innerJoin(people, eq(people.id, caseParties.personId))
    .innerJoin(
      holder,
      and(sql`upper(${holder.surname}) = upper(${people.surname})`, sql`upper(${holder.givenNames}) = upper(${people.givenNames})`, eq(holder.birthDate, people.birthDate)),
    )
    .innerJoin(refugeeStatuses, eq(refugeeStatuses.personId, holder.id))
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, "applicant"), eq(refugeeStatuses.state, "extension_pending")))
    .limit(1);
  return rows.length > 0;
}
