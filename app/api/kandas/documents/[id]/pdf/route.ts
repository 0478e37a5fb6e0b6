import "server-only";
import { getDb } from "@/db";
import { notFound, unauthorized } from "@/lib/api/http";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { getDocumentForViewer } from "@/lib/dal/cases";
import { getViewerForRequest } from "@/lib/dal/viewer";
import { KANDAS_DECISION_TYPES, renderKandasDecision, type KandasDecisionType } from "@/lib/documents/kandas-decision";
import type { SlipLocale } from "@/lib/documents/registration-slip";
import { localName } from "@/lib/i18n/names";
import { loadReferenceData } from "@/lib/rules/load";
import { publicOrigin } from "../../../../documents/[id]/pdf/origin";

const LOCALES: readonly SlipLocale[] = ["kk", "ru", "en"];

interface DecisionContent {
  reference?: string;
  region?: string;
  year?: number;
  members?: string[];
}

/** A kandas status or quota decision as a PDF, for someone who may see its case (the family, the akimat). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized();
  const { id } = await params;
  const db = await getDb();
  const found = await getDocumentForViewer(db, viewer, id);
  if (!found || !KANDAS_DECISION_TYPES.includes(found.document.type as KandasDecisionType)) return notFound();

  const lang = new URL(request.url).searchParams.get("lang");
  const locale: SlipLocale = LOCALES.find((l) => l === lang) ?? "kk";
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
      verifyUrl: `${publicOrigin(request)}/${locale}/verify/${doc.verificationToken}`,
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
