import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { issuedDocuments } from "@/db/schema";
import { isWellFormedToken } from "@/lib/documents/tokens";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { consumePublic } from "@/lib/security/rate-limit";
import { recordAudit, type AuditActor, type AuditChannel } from "./audit";

/**
 * Public verification of an issued document, by the QR token or by the document number plus the
 * holder's date of birth. The answer is the verdict and the document type, nothing else: no name,
 * no passport number, no address, nothing from the case. Every check is rate-limited per client
 * address and written to the audit log, found or not, well-formed or not.
 */

export type DocumentVerdict = "valid" | "expired" | "revoked" | "replaced" | "not_yet_valid";

export interface PublicVerification {
  status: DocumentVerdict;
  type: string;
}

export type VerificationQuery = { by: "token"; token: string } | { by: "number"; number: string; birthDate: string };

export type VerificationOutcome =
  | { outcome: "checked"; result: PublicVerification | null }
  | { outcome: "throttled"; retryAfterSeconds: number };

type DocumentRow = Pick<typeof issuedDocuments.$inferSelect, "validFrom" | "validUntil" | "revokedAt" | "replacedBy">;

/** A replacement is also a revocation (see replaceDocuments); the verdict names it as what it is. */
export function documentVerdict(doc: DocumentRow, now = new Date()): DocumentVerdict {
  const today = todayInKazakhstan(now);
  if (doc.replacedBy) return "replaced";
  if (doc.revokedAt) return "revoked";
  if (today > doc.validUntil) return "expired";
  if (today < doc.validFrom) return "not_yet_valid";
  return "valid";
}

/** Document numbers as printed: letters, digits and dashes, case and spaces ignored. */
export function normaliseDocumentNumber(input: string): string | null {
  const compact = input.replace(/\s+/g, "").toUpperCase();
  return /^[A-Z0-9-]{4,40}$/.test(compact) ? compact : null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The look-up alone, without counting or auditing; a wrong date of birth is the same as no document. */
export async function findVerification(db: DbOrTx, query: VerificationQuery, now = new Date()): Promise<PublicVerification | null> {
  const columns = {
    type: issuedDocuments.type,
    validFrom: issuedDocuments.validFrom,
    validUntil: issuedDocuments.validUntil,
    revokedAt: issuedDocuments.revokedAt,
    replacedBy: issuedDocuments.replacedBy,
    holderBirthDate: issuedDocuments.holderBirthDate,
  };
  let doc: (DocumentRow & { type: string; holderBirthDate: string }) | undefined;
  if (query.by === "token") {
    if (!isWellFormedToken(query.token)) return null;
    [doc] = await db.select(columns).from(issuedDocuments).where(eq(issuedDocuments.verificationToken, query.token)).limit(1);
  } else {
    const number = normaliseDocumentNumber(query.number);
    if (!number || !ISO_DATE.test(query.birthDate)) return null;
    [doc] = await db.select(columns).from(issuedDocuments).where(eq(issuedDocuments.number, number)).limit(1);
    if (doc && doc.holderBirthDate !== query.birthDate) doc = undefined;
  }
  return doc ? { status: documentVerdict(doc, now), type: doc.type } : null;
}

/**
 * One public check: counted against the client's address, then looked up, then audited. The audit
 * row records how the check was made and its verdict, never the date of birth or the token.
 */
export async function verifyPublicly(
  db: DbOrTx,
  query: VerificationQuery,
  who: { ip: string; auditIp: string | null; viewer: AuditActor | null; channel: AuditChannel },
  now = new Date(),
): Promise<VerificationOutcome> {
  const rate = await consumePublic("verify", who.ip, db);
  const result = rate.ok ? await findVerification(db, query, now) : null;
  await recordAudit(db, {
    viewer: who.viewer,
    action: "document.verify",
    target: query.by === "number" ? normaliseDocumentNumber(query.number) : null,
    channel: who.channel,
    ip: who.auditIp,
    details: { method: query.by, result: rate.ok ? (result?.status ?? "not_found") : "throttled" },
  });
  return rate.ok ? { outcome: "checked", result } : { outcome: "throttled", retryAfterSeconds: rate.retryAfterSeconds };
}
