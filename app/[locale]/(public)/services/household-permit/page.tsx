import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { Link } from "@/lib/i18n/navigation";
import { localName } from "@/lib/i18n/names";
import { routing } from "@/lib/i18n/routing";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { householdPermitFacts } from "@/lib/public/service-facts";

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
  const [t, tPortal, format, parameters, ref] = await Promise.all([getTranslations("hp.public"), getTranslations("portal.hp"), getFormatter(), loadParameters(db), loadReferenceData(db)]);
  const facts = householdPermitFacts(parameters, todayInKazakhstan());
  const rates = facts.monthlyRates;
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
        {t("who", { minDays: facts.minVisaFreeDays })}
        {rule("HP-02")}
      </p>
      <p>
        {t("eaeu")}
        {rule("HP-03")}
      </p>

      <h2>{t("rulesTitle")}</h2>
      <ul>
        <li>
          {t("ruleStay", { months: facts.maxStayMonths })}
          {rule("HP-08")}
        </li>
        <li>
          {t("ruleEmployer", { max: facts.maxWorkersPerEmployer })}
          {rule("HP-09, HP-10, HP-11")}
        </li>
        <li>
          {t("ruleDocuments")}
          {rule("HP-05, HP-06, HP-07")}
        </li>
        <li>
          {t("ruleTerms", { options: format.list(facts.termOptionsMonths.map((m) => format.number(m))) })}
          {rule("HP-17")}
        </li>
      </ul>

      <h2>{tPortal("termsTitle")}</h2>
      <ul>
        <li>{tPortal("termsDecision", { days: facts.decisionWorkingDays })}</li>
        <li>
          {tPortal("termsPayment", { days: facts.paymentDays })}
          {rule("HP-14")}
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
