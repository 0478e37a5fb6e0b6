import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { Link } from "@/lib/i18n/navigation";
import { localName } from "@/lib/i18n/names";
import { routing } from "@/lib/i18n/routing";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "hp.public" });
  return { title: t("title") };
}

/** The household-permit service page; every number is read from the rule parameters in force today. */
export default async function HouseholdPermitServicePage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const db = await getDb();
  const [t, format, parameters, ref] = await Promise.all([getTranslations("hp.public"), getFormatter(), loadParameters(db), loadReferenceData(db)]);
  const today = todayInKazakhstan();
  const rates = parameters.get<Record<string, number>>("hp_monthly_rate_kzt", today);
  const regional = Object.entries(rates)
    .filter(([code]) => code !== "default")
    .map(([code, rate]) => {
      const region = ref.region(code);
      return { code, name: region ? localName(region, locale) : code, rate };
    });
  const rule = (id: string) => <span className="muted"> ({id})</span>;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <p>
        <Link href="/services/household-permit/check" className="button">
          {t("checkLink")}
        </Link>{" "}
        <Link href="/apply/household-permit" className="button button--secondary">
          {t("applyLink")}
        </Link>
      </p>

      <h2>{t("whoTitle")}</h2>
      <p>
        {t("who", { minDays: parameters.number("hp_min_visa_free_days", today) })}
        {rule("HP-02")}
      </p>
      <p>
        {t("eaeu")}
        {rule("HP-03")}
      </p>

      <h2>{t("rulesTitle")}</h2>
      <ul>
        <li>
          {t("ruleStay", { months: parameters.number("hp_max_continuous_stay_months", today) })}
          {rule("HP-08")}
        </li>
        <li>
          {t("ruleEmployer", { max: parameters.number("hp_max_workers_per_employer", today) })}
          {rule("HP-09, HP-10, HP-11")}
        </li>
        <li>
          {t("ruleDocuments")}
          {rule("HP-05, HP-06, HP-07")}
        </li>
        <li>
          {t("ruleTerms", { options: parameters.get<number[]>("hp_term_options_months", today).join(", ") })}
          {rule("HP-17")}
        </li>
      </ul>

      <h2>{t("feeTitle")}</h2>
      <p>
        {t("feeIntro")}
        {rule("HP-14")}
      </p>
      <table className="data" data-testid="hp-fees">
        <thead>
          <tr>
            <th scope="col">{t("feeRegion")}</th>
            <th scope="col">{t("feeRate")}</th>
          </tr>
        </thead>
        <tbody>
          {regional.map((r) => (
            <tr key={r.code}>
              <td>{r.name}</td>
              <td>{format.number(r.rate)}</td>
            </tr>
          ))}
          <tr>
            <td>{t("feeOther")}</td>
            <td>{format.number(rates.default ?? 0)}</td>
          </tr>
        </tbody>
      </table>
    </>
  );
}
