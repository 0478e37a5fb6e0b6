import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { kandasCitizenshipFacts } from "@/lib/public/service-facts";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "portal.kc" });
  return { title: t("title") };
}

/** Simplified citizenship for kandas (KD-14); the decision term comes from the rule parameters in force today. */
export default async function KandasCitizenshipServicePage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, parameters] = await Promise.all([getTranslations("portal.kc"), getDb().then(loadParameters)]);
  const facts = kandasCitizenshipFacts(parameters, todayInKazakhstan());
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("whoTitle")}</h2>
      <ul>
        <li>{t("whoKandas")}</li>
        <li>{t("whoResidence")}</li>
        <li>{t("whoRenounce")}</li>
      </ul>
      <p className="muted">(KD-14)</p>
      <h2>{t("documentsTitle")}</h2>
      <ul>
        <li>{t("documents.reference")}</li>
        <li>{t("documents.address")}</li>
        <li>{t("documents.declaration")}</li>
      </ul>
      <h2>{t("termsTitle")}</h2>
      <p>{t("terms", { months: facts.decisionMonths })}</p>
      <p>
        <Link href="/apply/kandas/citizenship" className="button">
          {t("applyLink")}
        </Link>
      </p>
      <p>
        <Link href="/services/kandas">{t("back")}</Link>
      </p>
    </>
  );
}
