import type { Db } from "@/db/client";
import { approveProposal } from "@/lib/engine/approvals";
import { perform } from "@/lib/engine/perform";
import type { PerformResult, Viewer } from "@/lib/engine/types";

/**
 * A decision that needs approval (four-eyes): the proposer performs it, which records a proposal,
 * and the approver approves it. Any other outcome of the proposal is returned as it is.
 */
export async function performApproved(
  db: Db,
  proposer: Viewer,
  approver: Viewer,
  caseId: string,
  action: string,
  input: unknown,
  version: number,
  options: { now?: Date } = {},
): Promise<PerformResult> {
  const proposed = await perform(db, proposer, caseId, action, input, version, options);
  if (proposed.ok || proposed.error !== "approval_requested") return proposed;
  return approveProposal(db, approver, proposed.approvalId, options.now);
}
