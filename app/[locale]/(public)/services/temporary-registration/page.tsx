import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { registrationDeadline } from "@/lib/services/temporary-registration/rules";
import { formatCivilDate } from "@/app/_components/dates";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "public.service" });
  return { title: t("metaTitle") };
}

/** Every number on this page is read from the rule parameters in force today, as the engine reads them. */
export default async function TemporaryRegistrationPage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, format, parameters] = await Promise.all([getTranslations("public.service"), getFormatter(), getDb().then(loadParameters)]);
  const today = todayInKazakhstan();
  const numbers = {
    deadlineDays: parameters.number("tr_registration_deadline_days", today),
    eaeuDays: parameters.number("tr_eaeu_worker_deadline_days", today),
    lateTierADays: parameters.number("tr_late_tier_a_days", today),
    graceDays: parameters.number("tr_overstay_grace_days", today),
    fee: parameters.number("tr_registration_fee_kzt", today),
    decisionDays: parameters.number("tr_decision_working_days", today),
  };
  const example = registrationDeadline(today, false, parameters).deadline;
  const rule = (id: string) => <span className="muted"> ({id})</span>;

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <h2>{t("who.heading")}</h2>
      <p>{t("who.body")}</p>
      <p>
        {t("who.citizens")}
        {rule("TR-01")}
      </p>

      <h2>{t("when.heading")}</h2>
      <p>
        {t("when.body", { days: numbers.deadlineDays })}
        {rule("TR-02")}
      </p>
      <p>{t("when.example", { today: formatCivilDate(format, today), deadline: formatCivilDate(format, example) })}</p>
      <p>
        {t("when.eaeu", { days: numbers.eaeuDays })}
        {rule("TR-05")}
      </p>
      <p>
        {t("when.late", { days: numbers.lateTierADays })}
        {rule("TR-09")}
      </p>
      <p>
        <Link href="/services/temporary-registration/check">{t("checkLink")}</Link>
      </p>

      <h2>{t("documents.heading")}</h2>
      <ul>
        <li>{t("documents.passport")}</li>
        <li>{t("documents.address")}</li>
        <li>{t("documents.host")}</li>
      </ul>

      <h2>{t("fee.heading")}</h2>
      <p>{t("fee.body", { fee: numbers.fee })}</p>

      <h2>{t("after.heading")}</h2>
      <p>{t("after.decision", { days: numbers.decisionDays })}</p>
      <p>{t("after.slip")}</p>
      <p>
        {t("after.stay")}
        {rule("TR-07")}
      </p>
      <p>
        {t("after.overstay", { days: numbers.graceDays })}
        {rule("TR-08")}
      </p>

      <div className="button-group">
        <Link href="/apply/temporary-registration" className="button">
          {t("start")}
        </Link>
      </div>
      <p className="notice">{t("frontOffice")}</p>
    </>
  );
}
