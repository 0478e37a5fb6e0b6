import en from "@/lib/i18n/messages/en/rf.json";
import kk from "@/lib/i18n/messages/kk/rf.json";
import ru from "@/lib/i18n/messages/ru/rf.json";
import { renderDocument, type DocumentField, type DocumentSpec } from "@/lib/documents/pdf";
import { formatSlipDate, secondaryLocale, type SlipLocale } from "@/lib/documents/registration-slip";
import { messagesTranslator, type Translator } from "@/lib/documents/translator";

/** The refugee certificate after an extension (RF-06, RF-07) and the monthly list (RF-11). */

const BUNDLED: Record<SlipLocale, Translator<string>> = {
  kk: messagesTranslator(kk),
  ru: messagesTranslator(ru),
  en: messagesTranslator(en),
};

export interface RefugeeCertificateInput {
  documentNumber: string;
  caseReference: string;
  holder: { name: string; birthDate: string };
  /** Names in the certificate's language. */
  countryOfOrigin: string;
  region: string;
  relation: "principal" | "spouse" | "child" | "parent" | "other";
  validFrom: string;
  validUntil: string;
  issuedAt: Date;
  verifyUrl: string;
}

export function refugeeCertificateSpec(input: RefugeeCertificateInput, locale: SlipLocale): DocumentSpec {
  const t = BUNDLED[locale];
  const t2 = BUNDLED[secondaryLocale(locale)];
  const field = (key: string, value: string): DocumentField => ({ label: t(`certificate.fields.${key}`), secondaryLabel: t2(`certificate.fields.${key}`), value });
  return {
    title: t("certificate.title"),
    secondaryTitle: t2("certificate.title"),
    subtitle: t("certificate.subtitle"),
    issuer: `${t("certificate.issuingBody")}\n${t2("certificate.issuingBody")}`,
    number: input.documentNumber,
    fields: [
      field("holder", input.holder.name),
      field("birthDate", formatSlipDate(input.holder.birthDate, locale)),
      field("countryOfOrigin", input.countryOfOrigin),
      field("relation", t(`relations.${input.relation}`)),
      field("region", input.region),
      field("validFrom", formatSlipDate(input.validFrom, locale)),
      field("validUntil", formatSlipDate(input.validUntil, locale)),
      field("issueDate", formatSlipDate(input.issuedAt, locale)),
      field("caseReference", input.caseReference),
    ],
    notes: [t("certificate.notes.protection"), t2("certificate.notes.protection")],
    verifyUrl: input.verifyUrl,
    qrCaption: `${t("certificate.qrCaption")}\n${t2("certificate.qrCaption")}`,
    footer: `${t("certificate.footer")}\n${t2("certificate.footer")}`,
    language: locale,
    issuedAt: input.issuedAt,
  };
}

export function renderRefugeeCertificate(input: RefugeeCertificateInput, locale: SlipLocale): Promise<Uint8Array> {
  return renderDocument(refugeeCertificateSpec(input, locale));
}

export interface RefugeeListRow {
  category: "refugee" | "asylum_seeker";
  certificateNumber: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  sex: "F" | "M";
  countryOfOrigin: string;
  region: string;
  familyId: string;
  relation: string;
  state: string;
  endsOn: string;
}

const CSV_COLUMNS: (keyof RefugeeListRow)[] = ["category", "certificateNumber", "surname", "givenNames", "birthDate", "sex", "countryOfOrigin", "region", "familyId", "relation", "state", "endsOn"];

function csvCell(value: string): string {
  // A leading formula character would run in a spreadsheet; quotes are doubled.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a header row, CRLF line ends, for the national security bodies' import. */
export function refugeeListCsv(rows: readonly RefugeeListRow[]): string {
  return [CSV_COLUMNS.join(","), ...rows.map((r) => CSV_COLUMNS.map((c) => csvCell(String(r[c]))).join(","))].join("\r\n") + "\r\n";
}

/** The same list as a printable PDF in Russian and Kazakh, one entry per person. */
export function renderRefugeeList(rows: readonly RefugeeListRow[], period: { start: string; end: string; producedAt: Date }): Promise<Uint8Array> {
  const t = BUNDLED.ru;
  const t2 = BUNDLED.kk;
  return renderDocument({
    title: t("list.title"),
    secondaryTitle: t2("list.title"),
    subtitle: t("list.subtitle", { start: formatSlipDate(period.start, "ru"), end: formatSlipDate(period.end, "ru"), count: rows.length }),
    issuer: `${t("certificate.issuingBody")}\n${t2("certificate.issuingBody")}`,
    number: period.start.slice(0, 7),
    fields: rows.map((r, i) => ({
      label: `${i + 1}. ${r.certificateNumber}`,
      value: `${r.surname} ${r.givenNames}, ${formatSlipDate(r.birthDate, "ru")}, ${r.sex}\n${r.countryOfOrigin} · ${r.region} · ${t(`relations.${r.relation}`)} · ${t(`statusStates.${r.state}`)} · ${formatSlipDate(r.endsOn, "ru")}`,
    })),
    notes: [t("list.notes.confidential"), t2("list.notes.confidential")],
    verifyUrl: `/staff/refugee-lists/${period.start}`,
    qrCaption: `${t("list.qrCaption")}\n${t2("list.qrCaption")}`,
    footer: `${t("list.footer")}\n${t2("list.footer")}`,
    language: "ru",
    issuedAt: period.producedAt,
  });
}
