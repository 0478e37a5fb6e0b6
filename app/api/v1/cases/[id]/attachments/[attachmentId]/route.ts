import { getDb } from "@/db";
import { notFound, unauthorized } from "@/lib/api/http";
import { apiTranslator } from "@/lib/api/i18n";
import { apiRoute } from "@/lib/api/route";
import { readAttachment } from "@/lib/attachments/store";
import { recordAudit } from "@/lib/dal/audit";
import { getViewerForRequest } from "@/lib/dal/viewer";
import { loadVisibleCase } from "@/lib/engine/perform";

export const dynamic = "force-dynamic";

/** The bytes of one attachment of a case the caller may see; always a download, never rendered inline. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }) => {
  const { t } = await apiTranslator(request);
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized(t);
  const { id, attachmentId } = await params;
  const db = await getDb();
  const c = await loadVisibleCase(db, viewer, id);
  const file = c && /^[0-9a-f-]{36}$/i.test(attachmentId) ? await readAttachment(db, c.id, attachmentId) : null;
  if (!c || !file) return notFound(t);
  await recordAudit(db, { viewer, action: "attachment.download", caseId: c.id, target: file.fileName, channel: "api" });
  return new Response(Buffer.from(file.content), {
    headers: {
      "content-type": file.mimeType,
      "content-disposition": `attachment; filename="${encodeURIComponent(file.fileName)}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
