import { getDb } from "@/db";
import { toActionResult } from "@/lib/api/dto";
import { performResultResponse, readJson, unauthorized, validationFailed } from "@/lib/api/http";
import { apiTranslator } from "@/lib/api/i18n";
import { apiRoute } from "@/lib/api/route";
import { actionEnvelope } from "@/lib/api/schemas";
import { getViewerForRequest } from "@/lib/dal/viewer";
import { perform, zodIssues } from "@/lib/engine/perform";
import "@/lib/services";

export const dynamic = "force-dynamic";

/** Performs one action on one case. Body: { version, ...input }; a stale version is refused with 409. */
export const POST = apiRoute(async (request: Request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  const { t } = await apiTranslator(request);
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized(t);

  const body = await readJson(request, t);
  if (!body.ok) return body.response;
  if (body.value === null || typeof body.value !== "object" || Array.isArray(body.value)) {
    return validationFailed(t, [{ path: [], message: "api.validation.bodyObject" }]);
  }
  const envelope = actionEnvelope.safeParse(body.value);
  if (!envelope.success) return validationFailed(t, zodIssues(envelope.error));
  const { version, ...input } = envelope.data;

  const { id, action } = await params;
  const result = await perform(await getDb(), viewer, id, action, input, version);
  return performResultResponse(t, result, (r) => toActionResult(r.case, viewer.role === "applicant" ? "applicant" : "staff"));
});
