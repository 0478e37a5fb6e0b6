import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { ErrorSummary } from "@/app/_components/error-summary";
import { SelectField } from "@/app/_components/fields";
import { translateMessage } from "@/lib/forms/action-state";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { eligibility, type HpEligibility } from "@/lib/services/household-permit/rules";
import { hpEligibilityInput } from "@/lib/services/household-permit/schema";
import { countryOptions } from "../../../_lib/countries";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const FIELDS = ["citizenship", "passportType"] as const;
type Field = (typeof FIELDS)[number];

const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "hp.public.check" });
  return { title: t("title") };
}

const TONE: Record<HpEligibility["kind"], string> = { not_required: "notice notice--success", eligible: "notice notice--success", ineligible: "notice notice--error" };

/**
 * Whether a labour immigrant needs, and can get, a household permit (HP-03, HP-02): a GET form that
 * works without JavaScript, answered by the rule function and parameters the engine uses.
 */
export default async function HouseholdPermitCheckPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const values: Record<Field, string | undefined> = { citizenship: first(query.citizenship), passportType: first(query.passportType) };
  const submitted = FIELDS.some((f) => values[f] !== undefined);
  const db = await getDb();
  const [t, tApply, tAll, ref, parameters] = await Promise.all([getTranslations("hp.public.check"), getTranslations("hp.apply"), getTranslations(), loadReferenceData(db), loadParameters(db)]);
  const today = todayInKazakhstan();

  const errors: Partial<Record<Field, string>> = {};
  let outcome: HpEligibility | null = null;
  if (submitted) {
    const parsed = hpEligibilityInput.safeParse({ ...values, passportType: values.passportType || "national" });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors[issue.path[0] as Field] ??= translateMessage(tAll, issue.message);
    } else if (!ref.country(parsed.data.citizenship)) {
      errors.citizenship = translateMessage(tAll, "rules.validation.required");
    } else {
      outcome = eligibility(parsed.data.citizenship, parsed.data.passportType, today, parameters, ref);
    }
  }
  const summary = FIELDS.filter((f) => errors[f]).map((f) => ({ path: f, message: errors[f]! }));
  const numbers = { minDays: parameters.number("hp_min_visa_free_days", today), months: parameters.number("hp_max_continuous_stay_months", today) };

  return (
    <>
      <ErrorSummary title={tAll("common.errors.summaryTitle")} errors={summary} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>

      {outcome ? (
        <section className={TONE[outcome.kind]} aria-labelledby="hp-eligibility-result" data-testid="eligibility-result" data-outcome={outcome.kind}>
          <h2 id="hp-eligibility-result">{t(`${outcome.kind}.title`)}</h2>
          <p>{t(`${outcome.kind}.body`, numbers)}</p>
          <p className="muted">({outcome.rule})</p>
          {outcome.kind === "eligible" ? (
            <p>
              <Link href="/apply/household-permit" className="button">
                {tAll("hp.public.applyLink")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <form method="get" noValidate>
        <SelectField
          id="citizenship"
          name="citizenship"
          label={t("citizenship")}
          placeholder={tApply("chooseOption")}
          options={countryOptions(ref.countries().filter((c) => c.code !== "KAZ"), locale)}
          defaultValue={values.citizenship ?? ""}
          error={errors.citizenship}
        />
        <SelectField
          id="passportType"
          name="passportType"
          label={t("passportType")}
          options={(["national", "official", "diplomatic"] as const).map((p) => ({ value: p, label: tApply(`passportTypes.${p}`) }))}
          defaultValue={values.passportType ?? "national"}
          error={errors.passportType}
        />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
      <p>
        <Link href="/services/household-permit">{tAll("hp.public.title")}</Link>
      </p>
    </>
  );
}
