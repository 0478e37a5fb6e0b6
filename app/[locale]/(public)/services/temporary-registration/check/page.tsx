import type { Metadata } from "next";
import type { ReactNode } from "react";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { ErrorSummary } from "@/app/_components/error-summary";
import { RadioGroup, SelectField, TextField } from "@/app/_components/fields";
import { translateMessage } from "@/lib/forms/action-state";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { ParameterError } from "@/lib/rules/parameters";
import { KAZAKHSTAN, eligibility } from "@/lib/services/temporary-registration/rules";
import { eligibilityInput } from "@/lib/services/temporary-registration/schema";
import { countryName, countryOptions } from "../../../_lib/countries";
import { eligibilityPanel, type EligibilityPanel } from "../../../_lib/eligibility-panel";
import { formatCivilDate } from "@/app/_components/dates";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FIELDS = ["citizenship", "entryDate", "eaeuWorker"] as const;
type Field = (typeof FIELDS)[number];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "public.check" });
  return { title: t("metaTitle") };
}

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/**
 * The eligibility check: a GET form (works without JavaScript, and the result can be bookmarked),
 * answered by the same pure rule function and parameters the engine uses.
 */
export default async function EligibilityCheckPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const values: Record<Field, string | undefined> = {
    citizenship: first(query.citizenship),
    entryDate: first(query.entryDate),
    eaeuWorker: first(query.eaeuWorker),
  };
  const submitted = FIELDS.some((f) => values[f] !== undefined);

  const db = await getDb();
  const [t, tAll, format, ref, parameters] = await Promise.all([
    getTranslations("public.check"),
    getTranslations(),
    getFormatter(),
    loadReferenceData(db),
    loadParameters(db),
  ]);
  const today = todayInKazakhstan();

  const errors: Partial<Record<Field, string>> = {};
  let panel: EligibilityPanel | null = null;
  let notEaeuCountry: string | null = null;
  if (submitted) {
    const parsed = eligibilityInput.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as Field;
        errors[field] ??= translateMessage(tAll, issue.message);
      }
    } else if (!ref.country(parsed.data.citizenship)) {
      errors.citizenship = t("errors.unknownCountry");
    } else {
      const input = { ...parsed.data, eaeuWorker: parsed.data.eaeuWorker === "yes" };
      try {
        const outcome = eligibility(input, today, parameters, ref);
        panel = eligibilityPanel(outcome, input.entryDate, parameters.number("tr_late_tier_a_days", today));
        if (input.eaeuWorker && input.citizenship !== KAZAKHSTAN && !ref.isEaeuMember(input.citizenship, input.entryDate)) {
          notEaeuCountry = countryName(ref.country(input.citizenship), input.citizenship, locale);
        }
      } catch (error) {
        // No rule parameters cover an entry date that far back.
        if (!(error instanceof ParameterError)) throw error;
        errors.entryDate = t("errors.noRulesForDate");
      }
    }
  }

  const eaeuMembers = ref
    .countries()
    .filter((c) => ref.isEaeuMember(c.code, today))
    .map((c) => countryName(c, c.code, locale))
    .sort(new Intl.Collator(locale).compare)
    .join(", ");
  const summary = FIELDS.filter((f) => errors[f]).map((f) => ({ path: f, message: errors[f]! }));
  const resultValues = panel && {
    date: panel.date ? formatCivilDate(format, panel.date) : "",
    days: panel.days ?? 0,
    time: (chunks: ReactNode) => <time dateTime={panel.date ?? undefined}>{chunks}</time>,
  };

  return (
    <>
      <ErrorSummary title={tAll("common.errors.summaryTitle")} errors={summary} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      {panel && resultValues ? (
        <section
          className={panel.tone === "info" ? "notice" : `notice notice--${panel.tone}`}
          aria-labelledby="eligibility-result"
          data-testid="eligibility-result"
          data-outcome={panel.title.split(".")[0]}
        >
          <h2 id="eligibility-result">{t.rich(`result.${panel.title}`, resultValues)}</h2>
          <p>{t.rich(`result.${panel.body}`, resultValues)}</p>
          {notEaeuCountry ? <p>{t("result.notEaeuMember", { country: notEaeuCountry })}</p> : null}
          <p className="muted">{t("ruleRef", { rule: panel.rule })}</p>
          {panel.tone !== "success" ? (
            <p>
              <Link href="/apply/temporary-registration" className="button">
                {t("startNow")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <form method="get" noValidate>
        {panel ? <h2>{t("checkAgain")}</h2> : null}
        <SelectField
          id="citizenship"
          name="citizenship"
          label={t("citizenship")}
          hint={t("citizenshipHint")}
          placeholder={t("choose")}
          options={countryOptions(ref.countries(), locale)}
          defaultValue={values.citizenship ?? ""}
          error={errors.citizenship}
        />
        <TextField
          id="entryDate"
          name="entryDate"
          type="date"
          label={t("entryDate")}
          hint={t("entryDateHint")}
          defaultValue={values.entryDate ?? ""}
          error={errors.entryDate}
        />
        <RadioGroup
          name="eaeuWorker"
          legend={t("eaeuWorker")}
          hint={t("eaeuWorkerHint", { countries: eaeuMembers })}
          error={errors.eaeuWorker}
          options={[
            { value: "yes", label: tAll("common.yes") },
            { value: "no", label: tAll("common.no") },
          ]}
          inputProps={(value) => ({ defaultChecked: values.eaeuWorker === value })}
        />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
      <p>
        <Link href="/services/temporary-registration">{t("aboutService")}</Link>
      </p>
    </>
  );
}
