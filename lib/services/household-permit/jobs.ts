import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases } from "@/db/schema";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER } from "@/lib/engine/types";
import { registerJobHandler } from "@/lib/jobs/registry";

/** Runs a system action on a case at its current version; the action's guards decide whether it is due. */
async function systemAction(db: Db, caseId: string | null, action: string, from: readonly string[], now: Date): Promise<void> {
  if (!caseId) return;
  const [row] = await db.select({ status: cases.status, version: cases.version }).from(cases).where(eq(cases.id, caseId));
  // Paid, withdrawn or extended since the job was scheduled: nothing to do.
  if (!row || !from.includes(row.status)) return;
  const result = await perform(db, SYSTEM_VIEWER, caseId, action, {}, row.version, { now });
  if (!result.ok && result.error !== "rule_violation") throw new Error(`${action} on ${caseId}: ${result.error}`);
}

// HP-14: an approval lapses when the fee has not been paid in time.
registerJobHandler("hp_payment_lapse", (db, job, now) => systemAction(db, job.caseId, "lapse", ["approved_awaiting_payment"], now));
// The contract named at filing starts once the permit is issued (unless it started already).
registerJobHandler("hp_contract_start", (db, job, now) => systemAction(db, job.caseId, "activate_contract", ["issued"], now));
// The permit ends on its last day; an extension moves that day and its guard then refuses the early run.
registerJobHandler("hp_permit_end", (db, job, now) => systemAction(db, job.caseId, "expire", ["issued", "active", "extension_requested"], now));
