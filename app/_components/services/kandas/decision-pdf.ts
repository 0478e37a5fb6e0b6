import "server-only";
import type { DbOrTx } from "@/db/client";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import type { issuedDocuments } from "@/db/schema";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { KANDAS_DECISION_TYPES, renderKandasDecision, type KandasDecisionType } from "@/lib/documents/kandas-decision";
import type { SlipLocale } from "@/lib/documents/registration-slip";
import { localName } from "@/lib/i18n/names";
import { loadReferenceData } from "@/lib/rules/load";

interface DecisionContent {
  reference?: string;
  region?: string;
  year?: number;
  members?: string[];
}

export function isKandasDecision(type: string): type is KandasDecisionType {
  return (KANDAS_DECISION_TYPES as readonly string[]).includes(type);
}

/**
 * A kandas status or quota decision as a PDF. The shared document route has already checked that
 * the viewer may see the case; this renders it in the asked language and records the download.
 */
export async function kandasDecisionPdf(
  db: DbOrTx,
  viewer: Viewer,
  request: Request,
  found: { document: typeof issuedDocuments.$inferSelect; case: CaseSnapshot },
  locale: SlipLocale,
  verifyOrigin: string,
): Promise<Response> {
  const { document: doc, case: c } = found;
  const content = (doc.content ?? {}) as DecisionContent;
  const ref = await loadReferenceData(db);
  const region = ref.region(content.region ?? c.region);
  const pdf = await renderKandasDecision(
    {
      type: doc.type as KandasDecisionType,
      documentNumber: doc.number,
      caseReference: content.reference ?? c.reference,
      holderName: doc.holderDisplayName,
      holderBirthDate: doc.holderBirthDate,
      members: content.members ?? [],
      region: region ? localName(region, locale) : c.region,
      year: content.year,
      decidedOn: doc.validFrom,
      validUntil: doc.validUntil,
      issuedAt: doc.issuedAt,
      verifyUrl: `${verifyOrigin}/${locale}/verify/${doc.verificationToken}`,
    },
    locale,
  );
  await recordAudit(db, {
    viewer,
    action: "document.download",
    caseId: c.id,
    target: doc.id,
    channel: viewer.kind === "token" ? "api" : "page",
    ip: clientIp(request.headers),
    details: { number: doc.number, lang: locale },
  });
  return new Response(Buffer.from(pdf), {
    status: 200,
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="${doc.number.replace(/[^A-Za-z0-9._-]/g, "_")}.pdf"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
