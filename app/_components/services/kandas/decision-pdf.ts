import "server-only";
import type { DbOrTx } from "@/db/client";
import type { CaseSnapshot } from "@/lib/engine/types";
import type { issuedDocuments } from "@/db/schema";
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
 * the viewer may see the case and records the download; this renders it in the asked language.
 */
export async function kandasDecisionPdf(
  db: DbOrTx,
  found: { document: typeof issuedDocuments.$inferSelect; case: CaseSnapshot },
  locale: SlipLocale,
  verifyUrl: string,
): Promise<Uint8Array> {
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
      verifyUrl,
    },
    locale,
  );
  return pdf;
}
