import en from "@/lib/i18n/messages/en/hearing.json";
import kk from "@/lib/i18n/messages/kk/hearing.json";
import ru from "@/lib/i18n/messages/ru/hearing.json";
import { renderDocument, type DocumentField, type DocumentSpec } from "./pdf";
import { formatSlipDate, secondaryLocale, type SlipLocale } from "./registration-slip";
import { messagesTranslator, type Translator } from "./translator";

/** What a refusal decision letter prints; service, grounds and names already in the letter's language. */
export interface RefusalLetterInput {
  documentNumber: string;
  caseReference: string;
  holderName: string;
  /** YYYY-MM-DD */
  holderBirthDate: string;
  serviceName: string;
  grounds: string | null;
  explanation: string | null;
  heard: "hearing" | "waived" | "term" | null;
  /** YYYY-MM-DD */
  decidedOn: string;
  issuedAt: Date;
  verifyUrl: string;
}

const PDF_MESSAGES = { kk: kk.pdf, ru: ru.pdf, en: en.pdf } as const;

export function refusalLetterTranslator(locale: SlipLocale): Translator<string> {
  return messagesTranslator(PDF_MESSAGES[locale]);
}

/** A refusal decision, bilingual like the other documents (the applicant's language and the state's). */
export function refusalLetterSpec(input: RefusalLetterInput, locale: SlipLocale): DocumentSpec {
  const t = refusalLetterTranslator(locale);
  const t2 = refusalLetterTranslator(secondaryLocale(locale));
  const both = (key: string) => `${t(key)}\n${t2(key)}`;
  const field = (key: string, value: string): DocumentField => ({ label: t(`fields.${key}`), secondaryLabel: t2(`fields.${key}`), value });
  const fields: DocumentField[] = [
    field("holder", input.holderName),
    field("birthDate", formatSlipDate(input.holderBirthDate, locale)),
    field("service", input.serviceName),
    ...(input.grounds ? [field("grounds", input.grounds)] : []),
    ...(input.explanation ? [field("explanation", input.explanation)] : []),
    field("decisionDate", formatSlipDate(input.decidedOn, locale)),
    field("caseReference", input.caseReference),
  ];
  const heard = input.heard ? [t(`heard.${input.heard}`), t2(`heard.${input.heard}`)] : [];
  return {
    title: t("title"),
    secondaryTitle: t2("title"),
    subtitle: t("subtitle"),
    issuer: both("issuer"),
    number: input.documentNumber,
    fields,
    notes: [...heard, t("appeal"), t2("appeal")],
    verifyUrl: input.verifyUrl,
    qrCaption: both("qrCaption"),
    footer: both("footer"),
    language: locale,
    issuedAt: input.issuedAt,
  };
}

export function renderRefusalLetter(input: RefusalLetterInput, locale: SlipLocale): Promise<Uint8Array> {
  return renderDocument(refusalLetterSpec(input, locale));
}
