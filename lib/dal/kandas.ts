import "server-only";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { accommodationCentres, cases, centrePlacements, kandasBenefits, kandasNationalQuotas, kandasQuotas, regions } from "@/db/schema";
import { caseVisibility } from "@/lib/engine/access";
import type { RuleViolation, Viewer } from "@/lib/engine/types";
import { waitlistPosition } from "@/lib/services/kandas-status/capacity";
import { recordAudit } from "./audit";

/**
 * Kandas quotas (KD-04, KD-05), centres (KD-09, KD-10) and benefits (KD-11). The planner's writes
 * lock the year's national row, so two planners splitting the same year cannot over-allocate it;
 * a region's used count is never written here (only quota decisions change it).
 */

export type QuotaWriteResult = { ok: true } | { ok: false; error: "forbidden" } | { ok: false; error: "rule_violation"; violation: RuleViolation };

const refused = (violation: RuleViolation): QuotaWriteResult => ({ ok: false, error: "rule_violation", violation });
const isPlanner = (viewer: Viewer) => viewer.kind === "user" && viewer.role === "quota_planner";

export interface RegionQuotaRow {
  region: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  allocated: number;
  used: number;
  free: number;
}

export interface YearQuota {
  year: number;
  national: number | null;
  basis: string | null;
  allocated: number;
  used: number;
  regions: RegionQuotaRow[];
}

/** A year's national quota and its regional split; public (KD-15), so it carries no personal data. */
export async function quotaOfYear(db: DbOrTx, year: number): Promise<YearQuota> {
  const [national] = await db.select().from(kandasNationalQuotas).where(eq(kandasNationalQuotas.year, year));
  const rows = await db
    .select({
      region: kandasQuotas.region,
      nameKk: regions.nameKk,
      nameRu: regions.nameRu,
      nameEn: regions.nameEn,
      allocated: kandasQuotas.familiesAllocated,
      used: kandasQuotas.familiesUsed,
    })
    .from(kandasQuotas)
    .innerJoin(regions, eq(regions.code, kandasQuotas.region))
    .where(eq(kandasQuotas.year, year))
    .orderBy(asc(regions.code));
  const list = rows.map((r) => ({ ...r, free: r.allocated - r.used }));
  return {
    year,
    national: national?.families ?? null,
    basis: national?.basis ?? null,
    allocated: list.reduce((s, r) => s + r.allocated, 0),
    used: list.reduce((s, r) => s + r.used, 0),
    regions: list,
  };
}

/** Years with a national quota, newest first. */
export async function quotaYears(db: DbOrTx): Promise<number[]> {
  const rows = await db.select({ year: kandasNationalQuotas.year }).from(kandasNationalQuotas).orderBy(sql`${kandasNationalQuotas.year} desc`);
  return rows.map((r) => r.year);
}

/** KD-04: the planner enters the national quota for a year; it cannot fall below what is already split. */
export async function setNationalQuota(db: Db, viewer: Viewer, input: { year: number; families: number; basis?: string }): Promise<QuotaWriteResult> {
  if (!isPlanner(viewer)) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx): Promise<QuotaWriteResult> => {
    await tx
      .insert(kandasNationalQuotas)
      .values({ year: input.year, families: 0, basis: input.basis ?? null, updatedBy: viewer.userId })
      .onConflictDoNothing({ target: kandasNationalQuotas.year });
    await tx.select().from(kandasNationalQuotas).where(eq(kandasNationalQuotas.year, input.year)).for("update");
    const [split] = await tx.select({ n: sql<number>`coalesce(sum(${kandasQuotas.familiesAllocated}), 0)::int` }).from(kandasQuotas).where(eq(kandasQuotas.year, input.year));
    if ((split?.n ?? 0) > input.families) {
      return refused({ rule: "KD-04", messageKey: "kd.rules.kd04NationalBelowSplit", values: { split: split?.n ?? 0 }, path: ["families"] });
    }
    await tx
      .update(kandasNationalQuotas)
      .set({ families: input.families, basis: input.basis ?? null, updatedBy: viewer.userId, updatedAt: new Date() })
      .where(eq(kandasNationalQuotas.year, input.year));
    await recordAudit(tx, { viewer, action: "kandas_quota.national", target: String(input.year), channel: "action", details: { families: input.families } });
    return { ok: true };
  });
}

/**
 * KD-04: the planner gives a region its share of the year's quota. The sum over regions stays within
 * the national quota, and a region never gets less than it has already used.
 */
