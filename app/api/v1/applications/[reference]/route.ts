import { getDb } from "@/db";
import { toApplicationView } from "@/lib/api/dto";
import { json, notFound, unauthorized } from "@/lib/api/http";
import { apiTranslator } from "@/lib/api/i18n";
import { apiRoute } from "@/lib/api/route";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { getCaseDetail } from "@/lib/dal/cases";
import { getViewerForRequest } from "@/lib/dal/viewer";

export const dynamic = "force-dynamic";

/** One case by reference (or id), if the caller may see it; otherwise 404, whether it exists or not. */
export const GET = apiRoute(async (request: Request, { params }: { params: Promise<{ reference: string }> }) => {
  const { t, locale } = await apiTranslator(request);
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized(t);
  const { reference } = await params;
  const db = await getDb();
  const detail = await getCaseDetail(db, viewer, reference);
  if (!detail) return notFound(t);
  await recordAudit(db, { viewer, action: "case.view", caseId: detail.case.id, channel: "api", ip: clientIp(request.headers) });
  return json(toApplicationView(detail, locale, new Date(), viewer.role === "applicant" ? "applicant" : "staff"));
});
