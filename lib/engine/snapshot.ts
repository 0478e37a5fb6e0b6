import { cases } from "@/db/schema";
import type { CaseSnapshot } from "./types";

export function toSnapshot(row: typeof cases.$inferSelect): CaseSnapshot {
  return {
    id: row.id,
    service: row.service,
    reference: row.reference,
    status: row.status,
    flags: row.flags,
    region: row.region,
    ownerId: row.ownerId,
    assigneeId: row.assigneeId,
    leaseExpiresAt: row.leaseExpiresAt,
    data: row.data as Record<string, unknown>,
    dueOn: row.dueOn,
    clockRemainingDays: row.clockRemainingDays,
    version: row.version,
    submittedAt: row.submittedAt,
    decidedAt: row.decidedAt,
    createdAt: row.createdAt,
  };
}
