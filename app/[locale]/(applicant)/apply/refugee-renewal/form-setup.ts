import type { getTranslations } from "next-intl/server";
import type { Dependant, RenewalFormText } from "@/app/_components/services/refugee-renewal/renewal-form";
import type { myRefugeeFamily } from "@/lib/dal/refugee-renewal";
import { localName } from "@/lib/i18n/names";
import type { Locale } from "@/lib/i18n/routing";
import type { ReferenceData } from "@/lib/rules/reference";
import { RF_DOCUMENT_TYPES, RF_RELATIONS, SEXES } from "@/lib/services/refugee-renewal/schema";

type Translator = Awaited<ReturnType<typeof getTranslations>>;
type Member = NonNullable<Awaited<ReturnType<typeof myRefugeeFamily>>>["members"][number];

/** Texts, choices and the current dependants of the renewal form, the same for filing and for correcting. */
export function renewalFormSetup(a: { t: Translator; tRf: Translator; ref: ReferenceData; locale: Locale; today: string; members: readonly Member[] }) {
  const { t, tRf } = a;
  const text: RenewalFormText = {
    errorSummary: t("errorSummary"),
    identity: t("sections.identity"),
    address: t("sections.address"),
    family: t("sections.family"),
    familyHint: t("familyHint"),
    remove: t.raw("remove") as string,
    removeReason: t.raw("removeReason") as string,
    addTitle: t.raw("addTitle") as string,
    addHint: t("addHint"),
    statementTitle: t("sections.statement"),
    submit: t("submit"),
    submitting: t("submitting"),
    choose: t("choose"),
    fields: Object.fromEntries(
      ["documentType", "documentNumber", "expiresOn", "region", "city", "street", "building", "flat", "phone", "statement", "newEvidence", "add_surname", "add_givenNames", "add_birthDate", "add_sex", "add_relation", "add_documentType", "add_documentNumber"].map((k) => [k, t(`fields.${k}`)]),
    ),
    hints: { expiresOn: t("hints.expiresOn"), statement: t("hints.statement"), newEvidence: t("hints.newEvidence") },
  };
  const options = {
    documentTypes: RF_DOCUMENT_TYPES.map((v) => ({ value: v, label: tRf(`documentTypes.${v}`) })),
    regions: a.ref.regions(a.today).map((r) => ({ value: r.code, label: localName(r, a.locale) })),
    relations: RF_RELATIONS.map((v) => ({ value: v, label: tRf(`relations.${v}`) })),
    sexes: SEXES.map((v) => ({ value: v, label: t(`sexes.${v}`) })),
  };
  const dependants: Dependant[] = a.members
    .filter((m) => m.relation !== "principal" && (m.state === "active" || m.state === "extension_pending"))
    .map((m) => ({ statusId: m.id, name: `${m.person.surname} ${m.person.givenNames}`, relation: tRf(`relations.${m.relation}`) }));
  return { text, options, dependants };
}
