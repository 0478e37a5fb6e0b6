import kkMessages from "@/lib/i18n/messages/kk/documents.json";
import ruMessages from "@/lib/i18n/messages/ru/documents.json";
import { renderDocument, type DocumentField, type DocumentSpec } from "./pdf";
import { formatSlipDate, secondaryLocale, type SlipLocale } from "./registration-slip";
import { messagesTranslator, type DocumentsKey, type Translator } from "./translator";

/** Everything printed on a household labour permit (domain §2.2); names and texts as they are to appear. */
export interface HouseholdPermitInput {
  documentNumber: string;
  caseReference: string;
  holder: {
    surname: string;
    givenNames: string;
    surnameCyrillic?: string | null;
    givenNamesCyrillic?: string | null;
    birthDate: string;
  };
  /** In the document's language. */
  citizenship: string;
  category: string;
  region: string;
  validFrom: string;
  validUntil: string;
  /** HP-08, from the parameters. */
  maxStayMonths: number;
  issuedAt: Date;
  verifyUrl: string;
}

const BUNDLED: Record<"kk" | "ru", Translator> = {
  kk: messagesTranslator(kkMessages),
  ru: messagesTranslator(ruMessages),
};

/** The layout of a permit: the same frame as the registration slip, in two languages, with the QR code. */
export function householdPermitSpec(input: HouseholdPermitInput, locale: SlipLocale, t: Translator, tSecondary: Translator = BUNDLED[secondaryLocale(locale)]): DocumentSpec {
  const both = (key: DocumentsKey) => `${t(key)}\n${tSecondary(key)}`;
  const field = (key: keyof typeof kkMessages.householdPermit.fields, value: string): DocumentField => ({
    label: t(`householdPermit.fields.${key}`),
    secondaryLabel: tSecondary(`householdPermit.fields.${key}`),
    value,
  });
  const { holder } = input;
  const cyrillic = [holder.surnameCyrillic, holder.givenNamesCyrillic].map((s) => s?.trim()).filter(Boolean).join(" ");
  return {
    title: t("householdPermit.title"),
    secondaryTitle: tSecondary("householdPermit.title"),
    subtitle: t("householdPermit.subtitle"),
    issuer: both("issuingBody"),
    number: input.documentNumber,
    fields: [
      field("holderLatin", `${holder.surname} ${holder.givenNames}`.trim()),
      ...(cyrillic ? [field("holderCyrillic", cyrillic)] : []),
      field("birthDate", formatSlipDate(holder.birthDate, locale)),
      field("citizenship", input.citizenship),
      field("category", input.category),
      field("region", input.region),
      field("validFrom", formatSlipDate(input.validFrom, locale)),
      field("validUntil", formatSlipDate(input.validUntil, locale)),
      field("issuingBody", t("issuingBody")),
      field("issueDate", formatSlipDate(input.issuedAt, locale)),
      field("caseReference", input.caseReference),
    ],
    notes: [t, tSecondary].flatMap((tr) => [tr("householdPermit.notes.region"), tr("householdPermit.notes.stay", { months: input.maxStayMonths })]),
    verifyUrl: input.verifyUrl,
    qrCaption: both("qrCaption"),
    footer: both("footer"),
    language: locale,
    issuedAt: input.issuedAt,
  };
}

export async function renderHouseholdPermit(input: HouseholdPermitInput, locale: SlipLocale, t: Translator, tSecondary?: Translator): Promise<Uint8Array> {
  return renderDocument(householdPermitSpec(input, locale, t, tSecondary));
}
