import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { KandasApplyForm } from "@/app/_components/services/kandas/apply-form";
import type { KdApplyText } from "@/app/_components/services/kandas/apply-types";
import { localName } from "@/lib/i18n/names";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import { KD_SERVICE } from "@/lib/services/ids";
import { DOCUMENT_CODES, DOCUMENT_TYPES, EDUCATION_LEVELS, ELIGIBILITY_BASES, FAMILY_HISTORIES, RELATIONSHIPS, SECTORS, SEXES } from "@/lib/services/kandas-status/schema";
import { pageLocale, requireApplicant } from "../../_lib/guard";
import { submitKandasApplication } from "./actions";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: pageLocale((await params).locale), namespace: "kd.apply" });
  return { title: t("metaTitle") };
}

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

/** R5: a returning family applies online for the status and a quota place (KD-01…KD-17). */
export default async function ApplyKandasPage({ params }: { params: Params }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/apply/kandas");
  const [t, tAll, ref] = await Promise.all([getTranslations("kd"), getTranslations(), getDb().then(loadReferenceData)]);
  const collator = new Intl.Collator(locale);
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  const opts = (values: readonly string[], ns: string) => values.map((v) => ({ value: v, label: t(`${ns}.${v}` as never) }));
  const text: KdApplyText = {
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
  const defaults = {
    principal: { surname: "", givenNames: "", birthDate: "", citizenship: "", birthCountry: "", documentType: "passport_national", documentNumber: "", ethnicKazakh: false },
    members: [],
    origin: { residenceOnCutoff: "", parentEthnicKazakh: false, currentCountry: "" },
    qualifications: { qualification: "", yearsOfExperience: "" },
    resettlement: { region: "", city: "", needsCentrePlace: false, phone: "" },
    documents: [],
  } as unknown as Parameters<typeof KandasApplyForm>[0]["defaults"];
  return <KandasApplyForm storageKey={`kd-apply:${viewer.userId}:${KD_SERVICE}`} locale={locale} defaults={defaults} text={text} submitAction={submitKandasApplication} />;
}
