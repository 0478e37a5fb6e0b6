import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { attachments } from "@/db/schema";
import type { ParameterReader } from "@/lib/rules/parameters";

/** Types we accept, decided from the bytes (magic numbers), never from the file name or the browser's claim. */
export const ACCEPTED_TYPES = new Set(["application/pdf", "image/jpeg", "image/png"]);

export type AttachmentCheck =
  | { ok: true; mimeType: string; extension: string; sizeBytes: number; sha256: string }
  | { ok: false; messageKey: "rules.attachmentEmpty" | "rules.attachmentTooLarge" | "rules.attachmentType"; values?: Record<string, string | number> };

export async function checkAttachment(bytes: Uint8Array, params: ParameterReader, today: string): Promise<AttachmentCheck> {
  if (bytes.byteLength === 0) return { ok: false, messageKey: "rules.attachmentEmpty" };
  const max = params.number("attachment_max_bytes", today);
  if (bytes.byteLength > max) return { ok: false, messageKey: "rules.attachmentTooLarge", values: { maxMb: Math.floor(max / (1024 * 1024)) } };
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED_TYPES.has(type.mime)) return { ok: false, messageKey: "rules.attachmentType" };
  return { ok: true, mimeType: type.mime, extension: type.ext, sizeBytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** A name safe to show and to send back in Content-Disposition, ending in the extension the content has. */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .replace(/(.)\.[^.]*$/, "$1")
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N} _-]+/gu, "_")
    .trim()
    .slice(0, 80);
  return `${base || "document"}.${extension}`;
}

export async function storeAttachment(
  db: DbOrTx,
  file: { caseId: string; kind: string; fileName: string; bytes: Uint8Array; uploadedBy: string | null },
  checked: Extract<AttachmentCheck, { ok: true }>,
): Promise<{ id: string; fileName: string }> {
  const fileName = safeFileName(file.fileName, checked.extension);
  const [row] = await db
    .insert(attachments)
    .values({
      caseId: file.caseId,
      kind: file.kind,
      fileName,
      mimeType: checked.mimeType,
      sizeBytes: checked.sizeBytes,
      sha256: checked.sha256,
      content: file.bytes,
      uploadedBy: file.uploadedBy,
    })
    .returning({ id: attachments.id });
  return { id: row!.id, fileName };
}

export async function listAttachments(db: DbOrTx, caseId: string) {
  return db
    .select({ id: attachments.id, kind: attachments.kind, fileName: attachments.fileName, mimeType: attachments.mimeType, sizeBytes: attachments.sizeBytes, createdAt: attachments.createdAt })
    .from(attachments)
    .where(eq(attachments.caseId, caseId));
}

export async function readAttachment(db: DbOrTx, caseId: string, attachmentId: string) {
  const [row] = await db.select().from(attachments).where(and(eq(attachments.caseId, caseId), eq(attachments.id, attachmentId))).limit(1);
  return row ?? null;
}
