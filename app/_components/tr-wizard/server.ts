import "server-only";
import { getTranslations } from "next-intl/server";
import type { DbOrTx } from "@/db/client";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import type { RegionRow } from "@/lib/rules/reference";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { KAZAKHSTAN } from "@/lib/services/temporary-registration/rules";
import { HOST_KINDS, PASSPORT_TYPES, PURPOSES, SEXES, TR_STEPS } from "@/lib/services/temporary-registration/schema";
import { localName } from "@/lib/i18n/names";
import { intlLocale } from "./format";
import type { FieldText, Option, TrFieldName, TrWizardOptions, TrWizardText } from "./types";

/** Builds the wizard's option lists and texts on the server, from reference data and parameters. */

function sorted(options: Option[], locale: string): Option[] {
  const collator = new Intl.Collator(intlLocale(locale));
  return options.sort((a, b) => collator.compare(a.label, b.label));
}

const FIELDS: { [S in (typeof TR_STEPS)[number]]: readonly string[] } = {
  person: ["surname", "givenNames", "surnameCyrillic", "givenNamesCyrillic", "birthDate", "sex", "citizenship"],
  passport: ["passportType", "passportNumber", "passportExpiresOn"],
  stay: ["entryDate", "purpose", "requestedEndDate", "eaeuWorker", "visaNumber", "visaValidUntil"],
  address: ["region", "city", "street", "building", "flat"],
  host: ["kind", "identifier", "name", "phone"],
};

/** Message keys the step schemas use: rules.validation.*, rules.iin_* / bin_*, tr.validation.* */
async function schemaMessages(locale: Locale, t: (key: string) => string): Promise<Record<string, string>> {
  const messages = await loadMessages(locale);
  const keys: string[] = [];
  const rules = (messages.rules ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(rules)) {
    if (typeof value === "string" && /^(iin|bin)_/.test(key)) keys.push(`rules.${key}`);
  }
  for (const key of Object.keys((rules.validation ?? {}) as Record<string, unknown>)) keys.push(`rules.validation.${key}`);
  for (const key of Object.keys(((messages.tr ?? {}) as Record<string, unknown>).validation ?? {})) keys.push(`tr.validation.${key}`);
  return Object.fromEntries(keys.map((key) => [key, t(key)]));
}

export interface TrWizardSetup {
  options: TrWizardOptions;
  text: TrWizardText;
}

export interface TrWizardSetupOptions {
  locale: Locale;
  /** Offer only these regions (a clerk files for their own regions). */
  regionCodes?: readonly string[];
  now?: Date;
  /** The answers are saved on the server as a draft (an applicant's own filing). */
  serverDraft?: boolean;
}

export async function loadTrWizardSetup(db: DbOrTx, { locale, regionCodes, now, serverDraft }: TrWizardSetupOptions): Promise<TrWizardSetup> {
  const [t, ref, params] = await Promise.all([getTranslations({ locale }), loadReferenceData(db), loadParameters(db)]);
  const today = todayInKazakhstan(now);

  const countries = ref.countries().filter((c) => c.code !== KAZAKHSTAN);
  const regionRows: RegionRow[] = ref.regions(today).filter((r) => !regionCodes || regionCodes.includes(r.code));
  const eaeuCountries = countries.filter((c) => ref.isEaeuMember(c.code, today)).map((c) => localName(c, locale));
  const options: TrWizardOptions = {
    countries: sorted(countries.map((c) => ({ value: c.code, label: localName(c, locale) })), locale),
    regions: sorted(regionRows.map((r) => ({ value: r.code, label: localName(r, locale) })), locale),
    purposes: PURPOSES.map((p) => ({ value: p, label: t(`tr.purposes.${p}`) })),
    passportTypes: PASSPORT_TYPES.map((p) => ({ value: p, label: t(`tr.passportTypes.${p}`) })),
    sexes: SEXES.map((s) => ({ value: s, label: t(`tr.sexes.${s}`) })),
    hostKinds: HOST_KINDS.map((k) => ({ value: k, label: t(`tr.hostKinds.${k}`) })),
  };

  // The deadlines in the hints come from the parameters in force today (TR-02, TR-05).
  const hintValues: Record<string, string | number> = {
    days: params.number("tr_registration_deadline_days", today),
    eaeuDays: params.number("tr_eaeu_worker_deadline_days", today),
    countries: new Intl.ListFormat(intlLocale(locale), { type: "conjunction" }).format(eaeuCountries),
  };
  const fields = {} as Record<TrFieldName, FieldText>;
  for (const step of TR_STEPS) {
    for (const name of FIELDS[step]) {
      const base = `tr.form.fields.${step}.${name}`;
      fields[`${step}.${name}` as TrFieldName] = {
        label: t(`${base}.label`),
        hint: t.has(`${base}.hint`) ? t(`${base}.hint`, hintValues) : undefined,
      };
    }
  }

  const total = TR_STEPS.length;
  const page = (key: string) => ({ title: t(`tr.form.pages.${key}.title`), lead: t.has(`tr.form.pages.${key}.lead`) ? t(`tr.form.pages.${key}.lead`) : undefined });
  const text: TrWizardText = {
    serviceName: t("tr.serviceName"),
    stepIndicator: Object.fromEntries(TR_STEPS.map((s, i) => [s, t("tr.form.stepIndicator", { current: i + 1, total })])) as TrWizardText["stepIndicator"],
    pages: { person: page("person"), passport: page("passport"), stay: page("stay"), address: page("address"), host: page("host"), check: page("check") },
    fields,
    choose: t("tr.form.choose"),
    continue: t("common.actions.continue"),
    back: t("common.actions.back"),
    change: t("common.actions.change"),
    yes: t("common.yes"),
    no: t("common.no"),
    notProvided: t("common.notProvided"),
    submit: t("tr.form.submit"),
    submitting: t("tr.form.submitting"),
    declaration: t("tr.form.declaration"),
    keptInTab: serverDraft ? t("drafts.wizard.savedOnServer") : t("tr.form.keptInTab"),
    draftConflict: t("drafts.wizard.conflict"),
    draftNotSaved: t("drafts.wizard.notSaved"),
    redirecting: t("tr.form.redirecting"),
    errorSummaryTitle: t("common.errors.summaryTitle"),
    messages: await schemaMessages(locale, (key) => t(key)),
    genericError: t("common.errors.genericTitle"),
  };
  return { options, text };
}
