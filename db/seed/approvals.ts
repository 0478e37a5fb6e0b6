import type { Db } from "@/db/client";
import type { users } from "@/db/schema";
import { approveProposal } from "@/lib/engine/approvals";
import { perform } from "@/lib/engine/perform";
import type { PerformResult, Viewer } from "@/lib/engine/types";
import { OFFICE_REGIONS, supervisorEmail, viewerOf } from "./users";

/** The supervisor who approves the demo decisions of each office region. */
export function supervisorsByRegion(accounts: Map<string, typeof users.$inferSelect>): Map<string, Viewer> {
  return new Map(Object.keys(OFFICE_REGIONS).map((code) => [code, viewerOf(accounts.get(supervisorEmail(code))!)]));
}

/**
 * A four-eyes decision in the demo history: the officer proposes it, the region's supervisor approves
 * it a little later, both through the engine. Without an approver the proposal stays in the inbox.
 */
export async function decideWithApproval(
  db: Db,
  proposer: Viewer,
  approver: Viewer | null,
  caseId: string,
  action: string,
  input: Record<string, unknown>,
  version: number,
  now: Date,
): Promise<PerformResult> {
  const proposed = await perform(db, proposer, caseId, action, input, version, { now });
  if (proposed.ok || proposed.error !== "approval_requested" || !approver) return proposed;
  return approveProposal(db, approver, proposed.approvalId, new Date(now.getTime() + 2 * 3600_000));
}
