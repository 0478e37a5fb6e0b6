import { getDb } from "@/db";
import { toActionResult } from "@/lib/api/dto";
import { json, notFound, payloadTooLarge, performResultResponse, unauthorized, unsupportedMediaType, validationFailed } from "@/lib/api/http";
import { apiTranslator } from "@/lib/api/i18n";
import { apiRoute } from "@/lib/api/route";
import { listAttachments } from "@/lib/attachments/store";
import { recordAudit } from "@/lib/dal/audit";
import { getViewerForRequest } from "@/lib/dal/viewer";
import { loadVisibleCase, perform } from "@/lib/engine/perform";
import "@/lib/services";

export const dynamic = "force-dynamic";

/** A little over the largest attachment the parameters allow; the engine applies the exact limit. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The files attached to a case the caller may see. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { t } = await apiTranslator(request);
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized(t);
  const { id } = await params;
  const db = await getDb();
  const c = await loadVisibleCase(db, viewer, id);
  if (!c) return notFound(t);
  const items = await listAttachments(db, c.id);
  return json({ items: items.map((a) => ({ ...a, links: { content: `/api/v1/cases/${c.id}/attachments/${a.id}` } })) });
});

/**
 * Attaches a file (multipart/form-data: version, kind, file) through the engine's attach_document
 * action; the type is decided from the bytes.
 */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const { t } = await apiTranslator(request);
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized(t);
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return unsupportedMediaType(t);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES) return payloadTooLarge(t);

  const form = await request.formData();
  const file = form.get("file");
  const version = Number(form.get("version"));
  const issues = [
    ...(Number.isInteger(version) && version > 0 ? [] : [{ path: ["version"], message: "api.validation.version" }]),
    ...(file instanceof File ? [] : [{ path: ["file"], message: "rules.validation.required" }]),
  ];
  if (issues.length) return validationFailed(t, issues);
  const upload = file as File;

  const { id } = await params;
  const db = await getDb();
  const result = await perform(db, viewer, id, "attach_document", { kind: form.get("kind"), fileName: upload.name, bytes: new Uint8Array(await upload.arrayBuffer()) }, version);
  if (result.ok) await recordAudit(db, { viewer, action: "attachment.upload", caseId: result.case.id, target: upload.name, channel: "api" });
  return performResultResponse(t, result, (r) => toActionResult(r.case, viewer.role === "applicant" ? "applicant" : "staff"), { status: 201 });
});
