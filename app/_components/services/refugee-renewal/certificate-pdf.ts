import "server-only";
import type { Db } from "@/db/client";
import type { getDocumentForViewer } from "@/lib/dal/cases";
import type { SlipLocale } from "@/lib/documents/registration-slip";
import { localName } from "@/lib/i18n/names";
import { loadReferenceData } from "@/lib/rules/load";
import { renderRefugeeCertificate, type RefugeeCertificateInput } from "@/lib/services/refugee-renewal/documents";

interface CertificateContent {
  reference?: string;
  relation?: RefugeeCertificateInput["relation"];
  countryOfOrigin?: string;
  region?: string;
}

type Found = NonNullable<Awaited<ReturnType<typeof getDocumentForViewer>>>;

/**
 * The refugee certificate PDF (kk/ru/en). The shared document route has checked that the viewer may
 * see the case and records the download.
 */
export async function refugeeCertificatePdf(db: Db, found: Found, locale: SlipLocale, verifyUrl: string): Promise<Uint8Array> {
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
      verifyUrl,
    },
    locale,
  );
  return pdf;
}
