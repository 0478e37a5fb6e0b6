import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases } from "@/db/schema";
import { caseVisibility } from "@/lib/engine/access";
import type { Viewer } from "@/lib/engine/types";
import { todayInKazakhstan } from "@/lib/rules/dates";

/** Counts for the staff landing page, within what the viewer may see. */
export interface QueueCounts {
  submitted: number;
  underReview: number;
  returned: number;
  /** Cases with a running clock whose due date is before today (Kazakhstan time). */
  overdue: number;
}

export interface QueueStats {
  totals: QueueCounts;
  /** One row per region that has at least one counted case, ordered by region code. */
  byRegion: (QueueCounts & { region: string })[];
}

const EMPTY: QueueCounts = { submitted: 0, underReview: 0, returned: 0, overdue: 0 };

/**
 * Submitted / under review / returned / overdue cases per region, filtered by caseVisibility so an
 * officer only counts cases of their own regions and services. The due date is cleared when a case
 * is decided and while its clock is stopped, so "overdue" only ever counts cases still waiting.
 */
export async function queueStats(db: DbOrTx, viewer: Viewer, options: { service?: string; today?: string } = {}): Promise<QueueStats> {
  const today = options.today ?? todayInKazakhstan();
  const counted = sql`(${cases.status} in ('submitted', 'under_review', 'returned_for_correction') or ${cases.dueOn} < ${today}::date)`;
  const rows = await db
    .select({
      region: cases.region,
      submitted: sql<number>`count(*) filter (where ${cases.status} = 'submitted')::int`,
      underReview: sql<number>`count(*) filter (where ${cases.status} = 'under_review')::int`,
      returned: sql<number>`count(*) filter (where ${cases.status} = 'returned_for_correction')::int`,
      overdue: sql<number>`count(*) filter (where ${cases.dueOn} < ${today}::date)::int`,
    })
    .from(cases)
    .where(and(caseVisibility(viewer), options.service ? eq(cases.service, options.service) : undefined, counted))
    .groupBy(cases.region)
    .orderBy(asc(cases.region));

  const byRegion = rows.map((r) => ({ region: r.region, submitted: Number(r.submitted), underReview: Number(r.underReview), returned: Number(r.returned), overdue: Number(r.overdue) }));
  const totals = byRegion.reduce<QueueCounts>(
    (sum, r) => ({ submitted: sum.submitted + r.submitted, underReview: sum.underReview + r.underReview, returned: sum.returned + r.returned, overdue: sum.overdue + r.overdue }),
    { ...EMPTY },
  );
  return { totals, byRegion };
}
