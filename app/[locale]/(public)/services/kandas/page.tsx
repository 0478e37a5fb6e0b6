import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/dates";
import { kandasLocale } from "@/app/_components/services/kandas/locale";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { kandasDocuments, kandasStatusFacts } from "@/lib/public/service-facts";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: kandasLocale((await params).locale), namespace: "kd.public" });
  return { title: t("metaTitle") };
}

/** KD-01, KD-02, KD-03, KD-04, KD-08 for the public; the dates come from the parameters the engine reads. */
export default async function KandasServicePage({ params }: { params: Params }) {
  const locale = kandasLocale((await params).locale);
  setRequestLocale(locale);
  const [t, tPortal, tKd, format, parameters] = await Promise.all([getTranslations("kd.public"), getTranslations("portal"), getTranslations("kd"), getFormatter(), getDb().then(loadParameters)]);
  const today = todayInKazakhstan();
  const facts = kandasStatusFacts(parameters, today);
  const cutoff = formatCivilDate(format, facts.cutoffDate);
  const latest = formatCivilDate(format, facts.latestEmigrationDate);
  const documents = kandasDocuments(parameters, today);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("whoTitle")}</h2>
      <p>
        {t("who", { cutoff, latest })} <span className="muted">(KD-01, KD-02)</span>
      </p>
      <h2>{t("howTitle")}</h2>
      <p>
        {t("how")} <span className="muted">(KD-03, KD-04, KD-06, KD-08)</span>
      </p>
      <h2>{tPortal("kd.documentsTitle")}</h2>
      <ul>
        {documents.map((d) => (
          <li key={d.code}>
            {tKd.has(`options.documents.${d.code}`) ? tKd(`options.documents.${d.code}` as never) : d.code}
            {d.when === "always" ? null : <span className="muted"> — {tPortal(`kd.documentWhen.${d.when}`)}</span>}
          </li>
        ))}
      </ul>
      <h2>{tPortal("kd.termsTitle")}</h2>
      <ul>
        <li>{tPortal("kd.termsDecision", { days: facts.decisionWorkingDays })}</li>
        <li>{tPortal("kd.termsComplaint", { days: facts.complaintDays })}</li>
        <li>{tPortal("kd.termsDocument", { years: facts.documentValidYears })}</li>
      </ul>
      <ul>
        <li>
          <Link href="/services/kandas/check">{t("checkLink")}</Link>
        </li>
        <li>
          <Link href="/services/kandas/citizenship">{tPortal("kc.link")}</Link>
        </li>
        <li>
          <Link href="/services/kandas/quotas">{t("quotasLink")}</Link>
        </li>
      </ul>
      <p>
        <Link href="/apply/kandas" className="button">
          {t("applyLink")}
        </Link>
      </p>
    </>
  );
}
