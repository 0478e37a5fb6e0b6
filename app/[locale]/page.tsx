import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/db";
import { loadParameters } from "@/lib/rules/load";
import { todayInKazakhstan } from "@/lib/rules/dates";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tPortal, parameters] = await Promise.all([getTranslations("common.home"), getTranslations("portal.home"), getDb().then(loadParameters)]);
  const today = todayInKazakhstan();
  // The terms shown are the ones the engine enforces today.
  const deadlineDays = parameters.number("tr_registration_deadline_days", today);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <h2>{t("services")}</h2>
      <div className="grid-2">
        <section className="card" aria-labelledby="svc-tr">
          <h3 id="svc-tr">{t("tr.title")}</h3>
          <p>{t("tr.body", { days: deadlineDays })}</p>
          <Link href="/services/temporary-registration" className="button">
            {t("startNow")}
          </Link>
        </section>
        <section className="card" aria-labelledby="svc-hp">
          <h3 id="svc-hp">{t("hp.title")}</h3>
          <p>{t("hp.body")}</p>
          <Link href="/services/household-permit" className="button">
            {t("startNow")}
          </Link>
        </section>
        <section className="card" aria-labelledby="svc-rf">
          <h3 id="svc-rf">{t("rf.title")}</h3>
          <p>{tPortal("rfBody", { months: parameters.number("rf_extension_term_months", today) })}</p>
          <Link href="/services/refugee-renewal" className="button">
            {t("startNow")}
          </Link>
        </section>
        <section className="card" aria-labelledby="svc-kd">
          <h3 id="svc-kd">{t("kd.title")}</h3>
          <p>{t("kd.body")}</p>
          <Link href="/services/kandas" className="button">
            {t("startNow")}
          </Link>
        </section>
      </div>
      <h2>{t("checkStatus")}</h2>
      <p>
        <Link href="/status">{t("checkStatus")}</Link> · <Link href="/verify">{t("verify")}</Link>
      </p>
    </>
  );
}
