import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { localName } from "@/lib/i18n/names";
import { notFound, unauthorized } from "@/lib/api/http";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { getDocumentForViewer } from "@/lib/dal/cases";
import { getViewerForRequest } from "@/lib/dal/viewer";
import { renderRegistrationSlip, type SlipLocale } from "@/lib/documents/registration-slip";
import { loadReferenceData } from "@/lib/rules/load";
import type { TrApplication } from "@/lib/services/temporary-registration/schema";
import { householdPermitPdf } from "@/app/_components/services/household-permit/permit-pdf";
import { HP_DOCUMENT_TYPE } from "@/lib/services/household-permit/definition";
import { refugeeCertificatePdf } from "@/app/_components/services/refugee-renewal/certificate-pdf";
import { RF_CERTIFICATE } from "@/lib/services/refugee-renewal/definition";
import { isKandasDecision, kandasDecisionPdf } from "@/app/_components/services/kandas/decision-pdf";
import { refusalLetterPdf } from "@/app/_components/conversation/refusal-letter-pdf";
import { REFUSAL_LETTER } from "@/lib/engine/refusal-letter";
import { publicOrigin } from "./origin";

const LOCALES: readonly SlipLocale[] = ["kk", "ru", "en"];
const PDF_TYPES: readonly string[] = ["registration_slip", HP_DOCUMENT_TYPE, RF_CERTIFICATE, REFUSAL_LETTER];

interface SlipContent {
  address?: TrApplication["address"];
  purpose?: string;
  host?: string;
  reference?: string;
}

/** The PDF of an issued document, for someone who may see its case (the owner, staff of the region). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const viewer = await getViewerForRequest(request);
  if (!viewer) return unauthorized();
  const { id } = await params;
  const db = await getDb();
  const found = await getDocumentForViewer(db, viewer, id);
  const lang = new URL(request.url).searchParams.get("lang");
  const locale: SlipLocale = LOCALES.find((l) => l === lang) ?? "kk";
  if (!found || !(PDF_TYPES.includes(found.document.type) || isKandasDecision(found.document.type))) return notFound();

  const { document: doc, case: c } = found;
  const verifyUrl = `${publicOrigin(request)}/${locale}/verify/${doc.verificationToken}`;
  // Each service renders its own documents; the access check, the audit and the answer are shared.
  const pdf =
    doc.type === HP_DOCUMENT_TYPE
      ? await householdPermitPdf(db, doc, c, locale, verifyUrl)
      : doc.type === RF_CERTIFICATE
        ? await refugeeCertificatePdf(db, found, locale, verifyUrl)
        : isKandasDecision(doc.type)
          ? await kandasDecisionPdf(db, found, locale, verifyUrl)
          : doc.type === REFUSAL_LETTER
            ? await refusalLetterPdf(found, locale, verifyUrl)
            : await registrationSlipPdf();
  // The slip needs its own look-ups (purpose and address names); the permit has its own renderer.
  async function registrationSlipPdf(): Promise<Uint8Array> {
    const app = c.data as unknown as TrApplication;
    const content = (doc.content ?? {}) as SlipContent;
    const address = content.address ?? app.address;

    const [t, tTr, ref] = await Promise.all([
      getTranslations({ locale, namespace: "documents" }),
      getTranslations({ locale, namespace: "tr" }),
      loadReferenceData(db),
    ]);
    const country = ref.country(app.person.citizenship);
    const region = ref.region(address.region);
    const purpose = content.purpose ?? app.stay.purpose;

    return renderRegistrationSlip(
      {
        documentNumber: doc.number,
        caseReference: content.reference ?? c.reference,
        holder: {
          surname: app.person.surname,
          givenNames: app.person.givenNames,
          surnameCyrillic: app.person.surnameCyrillic ?? null,
          givenNamesCyrillic: app.person.givenNamesCyrillic ?? null,
          birthDate: doc.holderBirthDate,
        },
        citizenship: country ? localName(country, locale) : app.person.citizenship,
        address: { ...address, region: region ? localName(region, locale) : address.region, flat: address.flat ?? null },
        validFrom: doc.validFrom,
        validUntil: doc.validUntil,
        purpose: tTr.has(`purposes.${purpose}`) ? tTr(`purposes.${purpose}`) : purpose,
        hostName: content.host ?? app.host.name,
        issuedAt: doc.issuedAt,
        verifyUrl,
      },
      locale,
      t,
    );
  }

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
