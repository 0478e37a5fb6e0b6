import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { people, refugeeFamilies, refugeeMonthlyLists, refugeeStatuses, refugeeStatusTerms, users } from "@/db/schema";
import { loadVisibleCase } from "@/lib/engine/perform";
import type { Viewer } from "@/lib/engine/types";
import { RF_SERVICE } from "@/lib/services/ids";
import { recordAudit, type AuditChannel } from "./audit";

/**
 * Refugee data is the most sensitive in the system: it is read only through these functions, which
 * let in only the region's officers and supervisors of the service, the central reviewer and
 * auditors (or the refugee themself), and record every staff read in the audit log.
 */

export type StatusWithPerson = typeof refugeeStatuses.$inferSelect & {
  person: Pick<typeof people.$inferSelect, "surname" | "givenNames" | "birthDate" | "sex">;
  terms: (typeof refugeeStatusTerms.$inferSelect)[];
};

async function familyStatuses(db: DbOrTx, familyId: string): Promise<StatusWithPerson[]> {
  const rows = await db
    .select({ status: refugeeStatuses, person: { surname: people.surname, givenNames: people.givenNames, birthDate: people.birthDate, sex: people.sex } })
    .from(refugeeStatuses)
    .innerJoin(people, eq(people.id, refugeeStatuses.personId))
    .where(eq(refugeeStatuses.familyId, familyId))
    .orderBy(asc(people.birthDate));
  const terms = rows.length
    ? await db.select().from(refugeeStatusTerms).where(inArray(refugeeStatusTerms.statusId, rows.map((r) => r.status.id))).orderBy(asc(refugeeStatusTerms.startsOn))
    : [];
  // The principal first, then dependants from the oldest.
  return rows
    .map((r) => ({ ...r.status, person: r.person, terms: terms.filter((t) => t.statusId === r.status.id) }))
    .sort((a, b) => Number(b.relation === "principal") - Number(a.relation === "principal"));
}

/** The signed-in refugee's own family and statuses (they are the principal), or null. */
export async function myRefugeeFamily(db: DbOrTx, viewer: Viewer): Promise<{ principal: StatusWithPerson; members: StatusWithPerson[] } | null> {
  if (viewer.role !== "applicant" || !viewer.userId) return null;
  const [family] = await db.select().from(refugeeFamilies).where(eq(refugeeFamilies.ownerId, viewer.userId)).limit(1);
  if (!family) return null;
  const members = await familyStatuses(db, family.id);
  const principal = members.find((m) => m.relation === "principal");
  return principal ? { principal, members } : null;
}

const STATUS_READERS = new Set(["officer", "supervisor", "reviewer", "auditor"]);

/**
 * The status records behind a renewal case, for staff who may see the case; the read is audited.
 * Null when the viewer may not see the case or the case is not a renewal.
 */
export async function statusRecordsOfCase(db: DbOrTx, viewer: Viewer, caseId: string, channel: AuditChannel = "page"): Promise<StatusWithPerson[] | null> {
  if (!STATUS_READERS.has(viewer.role) && viewer.role !== "applicant") return null;
  const c = await loadVisibleCase(db, viewer, caseId);
  if (!c || c.service !== RF_SERVICE) return null;
  const statusId = (c.data as { status?: { id?: string } }).status?.id;
  if (!statusId) return null;
  const [status] = await db.select({ familyId: refugeeStatuses.familyId }).from(refugeeStatuses).where(eq(refugeeStatuses.id, statusId));
  if (!status) return null;
  const members = await familyStatuses(db, status.familyId);
  if (viewer.role !== "applicant") {
    await recordAudit(db, { viewer, action: "refugee_status.view", caseId, target: status.familyId, channel, details: { statuses: members.map((m) => m.id) } });
  }
  return members;
}

// ---------------------------------------------------------------- monthly lists (RF-11)

/** Supervisors of the refugee service and auditors may download the lists sent to national security. */
export function mayReadRefugeeLists(viewer: Viewer): boolean {
  return viewer.role === "auditor" || (viewer.role === "supervisor" && viewer.services.includes(RF_SERVICE));
}

export async function listRefugeeLists(db: DbOrTx, viewer: Viewer) {
  if (!mayReadRefugeeLists(viewer)) return null;
  return db
    .select({ id: refugeeMonthlyLists.id, periodStart: refugeeMonthlyLists.periodStart, periodEnd: refugeeMonthlyLists.periodEnd, producedAt: refugeeMonthlyLists.producedAt, rowCount: refugeeMonthlyLists.rowCount })
    .from(refugeeMonthlyLists)
    .orderBy(desc(refugeeMonthlyLists.periodStart))
    .limit(120);
}

/** One list's file; every download is recorded with who took it. */
export async function downloadRefugeeList(db: DbOrTx, viewer: Viewer, id: string, format: "csv" | "pdf", ip: string | null) {
  if (!mayReadRefugeeLists(viewer) || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [list] = await db.select().from(refugeeMonthlyLists).where(eq(refugeeMonthlyLists.id, id));
  if (!list) return null;
  await recordAudit(db, { viewer, action: "refugee_list.download", target: list.id, channel: "page", ip, details: { period: list.periodStart, format } });
  return list;
}

/** Display names of staff who acted on a case (votes, assessment), for staff pages only. */
export async function staffNames(db: DbOrTx, viewer: Viewer, ids: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id)))];
  if (!STATUS_READERS.has(viewer.role) || !wanted.length) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}
