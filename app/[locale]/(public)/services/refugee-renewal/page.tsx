import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { refugeeRenewalFacts } from "@/lib/public/service-facts";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "portal.rf" });
  return { title: t("title") };
}

/** RF-02…RF-09, RF-14, RF-15 for the public; every number comes from the rule parameters in force today. */
export default async function RefugeeRenewalServicePage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format, parameters] = await Promise.all([getTranslations("portal.rf"), getFormatter(), getDb().then(loadParameters)]);
  const facts = refugeeRenewalFacts(parameters, todayInKazakhstan());
  const rule = (id: string) => <span className="muted"> ({id})</span>;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>
        <Link href="/services/refugee-renewal/check" className="button">
          {t("checkLink")}
        </Link>{" "}
        <Link href="/apply/refugee-renewal" className="button button--secondary">
          {t("applyLink")}
        </Link>
      </p>

      <h2>{t("whoTitle")}</h2>
      <p>
        {t("who", { months: facts.extensionMonths })}
        {rule("RF-02, RF-03, RF-16")}
      </p>

      <h2>{t("whenTitle")}</h2>
      <ul>
        <li>
          {t("whenWindow", { days: facts.windowOpenDays })}
          {rule("RF-05")}
        </li>
        <li>
          {t("whenLate", { days: facts.lateDays })}
          {rule("RF-05")}
        </li>
        <li>{t("whenReminders", { days: format.list(facts.reminderDays.map((d) => format.number(d))) })}</li>
        <li>
          {t("whenProtected")}
          {rule("RF-08")}
        </li>
      </ul>

      <h2>{t("documentsTitle")}</h2>
      <ul>
        <li>{t("documents.form")}</li>
        <li>{t("documents.certificate")}</li>
        <li>{t("documents.identity")}</li>
        <li>{t("documents.address")}</li>
        <li>{t("documents.family")}</li>
        <li>{t("documents.evidence")}</li>
      </ul>
      <p className="muted">(RF-15)</p>

      <h2>{t("termsTitle")}</h2>
      <ul>
        <li>
          {t("termsCertificate", { days: facts.certificateWorkingDays })}
          {rule("RF-06")}
        </li>
        <li>
          {t("termsComplaint", { days: facts.complaintDays })}
          {rule("RF-09")}
        </li>
        <li>
          {facts.feeKzt > 0 ? t("termsFee", { fee: format.number(facts.feeKzt) }) : t("termsFree")}
          {rule("RF-14")}
        </li>
      </ul>
      <p className="notice">{t("privacy")}</p>
    </>
  );
}
