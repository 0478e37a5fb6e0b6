import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Viewer } from "@/lib/engine/types";
import { breakGlassGrantFor } from "@/lib/engine/access";

export type AuditChannel = "page" | "api" | "action";

/** Who acted; a full Viewer fits. Null when nobody is signed in (a failed sign-in). */
export type AuditActor = Pick<Viewer, "kind" | "userId" | "role"> & { tokenId?: string; breakGlass?: Viewer["breakGlass"] };

export interface AuditEntry {
  viewer: AuditActor | null;
  /** Dotted verb, e.g. "case.view", "auth.sign_in_failed", "api_token.issue". */
  action: string;
  caseId?: string | null;
  /** What was acted on when it is not a case: an email, a token id, a user id. */
  target?: string | null;
  channel: AuditChannel;
  ip?: string | null;
  /** Never secrets: no passwords, no token values. */
  details?: Record<string, unknown> | null;
}

/**
 * Appends to audit_log (views, sign-ins, token issuance — case transitions go to case_events).
 * Runs on the handle it is given, so inside a transaction it commits or rolls back with the change.
 */
export async function recordAudit(db: DbOrTx, entry: AuditEntry): Promise<void> {
  const grant = entry.viewer ? breakGlassGrantFor(entry.viewer, entry.caseId) : null;
  const extra = { ...(entry.viewer?.tokenId ? { tokenId: entry.viewer.tokenId } : {}), ...(grant ? { breakGlassGrantId: grant.grantId } : {}) };
  // Every read of a case under a break-glass grant names the grant, so the review sees what it covered.
  const details = Object.keys(extra).length ? { ...entry.details, ...extra } : (entry.details ?? null);
  await db.insert(auditLog).values({
    actorId: entry.viewer?.userId ?? null,
    actorRole: entry.viewer?.role ?? null,
    action: entry.action,
    caseId: entry.caseId ?? null,
    target: entry.target ?? null,
    channel: entry.channel,
    ip: entry.ip ?? null,
    details,
  });
}
