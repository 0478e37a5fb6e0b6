import "server-only";
import { getTranslations } from "next-intl/server";
import type { DbOrTx } from "@/db/client";
import { localName } from "@/lib/i18n/names";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { WORK_CATEGORIES } from "@/lib/services/household-permit/schema";
import type { HpFieldset } from "./hp-form";

export interface Option {
  value: string;
  label: string;
}

/** Regions in force today, in the interface language; a clerk's or officer's own regions only when given. */
export async function regionOptions(db: DbOrTx, locale: string, only?: readonly string[]): Promise<Option[]> {
  const ref = await loadReferenceData(db);
  const collator = new Intl.Collator(locale);
  return ref
    .regions(todayInKazakhstan())
    .filter((r) => !only || only.includes(r.code))
    .map((r) => ({ value: r.code, label: localName(r, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export async function termOptions(db: DbOrTx, locale: string): Promise<Option[]> {
  const [params, t] = await Promise.all([loadParameters(db), getTranslations({ locale, namespace: "hp.apply" })]);
  return params.get<number[]>("hp_term_options_months", todayInKazakhstan()).map((m) => ({ value: String(m), label: t("monthsOption", { months: m }) }));
}

/** The application form, from the reference data and parameters in force today. */
export async function applicationFieldsets(db: DbOrTx, locale: string, regionsOnly?: readonly string[]): Promise<HpFieldset[]> {
  const [t, tc, ref, params, regions, terms] = await Promise.all([
    getTranslations({ locale, namespace: "hp.apply" }),
    getTranslations({ locale, namespace: "hp.categories" }),
    loadReferenceData(db),
    loadParameters(db),
    regionOptions(db, locale, regionsOnly),
    termOptions(db, locale),
  ]);
  const collator = new Intl.Collator(locale);
  const countries = ref
    .countries()
    .filter((c) => c.code !== "KAZ")
    .map((c) => ({ value: c.code, label: localName(c, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const categories = WORK_CATEGORIES.map((c) => ({ value: c, label: tc(c) }));
  const choose = t("chooseOption");
  const f = (name: string, key: string, kind: HpFieldset["fields"][number]["kind"] = "text", extra: Partial<HpFieldset["fields"][number]> = {}) => ({
    name,
    label: t(`fields.${key}`),
    kind,
    required: true,
    ...extra,
  });
  const optional = { required: false };
  const maxMonths = params.number("hp_max_continuous_stay_months", todayInKazakhstan());
  return [
    {
      legend: t("sections.person"),
      fields: [
        f("person.surname", "surname", "text", { hint: t("hints.latin"), autoComplete: "family-name" }),
        f("person.givenNames", "givenNames", "text", { hint: t("hints.latin"), autoComplete: "given-name" }),
        f("person.surnameCyrillic", "surnameCyrillic", "text", optional),
        f("person.givenNamesCyrillic", "givenNamesCyrillic", "text", optional),
        f("person.birthDate", "birthDate", "date", { autoComplete: "bday" }),
        f("person.sex", "sex", "select", { options: [{ value: "F", label: t("sexes.F") }, { value: "M", label: t("sexes.M") }], placeholder: choose }),
        f("person.citizenship", "citizenship", "select", { options: countries, placeholder: choose, hint: t("eaeuNote") }),
      ],
    },
    {
      legend: t("sections.passport"),
      fields: [
        f("passport.passportType", "passportType", "select", {
          options: (["national", "official", "diplomatic"] as const).map((p) => ({ value: p, label: t(`passportTypes.${p}`) })),
          defaultValue: "national",
        }),
        f("passport.passportNumber", "passportNumber"),
        f("passport.passportExpiresOn", "passportExpiresOn", "date"),
      ],
    },
    {
      legend: t("sections.stay"),
      fields: [f("stay.entryDate", "entryDate", "date", { hint: t("hints.entryDate", { months: maxMonths }) }), f("stay.registrationReference", "registrationReference", "text", optional)],
    },
    {
      legend: t("sections.work"),
      fields: [
        f("work.category", "category", "select", { options: categories, placeholder: choose }),
        f("work.termMonths", "termMonths", "select", { options: terms, placeholder: choose, hint: t("hints.termMonths") }),
        f("work.region", "region", "select", { options: regions, placeholder: choose }),
      ],
    },
    {
      legend: t("sections.insurance"),
      fields: [
        f("insurance.insurer", "insurer"),
        f("insurance.policyNumber", "policyNumber"),
        f("insurance.validFrom", "insuranceFrom", "date"),
        f("insurance.validUntil", "insuranceUntil", "date", { hint: t("hints.insuranceUntil") }),
      ],
    },
    {
      legend: t("sections.certificates"),
      fields: [
        f("certificates.criminalRecordNumber", "criminalRecordNumber"),
        f("certificates.criminalRecordIssuedOn", "criminalRecordIssuedOn", "date"),
        f("certificates.criminalRecordHasEntries", "criminalRecordHasEntries", "checkbox", {
          options: [{ value: "yes", label: t("fields.criminalRecordHasEntries") }],
          hint: t("hints.criminalRecordHasEntries"),
          required: false,
        }),
        f("certificates.medicalNumber", "medicalNumber"),
        f("certificates.medicalIssuedOn", "medicalIssuedOn", "date"),
        f("certificates.medicalCategory", "medicalCategory", "select", { options: categories, placeholder: choose, hint: t("hints.medicalCategory") }),
      ],
    },
    {
      legend: t("sections.employer"),
      intro: t("employerIntro"),
      fields: [
        f("employer.iin", "employerIin", "text", { ...optional, hint: t("hints.employerIin") }),
        f("employer.name", "employerName", "text", optional),
        f("employer.phone", "employerPhone", "tel", optional),
        f("employer.region", "employerRegion", "select", { ...optional, options: regions, placeholder: choose, hint: t("hints.employerRegion") }),
        f("employer.address", "employerAddress", "text", optional),
      ],
    },
  ];
}
