import { eq } from "drizzle-orm";
import { cases } from "@/db/schema";
import { AWAITING_INFORMATION, INFORMATION_OVERDUE_JOB, conversationOf } from "@/lib/engine/conversation";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER } from "@/lib/engine/types";
import { registerJobHandler } from "./registry";

/**
 * X-HEAR-08: the day after an applicant's term to answer ends, a case still waiting for that same
 * request is flagged and the officer who asked is told; the officer then goes on without the answer
 * (or prepares a refusal). The case is never decided by the job itself.
 */
registerJobHandler(INFORMATION_OVERDUE_JOB, async (db, job, now) => {
  if (!job.caseId) return;
  const [row] = await db.select().from(cases).where(eq(cases.id, job.caseId));
  const request = row ? conversationOf(row.data as Record<string, unknown>).information : undefined;
  if (!row || row.status !== AWAITING_INFORMATION || !request || request.requestedOn !== (job.payload as { requestedOn?: string } | null)?.requestedOn) return;
  await perform(db, SYSTEM_VIEWER, row.id, "flag_information_overdue", {}, row.version, { now });
});
