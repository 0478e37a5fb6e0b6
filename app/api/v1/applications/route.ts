import { getDb } from "@/db";
import { performResultResponse, readJson, unauthorized, validationFailed } from "@/lib/api/http";
import { applicationPath, toApplicationCreated } from "@/lib/api/dto";
import { apiTranslator } from "@/lib/api/i18n";
import { apiRoute } from "@/lib/api/route";
import { createApplicationRequest, idempotencyKey } from "@/lib/api/schemas";
import { getViewerForRequest } from "@/lib/dal/viewer";
import { createCase } from "@/lib/engine/create";
import { zodIssues } from "@/lib/engine/perform";
import { getService } from "@/lib/engine/registry";
import "@/lib/services";

export const dynamic = "force-dynamic";

/** Files and submits an application in one step. Idempotency-Key: a repeat returns the first case with 200. */
export const POST = apiRoute(async (request: Request) => {
  const { t } = await apiTranslator(request);
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized(t);

  const key = request.headers.get("idempotency-key");
  const keyCheck = key === null ? null : idempotencyKey.safeParse(key);
  if (keyCheck && !keyCheck.success) return validationFailed(t, [{ path: ["Idempotency-Key"], message: "api.validation.idempotencyKey" }]);

  const body = await readJson(request, t);
  if (!body.ok) return body.response;
  const envelope = createApplicationRequest.safeParse(body.value);
  if (!envelope.success) return validationFailed(t, zodIssues(envelope.error));
  const { service, data } = envelope.data;
  if (!getService(service)) return validationFailed(t, [{ path: ["service"], message: "api.validation.unknownService" }]);

  const result = await createCase(await getDb(), viewer, service, data, { channel: "api", submit: true, idempotencyKey: key ?? undefined });
  const replayed = result.ok && result.replayed === true;
  return performResultResponse(t, result, (r) => toApplicationCreated(r.case), {
    status: replayed ? 200 : 201,
    pathPrefix: ["data"],
    headers: (b) => ({ location: applicationPath(b.reference) }),
  });
});
