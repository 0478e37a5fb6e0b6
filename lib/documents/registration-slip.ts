import kkMessages from "@/lib/i18n/messages/kk/documents.json";
import ruMessages from "@/lib/i18n/messages/ru/documents.json";
import { renderDocument, type DocumentField, type DocumentSpec } from "./pdf";
import { messagesTranslator, type DocumentsKey, type Translator } from "./translator";

export type SlipLocale = "kk" | "ru" | "en";

/** Everything printed on a temporary registration slip (TR-16); names and texts as they are to appear. */
export interface RegistrationSlipInput {
  documentNumber: string;
  caseReference: string;
  holder: {
    /** Latin, as written in the passport. */
    surname: string;
    givenNames: string;
    surnameCyrillic?: string | null;
    givenNamesCyrillic?: string | null;
    /** YYYY-MM-DD */
    birthDate: string;
  };
  /** Name of the country (or "stateless") in the slip's language. */
  citizenship: string;
  address: {
    region: string;
    city: string;
    street: string;
    building: string;
    flat?: string | null;
  };
  /** YYYY-MM-DD */
  validFrom: string;
  /** YYYY-MM-DD */
  validUntil: string;
  /** Purpose of stay in the slip's language (TR-10). */
  purpose: string;
  /** The host's name only: a person or an organisation. */
  hostName: string;
  issuedAt: Date;
  verifyUrl: string;
}

const TIME_ZONE = "Asia/Almaty";
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function dateFormat(locale: SlipLocale): Intl.DateTimeFormat {
  return locale === "en"
    ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE })
    : new Intl.DateTimeFormat(locale === "kk" ? "kk-KZ" : "ru-RU", {
        day: "2-digit",
        month: "2-digit",
        year: "numeric",
        timeZone: TIME_ZONE,
      });
}

/** dd.MM.yyyy in Kazakh and Russian, "5 March 2026" in English. */
export function formatSlipDate(date: string | Date, locale: SlipLocale): string {
  let instant: Date;
  if (typeof date === "string") {
    const m = CIVIL_DATE.exec(date);
    const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    // Date.UTC rolls 30 February over into March; a round trip catches it.
    const check = new Date(Date.UTC(y, mo - 1, d));
    if (!m || check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
      throw new RangeError(`Not a civil date: ${date}`);
    }
    // Midday in Almaty names the same calendar day in that zone.
    instant = new Date(`${date}T12:00:00+05:00`);
  } else {
    instant = date;
  }
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Invalid date: ${String(date)}`);
  return dateFormat(locale).format(instant);
}

/** The second language of the slip: Kazakh beside Russian or English, Russian beside Kazakh (§6.7). */
export function secondaryLocale(locale: SlipLocale): "kk" | "ru" {
  return locale === "kk" ? "ru" : "kk";
}

const BUNDLED: Record<"kk" | "ru", Translator> = {
  kk: messagesTranslator(kkMessages),
  ru: messagesTranslator(ruMessages),
};

function formatAddress(address: RegistrationSlipInput["address"], t: Translator): string {
  const parts = [
    address.region,
    address.city,
    address.street,
    t("registrationSlip.address.building", { building: address.building }),
  ];
  if (address.flat) parts.push(t("registrationSlip.address.flat", { flat: address.flat }));
  return parts.map((p) => p.trim()).filter(Boolean).join(", ");
}

/** Builds the layout spec of a slip; exported so the verify page can show the same fields. */
export function registrationSlipSpec(
  input: RegistrationSlipInput,
  locale: SlipLocale,
  t: Translator,
  tSecondary: Translator = BUNDLED[secondaryLocale(locale)],
): DocumentSpec {
  const both = (key: DocumentsKey) => `${t(key)}\n${tSecondary(key)}`;
  const field = (key: keyof typeof kkMessages.registrationSlip.fields, value: string): DocumentField => ({
    label: t(`registrationSlip.fields.${key}`),
    secondaryLabel: tSecondary(`registrationSlip.fields.${key}`),
    value,
  });

  const { holder } = input;
  const cyrillic = [holder.surnameCyrillic, holder.givenNamesCyrillic]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(" ");

  const fields: DocumentField[] = [
    field("holderLatin", `${holder.surname} ${holder.givenNames}`.trim()),
    ...(cyrillic ? [field("holderCyrillic", cyrillic)] : []),
    field("birthDate", formatSlipDate(holder.birthDate, locale)),
    field("citizenship", input.citizenship),
    field("address", formatAddress(input.address, t)),
    field("validFrom", formatSlipDate(input.validFrom, locale)),
    field("validUntil", formatSlipDate(input.validUntil, locale)),
    field("purpose", input.purpose),
    field("host", input.hostName),
    field("issuingBody", t("issuingBody")),
    field("issueDate", formatSlipDate(input.issuedAt, locale)),
    field("caseReference", input.caseReference),
  ];

  return {
    title: t("registrationSlip.title"),
    secondaryTitle: tSecondary("registrationSlip.title"),
    subtitle: t("registrationSlip.subtitle"),
    issuer: both("issuingBody"),
    number: input.documentNumber,
    fields,
    notes: [t, tSecondary].flatMap((tr) => [tr("registrationSlip.notes.address"), tr("registrationSlip.notes.stay")]),
    verifyUrl: input.verifyUrl,
    qrCaption: both("qrCaption"),
    footer: both("footer"),
    language: locale,
    issuedAt: input.issuedAt,
  };
}

/**
 * PDF of a temporary registration slip. `t` is the "documents" translator of `locale`; the second
 * language's labels come from the bundled messages unless `tSecondary` is given.
 */
export async function renderRegistrationSlip(
  input: RegistrationSlipInput,
  locale: SlipLocale,
  t: Translator,
  tSecondary?: Translator,
): Promise<Uint8Array> {
  return renderDocument(registrationSlipSpec(input, locale, t, tSecondary));
}
