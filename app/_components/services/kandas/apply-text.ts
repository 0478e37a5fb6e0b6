import "server-only";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { localName } from "@/lib/i18n/names";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import { DOCUMENT_CODES, DOCUMENT_TYPES, EDUCATION_LEVELS, ELIGIBILITY_BASES, FAMILY_HISTORIES, RELATIONSHIPS, SECTORS, SEXES, type KdApplicationInput } from "@/lib/services/kandas-status/schema";
import type { KdApplyText } from "./apply-types";

/** The schema's message keys the form may show, translated here for the browser. */
const MESSAGE_KEYS = [
  "rules.validation.required",
  "rules.validation.tooLong",
  "rules.validation.date",
  "rules.validation.phone",
  "kd.validation.latinName",
  "kd.validation.cyrillicName",
  "kd.validation.documentNumber",
  "kd.validation.ethnicityDeclaration",
  "kd.validation.wholeYears",
  "kd.validation.tooManyMembers",
];

const FIELDS = [
  "surname", "givenNames", "surnameCyrillic", "givenNamesCyrillic", "birthDate", "sex", "citizenship", "birthCountry", "documentType", "documentNumber", "ethnicKazakh",
  "relationship", "basis", "residenceOnCutoff", "parentName", "parentNameHint", "parentEthnicKazakh", "familyHistory", "emigrationDate", "emigrationDateHint", "currentCountry",
  "education", "qualification", "sector", "yearsOfExperience", "region", "regionHint", "city", "needsCentrePlace", "phone", "documents",
] as const;

/** Labels, options and messages of the filing form in the reader's language. */
export async function loadKdApplyText(locale: string): Promise<KdApplyText> {
  const [t, tAll, ref] = await Promise.all([getTranslations({ locale, namespace: "kd" }), getTranslations({ locale }), getDb().then(loadReferenceData)]);
  const collator = new Intl.Collator(locale);
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  const opts = (values: readonly string[], ns: string) => values.map((v) => ({ value: v, label: t(`${ns}.${v}` as never) }));
  return {
    title: t("apply.title"),
    lead: t("apply.lead"),
    sections: {
      principal: t("apply.sections.principal"),
      members: t("apply.sections.members"),
      origin: t("apply.sections.origin"),
      qualifications: t("apply.sections.qualifications"),
      resettlement: t("apply.sections.resettlement"),
      documents: t("apply.sections.documents"),
    },
    fields: Object.fromEntries(FIELDS.map((f) => [f, t(`apply.fields.${f}`)])),
    countries: ref.countries().filter((c) => c.code !== "KAZ").map((c) => ({ value: c.code, label: localName(c, locale) })).sort(byLabel),
    regions: ref.regions(todayInKazakhstan()).map((r) => ({ value: r.code, label: localName(r, locale) })).sort(byLabel),
    options: {
      sexes: opts(SEXES, "options.sexes"),
      documentTypes: opts(DOCUMENT_TYPES, "options.documentTypes"),
      relationships: opts(RELATIONSHIPS, "options.relationships"),
      bases: opts(ELIGIBILITY_BASES, "options.bases"),
      familyHistories: opts(FAMILY_HISTORIES, "options.familyHistories"),
      education: opts(EDUCATION_LEVELS, "options.education"),
      sectors: opts(SECTORS, "options.sectors"),
      documents: opts(DOCUMENT_CODES, "options.documents"),
    },
    member: t.raw("apply.member") as string,
    noMembers: t("apply.noMembers"),
    addMember: t("apply.addMember"),
    removeMember: t.raw("apply.removeMember") as string,
    memberAdded: t.raw("apply.memberAdded") as string,
    memberRemoved: t.raw("apply.memberRemoved") as string,
    select: t("apply.select"),
    declaration: t("apply.declaration"),
    submit: t("apply.submit"),
    submitting: t("apply.submitting"),
    redirecting: t("apply.redirecting"),
    errorSummaryTitle: t("apply.errorSummaryTitle"),
    genericError: tAll("common.errors.genericTitle"),
    messages: Object.fromEntries(MESSAGE_KEYS.map((k) => [k, tAll(k as never)])),
  };
}

/** An empty application: text fields empty, so the browser never switches them from uncontrolled. */
export const EMPTY_KD_APPLICATION = {
    principal: { surname: "", givenNames: "", birthDate: "", citizenship: "", birthCountry: "", documentType: "passport_national", documentNumber: "", ethnicKazakh: false },
    members: [],
    origin: { residenceOnCutoff: "", parentEthnicKazakh: false, currentCountry: "" },
    qualifications: { qualification: "", yearsOfExperience: "" },
    resettlement: { region: "", city: "", needsCentrePlace: false, phone: "" },
    documents: [],
} as unknown as KdApplicationInput;
