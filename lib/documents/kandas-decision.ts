import en from "@/lib/i18n/messages/en/kd.json";
import kk from "@/lib/i18n/messages/kk/kd.json";
import ru from "@/lib/i18n/messages/ru/kd.json";
import { renderDocument, type DocumentField, type DocumentSpec } from "./pdf";
import { formatSlipDate, secondaryLocale, type SlipLocale } from "./registration-slip";
import { messagesTranslator, type Translator } from "./translator";

export type KandasDecisionType = "kandas_status_decision" | "kandas_quota_decision";
export const KANDAS_DECISION_TYPES: readonly KandasDecisionType[] = ["kandas_status_decision", "kandas_quota_decision"];

/** What a kandas decision prints: the decision, the family it covers and how to verify it. */
export interface KandasDecisionInput {
  type: KandasDecisionType;
  documentNumber: string;
  caseReference: string;
  holderName: string;
  /** YYYY-MM-DD */
  holderBirthDate: string;
  /** Names of the family members the decision covers (per-person outcome). */
  members: string[];
  /** The region's name in the document's language. */
  region: string;
  year?: number;
  /** YYYY-MM-DD */
  decidedOn: string;
  /** YYYY-MM-DD */
  validUntil: string;
  issuedAt: Date;
  verifyUrl: string;
}

const PDF_MESSAGES = { kk: kk.pdf, ru: ru.pdf, en: en.pdf } as const;

/** The "pdf" messages of the kandas namespace in one language. */
export function kandasPdfTranslator(locale: SlipLocale): Translator<string> {
  return messagesTranslator(PDF_MESSAGES[locale]);
}

/** Layout of a status or quota-inclusion decision, bilingual like the registration slip (§6.7). */
export function kandasDecisionSpec(input: KandasDecisionInput, locale: SlipLocale): DocumentSpec {
  const t = kandasPdfTranslator(locale);
  const t2 = kandasPdfTranslator(secondaryLocale(locale));
  const both = (key: string) => `${t(key)}\n${t2(key)}`;
  const field = (key: string, value: string): DocumentField => ({ label: t(`fields.${key}`), secondaryLabel: t2(`fields.${key}`), value });
  const isQuota = input.type === "kandas_quota_decision";
  const titleKey = isQuota ? "quotaDecision.title" : "statusDecision.title";
  const fields: DocumentField[] = [
    field("holder", input.holderName),
    field("birthDate", formatSlipDate(input.holderBirthDate, locale)),
    field("members", input.members.length ? input.members.join("\n") : t("fields.noMembers")),
    field("region", input.region),
    ...(isQuota && input.year ? [field("year", String(input.year))] : []),
    field("decisionDate", formatSlipDate(input.decidedOn, locale)),
    field("validUntil", formatSlipDate(input.validUntil, locale)),
    field("caseReference", input.caseReference),
  ];
  const note = isQuota ? "notes.quota" : "notes.status";
  return {
    title: t(titleKey),
    secondaryTitle: t2(titleKey),
    subtitle: t("subtitle"),
    issuer: both("issuer"),
    number: input.documentNumber,
    fields,
    notes: [t(note), t2(note)],
    verifyUrl: input.verifyUrl,
    qrCaption: both("qrCaption"),
    footer: both("footer"),
    language: locale,
    issuedAt: input.issuedAt,
  };
}

export function renderKandasDecision(input: KandasDecisionInput, locale: SlipLocale): Promise<Uint8Array> {
  return renderDocument(kandasDecisionSpec(input, locale));
}