export async function setRegionalQuota(db: Db, viewer: Viewer, input: { year: number; region: string; families: number }): Promise<QuotaWriteResult> {
  if (!isPlanner(viewer)) return { ok: false, error: "forbidden" };
  return db.transaction(async (tx): Promise<QuotaWriteResult> => {
    const [national] = await tx.select().from(kandasNationalQuotas).where(eq(kandasNationalQuotas.year, input.year)).for("update");
    if (!national) return refused({ rule: "KD-04", messageKey: "kd.rules.kd04NoNationalQuota", values: { year: input.year }, path: ["families"] });
    const [others] = await tx
      .select({ n: sql<number>`coalesce(sum(${kandasQuotas.familiesAllocated}), 0)::int` })
      .from(kandasQuotas)
      .where(and(eq(kandasQuotas.year, input.year), ne(kandasQuotas.region, input.region)));
    const left = national.families - (others?.n ?? 0);
    if (input.families > left) {
      return refused({ rule: "KD-04", messageKey: "kd.rules.kd04OverNational", values: { left }, path: ["families"] });
    }
    const [current] = await tx.select().from(kandasQuotas).where(and(eq(kandasQuotas.year, input.year), eq(kandasQuotas.region, input.region))).for("update");
    if (current && input.families < current.familiesUsed) {
      return refused({ rule: "KD-04", messageKey: "kd.rules.kd04BelowUsed", values: { used: current.familiesUsed }, path: ["families"] });
    }
    if (current) {
      await tx.update(kandasQuotas).set({ familiesAllocated: input.families, updatedBy: viewer.userId, updatedAt: new Date() }).where(eq(kandasQuotas.id, current.id));
    } else {
      await tx.insert(kandasQuotas).values({ year: input.year, region: input.region, familiesAllocated: input.families, updatedBy: viewer.userId });
    }
    await recordAudit(tx, { viewer, action: "kandas_quota.region", target: `${input.year}:${input.region}`, channel: "action", details: { families: input.families } });
    return { ok: true };
  });
}

export interface CentreOccupancy {
  id: string;
  code: string;
  kind: "tac" | "caio";
  region: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  capacityUnit: "families" | "persons";
  capacity: number;
  occupiedFamilies: number;
  occupiedPersons: number;
  /** Free places in the centre's own unit. */
  free: number;
}

/**
 * KD-10: every centre with its capacity and occupancy. Staff of the kandas service see the centres
 * of their regions; the dashboard reuses this with an all-regions viewer (auditor).
 */
export async function centreOccupancy(db: DbOrTx, viewer: Viewer): Promise<CentreOccupancy[]> {
  const national = viewer.kind === "system" || viewer.role === "auditor" || viewer.role === "quota_planner" || viewer.role === "reviewer";
  if (!national && !["officer", "supervisor", "clerk"].includes(viewer.role)) return [];
  const rows = await db.select().from(accommodationCentres).orderBy(asc(accommodationCentres.code));
  return rows
    .filter((c) => national || viewer.regions.includes(c.region))
    .map((c) => ({ ...c, free: c.capacity - (c.capacityUnit === "families" ? c.occupiedFamilies : c.occupiedPersons) }));
}

export interface BenefitRow {
  id: string;
  measure: string;
  amountKzt: number | null;
  note: string | null;
  grantedOn: string;
  withdrawnOn: string | null;
}

/** KD-11: the support measures of a case the viewer may see. */
export async function benefitsOfCase(db: DbOrTx, viewer: Viewer, caseId: string): Promise<BenefitRow[]> {
  return db
    .select({
      id: kandasBenefits.id,
      measure: kandasBenefits.measure,
      amountKzt: kandasBenefits.amountKzt,
      note: kandasBenefits.note,
      grantedOn: kandasBenefits.grantedOn,
      withdrawnOn: kandasBenefits.withdrawnOn,
    })
    .from(kandasBenefits)
    .innerJoin(cases, eq(cases.id, kandasBenefits.caseId))
    .where(and(eq(kandasBenefits.caseId, caseId), caseVisibility(viewer)))
    .orderBy(asc(kandasBenefits.grantedOn));
}

/** The centre a case's family lives in now, for a viewer who may see the case. */
export async function currentPlacement(db: DbOrTx, viewer: Viewer, caseId: string) {
  const [row] = await db
    .select({ centreId: centrePlacements.centreId, persons: centrePlacements.persons, placedOn: centrePlacements.placedOn, nameKk: accommodationCentres.nameKk, nameRu: accommodationCentres.nameRu, nameEn: accommodationCentres.nameEn })
    .from(centrePlacements)
    .innerJoin(accommodationCentres, eq(accommodationCentres.id, centrePlacements.centreId))
    .innerJoin(cases, eq(cases.id, centrePlacements.caseId))
    .where(and(eq(centrePlacements.caseId, caseId), isNull(centrePlacements.releasedOn), caseVisibility(viewer)))
    .limit(1);
  return row ?? null;
}

/** KD-06: a visible case's place on its region's wait-list. */
export async function waitlistPositionFor(db: DbOrTx, viewer: Viewer, caseId: string) {
  const [visible] = await db.select({ id: cases.id }).from(cases).where(and(eq(cases.id, caseId), caseVisibility(viewer))).limit(1);
  return visible ? waitlistPosition(db, caseId) : null;
}
