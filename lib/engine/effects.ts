import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { decisions, issuedDocuments, notifications, referenceCounters, scheduledJobs, users } from "@/db/schema";
import { hasSmsText } from "@/lib/notify/render";
import { formatCaseReference } from "@/lib/rules/case-reference";
import { newVerificationToken } from "@/lib/documents/tokens";
import { checkAttachment, storeAttachment } from "@/lib/attachments/store";
import { Rollback } from "./perform";
import type { EffectContext, RuleViolation } from "./types";

/** Building blocks for service effects; they run inside the engine's transaction. */

/**
 * For rules that need the database (caps, quotas, capacity): an effect checks them under a row
 * lock in the engine's transaction and calls this to undo the whole action with the violation.
 */
export function refuseAction(...violations: RuleViolation[]): never {
  throw new Rollback({ ok: false, error: "rule_violation", violations });
}

/**
 * Writes a message to a person into the outbox, in the transition's transaction. A dedupe key makes
 * a repeated job run write it once. An in-app message is also emailed; when its template has a
 * short "<key>Sms" text and the recipient gave a phone number, an SMS row is written beside it.
 */
export async function notify(
  tx: Tx,
  n: { userId: string; caseId?: string | null; template: string; params?: Record<string, string | number>; locale: string; channel?: "in_app" | "email" | "sms"; dedupeKey?: string; at?: Date },
): Promise<void> {
  const channel = n.channel ?? "in_app";
  const row = {
    userId: n.userId,
    caseId: n.caseId ?? null,
    template: n.template,
    params: n.params ?? {},
    locale: n.locale,
    ...(n.at ? { createdAt: n.at } : {}),
  };
  await tx
    .insert(notifications)
    .values({ ...row, channel, dedupeKey: n.dedupeKey ?? null })
    .onConflictDoNothing({ target: notifications.dedupeKey });
  if (channel !== "in_app" || !(await hasSmsText(n.template))) return;
  const [recipient] = await tx.select({ phone: users.phone }).from(users).where(eq(users.id, n.userId));
  if (!recipient?.phone) return;
  await tx
    .insert(notifications)
    .values({ ...row, channel: "sms", dedupeKey: n.dedupeKey ? `${n.dedupeKey}:sms` : null })
    .onConflictDoNothing({ target: notifications.dedupeKey });
}

export async function recordDecision(
  tx: Tx,
  d: { caseId: string; outcome: string; reasonCode?: string | null; reasonText?: string | null; decidedBy: string | null; issuingBody: string; at: Date },
): Promise<void> {
  await tx.insert(decisions).values({
    caseId: d.caseId,
    outcome: d.outcome,
    reasonCode: d.reasonCode ?? null,
    reasonText: d.reasonText ?? null,
    decidedBy: d.decidedBy,
    decidedAt: d.at,
    issuingBody: d.issuingBody,
  });
}

export async function issueDocument(
  tx: Tx,
  d: {
    caseId: string;
    type: string;
    numberPrefix: string;
    validFrom: string;
    validUntil: string;
    holderDisplayName: string;
    holderBirthDate: string;
    content: Record<string, unknown>;
    at: Date;
  },
): Promise<{ id: string; number: string; verificationToken: string }> {
  const year = Number(d.validFrom.slice(0, 4));
  const [counter] = await tx
    .insert(referenceCounters)
    .values({ prefix: d.numberPrefix, year, last: 1 })
    .onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { last: sql`${referenceCounters.last} + 1` } })
    .returning({ last: referenceCounters.last });
  const number = formatCaseReference(d.numberPrefix, year, counter!.last);
  const verificationToken = newVerificationToken();
  const [row] = await tx
    .insert(issuedDocuments)
    .values({
      caseId: d.caseId,
      type: d.type,
      number,
      validFrom: d.validFrom,
      validUntil: d.validUntil,
      verificationToken,
      holderDisplayName: d.holderDisplayName,
      holderBirthDate: d.holderBirthDate,
      content: d.content,
      issuedAt: d.at,
    })
    .returning({ id: issuedDocuments.id });
  return { id: row!.id, number, verificationToken };
}

export async function revokeDocumentsOfCase(tx: Tx, caseId: string, reason: string, at: Date): Promise<void> {
  await tx
    .update(issuedDocuments)
    .set({ revokedAt: at, revocationReason: reason })
    .where(and(eq(issuedDocuments.caseId, caseId), isNull(issuedDocuments.revokedAt)));
}

/**
 * Marks earlier documents as replaced by `replacementId` (a re-issue: permit extension, renewed
 * certificate). They are revoked too, so the old paper stops counting as valid anywhere; public
 * verification tells "replaced" apart from a revocation.
 */
export async function replaceDocuments(tx: Tx, d: { caseId?: string; ids?: string[]; replacementId: string; at: Date }): Promise<void> {
  const which = d.ids ? (d.ids.length ? inArray(issuedDocuments.id, d.ids) : sql`false`) : d.caseId ? eq(issuedDocuments.caseId, d.caseId) : sql`false`;
  await tx
    .update(issuedDocuments)
    .set({ revokedAt: d.at, revocationReason: "replaced", replacedBy: d.replacementId })
    .where(and(which, isNull(issuedDocuments.revokedAt), ne(issuedDocuments.id, d.replacementId)));
}

export async function scheduleJob(tx: Tx, job: { kind: string; caseId: string | null; runAt: Date; payload?: Record<string, unknown> }): Promise<void> {
  await tx.insert(scheduledJobs).values({ kind: job.kind, caseId: job.caseId, runAt: job.runAt, payload: job.payload ?? null });
}

/**
 * Stores a file the action carries, typed by its bytes. A file that fails the check rolls the whole
 * action back with a rule violation, so no event claims a document that was not kept.
 */
export async function attachFile(
  ctx: EffectContext<{ kind: string; fileName: string; bytes: Uint8Array }>,
): Promise<void> {
  const checked = await checkAttachment(ctx.input.bytes, ctx.params, ctx.today);
  if (!checked.ok) refuseAction({ rule: "X-ATTACHMENT", messageKey: checked.messageKey, values: checked.values, path: ["file"] });
  await storeAttachment(ctx.tx, { caseId: ctx.next.id, kind: ctx.input.kind, fileName: ctx.input.fileName, bytes: ctx.input.bytes, uploadedBy: ctx.viewer.userId }, checked);
}
