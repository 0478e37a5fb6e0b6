import "server-only";
import { getTranslations } from "next-intl/server";
import type { issuedDocuments } from "@/db/schema";
import { serviceUi } from "@/app/_components/services/registry";
import { renderRefusalLetter } from "@/lib/documents/refusal-letter";
import type { SlipLocale } from "@/lib/documents/registration-slip";
import { groundsLabelKey } from "@/lib/engine/conversation";
import type { RefusalLetterContent } from "@/lib/engine/refusal-letter";
import type { CaseSnapshot } from "@/lib/engine/types";

/** The refusal decision letter of any service, in the asked language with the state language beside it. */
export async function refusalLetterPdf(found: { document: typeof issuedDocuments.$inferSelect; case: CaseSnapshot }, locale: SlipLocale, verifyUrl: string): Promise<Uint8Array> {
  const { document: doc, case: c } = found;
  const content = (doc.content ?? {}) as Partial<RefusalLetterContent>;
  const t = await getTranslations({ locale });
  const ns = serviceUi(c.service)?.namespace;
  const label = (key: string | null, fallback: string | null) => (key && t.has(key) ? t(key as never) : fallback);
  const grounds = content.reasonCode ? label(content.refusal ? groundsLabelKey(c.service, content.refusal, content.reasonCode) : null, label(ns ? `${ns}.refusalReasons.${content.reasonCode}` : null, content.reasonCode)) : null;
  return renderRefusalLetter(
    {
      documentNumber: doc.number,
      caseReference: content.reference ?? c.reference,
      holderName: doc.holderDisplayName,
      holderBirthDate: doc.holderBirthDate,
      serviceName: label(ns ? `${ns}.serviceName` : null, c.service) ?? c.service,
      grounds,
      explanation: content.reasonText ?? null,
      heard: content.heard ?? null,
      decidedOn: doc.validFrom,
      issuedAt: doc.issuedAt,
      verifyUrl,
    },
    locale,
  );
}
