import "server-only";
import type { Db } from "@/db/client";
import { publicOrigin } from "@/app/api/documents/[id]/pdf/origin";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import type { getDocumentForViewer } from "@/lib/dal/cases";
import type { Viewer } from "@/lib/engine/types";
import type { SlipLocale } from "@/lib/documents/registration-slip";
import { localName } from "@/lib/i18n/names";
import { loadReferenceData } from "@/lib/rules/load";
import { renderRefugeeCertificate, type RefugeeCertificateInput } from "@/lib/services/refugee-renewal/documents";

const LOCALES: readonly SlipLocale[] = ["kk", "ru", "en"];

interface CertificateContent {
  reference?: string;
  relation?: RefugeeCertificateInput["relation"];
  countryOfOrigin?: string;
  region?: string;
}

type Found = NonNullable<Awaited<ReturnType<typeof getDocumentForViewer>>>;

/**
 * The refugee certificate PDF (kk/ru/en), for the refugee and staff who may see the case; audited.
 * The shared document route hands certificates here.
 */
export async function refugeeCertificateResponse(request: Request, db: Db, viewer: Viewer, found: Found): Promise<Response> {
  const lang = new URL(request.url).searchParams.get("lang");
  const locale: SlipLocale = LOCALES.find((l) => l === lang) ?? "kk";
  const { document: doc, case: c } = found;
  const content = (doc.content ?? {}) as CertificateContent;
  const ref = await loadReferenceData(db);
  const country = content.countryOfOrigin ? ref.country(content.countryOfOrigin) : undefined;
  const region = content.region ? ref.region(content.region) : undefined;

  const pdf = await renderRefugeeCertificate(
    {
      documentNumber: doc.number,
      caseReference: content.reference ?? c.reference,
      holder: { name: doc.holderDisplayName, birthDate: doc.holderBirthDate },
      countryOfOrigin: country ? localName(country, locale) : (content.countryOfOrigin ?? ""),
      region: region ? localName(region, locale) : (content.region ?? ""),
      relation: content.relation ?? "principal",
      validFrom: doc.validFrom,
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
