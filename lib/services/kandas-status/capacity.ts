import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { accommodationCentres, centrePlacements, kandasQuotas, kandasWaitlist } from "@/db/schema";
import { refuseAction } from "@/lib/engine/effects";
import { kd04QuotaHasPlace, kd10CentreHasRoom, QUOTA_PLACES_PER_FAMILY } from "./rules";

/**
 * Rules that need the database (KD-04 quota, KD-06 wait-list order, KD-10 centre capacity). They run
 * inside the engine's transaction and lock the parent row first, so concurrent decisions queue on
 * the lock and each sees the count the previous one left; a refusal rolls the whole action back.
 */

async function lockQuota(tx: Tx, region: string, year: number) {
  const [row] = await tx
    .select()
    .from(kandasQuotas)
    .where(and(eq(kandasQuotas.region, region), eq(kandasQuotas.year, year)))
    .for("update");
  return row ?? null;
}

/** KD-04: takes one family place in the region's quota for the year, or refuses the inclusion. */
export async function takeQuotaPlace(tx: Tx, region: string, year: number): Promise<void> {
  const quota = await lockQuota(tx, region, year);
  const full = kd04QuotaHasPlace(quota, region, year);
  if (full || !quota) return refuseAction(full!);
  await tx
    .update(kandasQuotas)
    .set({ familiesUsed: sql`${kandasQuotas.familiesUsed} + ${QUOTA_PLACES_PER_FAMILY}`, updatedAt: new Date() })
    .where(eq(kandasQuotas.id, quota.id));
}

/** A family goes to the wait-list only when the region has no place left this year (KD-04, KD-06). */
export async function addToWaitlist(tx: Tx, entry: { caseId: string; region: string; year: number; priorityScore: number; at: Date }): Promise<void> {
  const quota = await lockQuota(tx, entry.region, entry.year);
  if (quota && kd04QuotaHasPlace(quota, entry.region, entry.year) === null) {
    refuseAction({ rule: "KD-04", messageKey: "kd.rules.kd04PlacesLeft", values: { free: quota.familiesAllocated - quota.familiesUsed } });
  }
  await tx.insert(kandasWaitlist).values({ caseId: entry.caseId, region: entry.region, year: entry.year, priorityScore: entry.priorityScore, listedAt: entry.at });
}

/** The wait-list of a region in order: highest priority first, then the earliest listed. */
const waitlistOrder = [sql`${kandasWaitlist.priorityScore} desc`, asc(kandasWaitlist.listedAt), asc(kandasWaitlist.id)];

/**
 * Takes a family off the wait-list back to quota review. Only the head of the region's list may go,
 * and only when the region has a place again (a freed place or the next year's quota).
 */
export async function leaveWaitlist(tx: Tx, caseId: string, region: string, year: number, at: Date): Promise<void> {
  const quota = await lockQuota(tx, region, year);
  const full = kd04QuotaHasPlace(quota, region, year);
  if (full) refuseAction(full);
  const [head] = await tx
    .select({ caseId: kandasWaitlist.caseId })
    .from(kandasWaitlist)
    .where(and(eq(kandasWaitlist.region, region), isNull(kandasWaitlist.leftAt)))
    .orderBy(...waitlistOrder)
    .limit(1);
  if (head && head.caseId !== caseId) refuseAction({ rule: "KD-06", messageKey: "kd.rules.kd06NotFirst" });
  await tx.update(kandasWaitlist).set({ leftAt: at }).where(and(eq(kandasWaitlist.caseId, caseId), isNull(kandasWaitlist.leftAt)));
}

/** A family's place on its region's wait-list (1 = next), or null when it is not waiting. */
export async function waitlistPosition(db: DbOrTx, caseId: string): Promise<{ position: number; waiting: number; region: string } | null> {
  const [mine] = await db
    .select()
    .from(kandasWaitlist)
    .where(and(eq(kandasWaitlist.caseId, caseId), isNull(kandasWaitlist.leftAt)))
    .limit(1);
  if (!mine) return null;
  const [counts] = await db
    .select({
      ahead: sql<number>`count(*) filter (where ${kandasWaitlist.priorityScore} > ${mine.priorityScore}
        or (${kandasWaitlist.priorityScore} = ${mine.priorityScore} and (${kandasWaitlist.listedAt}, ${kandasWaitlist.id}) < (${mine.listedAt.toISOString()}::timestamptz, ${mine.id}::uuid)))::int`,
      waiting: sql<number>`count(*)::int`,
    })
    .from(kandasWaitlist)
    .where(and(eq(kandasWaitlist.region, mine.region), isNull(kandasWaitlist.leftAt)));
  return { position: (counts?.ahead ?? 0) + 1, waiting: counts?.waiting ?? 1, region: mine.region };
}

/** KD-10: places a family in a centre if its capacity (in the centre's own unit) allows. */
export async function placeInCentre(tx: Tx, p: { centreId: string; caseId: string; persons: number; on: string }) {
  const [centre] = await tx.select().from(accommodationCentres).where(eq(accommodationCentres.id, p.centreId)).for("update");
  if (!centre) return refuseAction({ rule: "KD-10", messageKey: "kd.rules.kd10UnknownCentre", path: ["centreId"] });
  const full = kd10CentreHasRoom(centre, p.persons);
  if (full) refuseAction(full);
  await tx.insert(centrePlacements).values({ centreId: centre.id, caseId: p.caseId, persons: p.persons, placedOn: p.on });
  await tx
    .update(accommodationCentres)
    .set({ occupiedFamilies: sql`${accommodationCentres.occupiedFamilies} + 1`, occupiedPersons: sql`${accommodationCentres.occupiedPersons} + ${p.persons}` })
    .where(eq(accommodationCentres.id, centre.id));
  return centre;
}

/** Ends the family's current placement and frees its places. */
export async function releaseFromCentre(tx: Tx, caseId: string, on: string): Promise<void> {
  const [placement] = await tx
    .update(centrePlacements)
    .set({ releasedOn: on })
    .where(and(eq(centrePlacements.caseId, caseId), isNull(centrePlacements.releasedOn)))
    .returning();
  if (!placement) return refuseAction({ rule: "KD-09", messageKey: "kd.rules.kd09NotPlaced" });
  await tx
    .update(accommodationCentres)
    .set({ occupiedFamilies: sql`${accommodationCentres.occupiedFamilies} - 1`, occupiedPersons: sql`${accommodationCentres.occupiedPersons} - ${placement.persons}` })
    .where(eq(accommodationCentres.id, placement.centreId));
}
