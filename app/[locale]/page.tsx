import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/db";
import { loadParameters } from "@/lib/rules/load";
import { todayInKazakhstan } from "@/lib/rules/dates";

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("common.home");
  const comingSoon = ["rf", "kd"] as const;
  // The deadline shown is the one the engine enforces today.
  const deadlineDays = (await loadParameters(await getDb())).number("tr_registration_deadline_days", todayInKazakhstan());
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
        {comingSoon.map((s) => (
          <section className="card" aria-labelledby={`svc-${s}`} key={s}>
            <h3 id={`svc-${s}`}>{t(`${s}.title`)}</h3>
            <p>{t(`${s}.body`)}</p>
            <p className="muted">{t("comingSoon")}</p>
          </section>
        ))}
      </div>
      <h2>{t("checkStatus")}</h2>
      <p>
        <Link href="/status">{t("checkStatus")}</Link> · <Link href="/verify">{t("verify")}</Link>
      </p>
    </>
  );
}
