import { getDb } from "@/db";
import { toQueueItem } from "@/lib/api/dto";
import { forbidden, json, unauthorized, validationFailed } from "@/lib/api/http";
import { apiTranslator } from "@/lib/api/i18n";
import { apiRoute } from "@/lib/api/route";
import { queueQuery, type QueueView } from "@/lib/api/schemas";
import { isStaff, listQueue } from "@/lib/dal/cases";
import { getViewerForRequest } from "@/lib/dal/viewer";
import { zodIssues } from "@/lib/engine/perform";

export const dynamic = "force-dynamic";

/** The staff work queue: the caller's regions and services only, earliest deadline first, cursor-paged. */
export const GET = apiRoute(async (request: Request) => {
  const { t } = await apiTranslator(request);
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized(t);
  if (!isStaff(viewer)) return forbidden(t);

  const params = new URL(request.url).searchParams;
  const query = queueQuery.safeParse(Object.fromEntries(params));
  if (!query.success) return validationFailed(t, zodIssues(query.error));

  const page = await listQueue(await getDb(), viewer, query.data);
  const body: QueueView = { items: page.rows.map(toQueueItem), nextCursor: page.nextCursor, total: page.total };
  return json(body);
});
