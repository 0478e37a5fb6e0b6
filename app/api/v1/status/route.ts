import { getDb } from "@/db";
import { toPublicStatusView } from "@/lib/api/dto";
import { json, notFound, tooManyRequests, validationFailed } from "@/lib/api/http";
import { apiTranslator } from "@/lib/api/i18n";
import { apiRoute } from "@/lib/api/route";
import { statusQuery } from "@/lib/api/schemas";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { publicStatus } from "@/lib/dal/cases";
import { zodIssues } from "@/lib/engine/perform";
import { consumePublic, publicClientIp } from "@/lib/security/rate-limit";

export const dynamic = "force-dynamic";

/** The public status check: no sign-in, a case reference plus the passport number on the case. */
export const GET = apiRoute(async (request: Request) => {
  const { t } = await apiTranslator(request);
  const db = await getDb();
  // Limited before anything else: reference + passport number pairs must not be guessable in bulk.
  const limit = await consumePublic("status", publicClientIp(request.headers), db);
  if (!limit.ok) return tooManyRequests(t, limit.retryAfterSeconds);

  const url = new URL(request.url);
  const query = statusQuery.safeParse({ reference: url.searchParams.get("reference") ?? undefined, document: url.searchParams.get("document") ?? undefined });
  if (!query.success) return validationFailed(t, zodIssues(query.error));

  const found = await publicStatus(db, query.data.reference, query.data.document);
  // The passport number is personal data: the audit keeps the reference asked for and the outcome only.
  await recordAudit(db, { viewer: null, action: "case.public_status", target: query.data.reference, channel: "api", ip: clientIp(request.headers), details: { found: found !== null } });
  return found ? json(toPublicStatusView(found)) : notFound(t);
});
