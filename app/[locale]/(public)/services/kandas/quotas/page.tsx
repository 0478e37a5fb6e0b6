import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { kandasLocale } from "@/app/_components/services/kandas/locale";
import { quotaOfYear } from "@/lib/dal/kandas";
import { localName } from "@/lib/i18n/names";
import { todayInKazakhstan } from "@/lib/rules/dates";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: kandasLocale((await params).locale), namespace: "kd.public.quotas" });
  return { title: t("metaTitle") };
}

// The free places change with every inclusion decision.
export const dynamic = "force-dynamic";

/** KD-15: the quota regions of the current year with the places still free, in families (KD-05). */
export default async function KandasQuotasPage({ params }: { params: Params }) {
  const locale = kandasLocale((await params).locale);
  setRequestLocale(locale);
  const year = Number(todayInKazakhstan().slice(0, 4));
  const [t, quota] = await Promise.all([getTranslations("kd.public.quotas"), getDb().then((db) => quotaOfYear(db, year))]);
  return (
    <>
      <h1>{t("title", { year })}</h1>
      <p className="lead">{t("lead")}</p>
      {quota.national === null ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <p>{t("national", { families: quota.national })}</p>
          <table className="data" data-testid="quota-table">
            <caption>{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("region")}</th>
                <th scope="col">{t("allocated")}</th>
                <th scope="col">{t("used")}</th>
                <th scope="col">{t("free")}</th>
              </tr>
            </thead>
            <tbody>
              {quota.regions.map((r) => (
                <tr key={r.region} data-region={r.region}>
                  <th scope="row">{localName(r, locale)}</th>
                  <td>{r.allocated}</td>
                  <td>{r.used}</td>
                  <td>{r.free > 0 ? r.free : `0 (${t("full")})`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
