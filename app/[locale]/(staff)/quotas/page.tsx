import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { kandasLocale } from "@/app/_components/services/kandas/locale";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { quotaOfYear, quotaYears } from "@/lib/dal/kandas";
import { Link } from "@/lib/i18n/navigation";
import { localName } from "@/lib/i18n/names";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import { NationalQuotaForm, RegionalQuotaForm, type QuotaFormText } from "./quota-forms";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: kandasLocale((await params).locale), namespace: "kd.planner" });
  return { title: t("metaTitle") };
}

const MESSAGE_KEYS = ["rules.validation.required", "kd.validation.wholeFamilies", "kd.validation.year", "rules.validation.tooLong"];

/** KD-04, KD-05, R14: the ministry's quota planner enters the national quota and splits it by region, in families. */
export default async function QuotaPlannerPage({ params, searchParams }: Props) {
  const locale = kandasLocale((await params).locale);
  setRequestLocale(locale);
  await requireStaffViewer(locale, `/${locale}/quotas`, ["quota_planner"]);
  const current = Number(todayInKazakhstan().slice(0, 4));
  const requested = Number((await searchParams).year);
  const year = Number.isInteger(requested) && requested >= 2000 && requested <= 2100 ? requested : current;

  const db = await getDb();
  const [t, tAll, quota, years, ref] = await Promise.all([getTranslations("kd.planner"), getTranslations(), quotaOfYear(db, year), quotaYears(db), loadReferenceData(db)]);
  const regions = ref
    .regions(`${year}-01-01`)
    .map((r) => ({ value: r.code, label: localName(r, locale) }))
    .sort((a, b) => new Intl.Collator(locale).compare(a.label, b.label));
  const text: QuotaFormText = {
    families: t("families"),
    basis: t("basis"),
    region: t("region"),
    select: tAll("kd.apply.select"),
    submitNational: t("saveNational"),
    submitRegion: t("saveRegion"),
    saved: t("saved"),
    errorSummaryTitle: tAll("common.errors.summaryTitle"),
    messages: Object.fromEntries(MESSAGE_KEYS.map((k) => [k, tAll(k)])),
  };
  const yearOptions = [...new Set([current + 1, current, ...years])].sort((a, b) => b - a);

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <form method="get" className="button-group">
        <label htmlFor="year-choice">{t("year")}</label>
        <select id="year-choice" name="year" defaultValue={String(year)}>
          {yearOptions.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t("showYear")}
        </button>
      </form>

      <div className="grid-2">
        <section className="card" aria-labelledby="national-title">
          <h2 id="national-title">
            {t("nationalTitle")} {year}
          </h2>
          <NationalQuotaForm key={`n-${year}`} locale={locale} year={year} current={{ families: quota.national, basis: quota.basis }} text={text} />
        </section>
        <section className="card" aria-labelledby="region-title">
          <h2 id="region-title">{t("regionTitle")}</h2>
          <RegionalQuotaForm key={`r-${year}`} locale={locale} year={year} regions={regions} text={text} />
        </section>
      </div>

      {quota.national === null ? (
        <p>{t("noNational", { year })}</p>
      ) : (
        <>
          <p data-testid="quota-summary">{t("summary", { allocated: quota.allocated, national: quota.national, used: quota.used })}</p>
          <table className="data" data-testid="planner-table">
            <caption>{t("caption", { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{tAll("kd.public.quotas.region")}</th>
                <th scope="col">{tAll("kd.public.quotas.allocated")}</th>
                <th scope="col">{tAll("kd.public.quotas.used")}</th>
                <th scope="col">{tAll("kd.public.quotas.free")}</th>
              </tr>
            </thead>
            <tbody>
              {quota.regions.map((r) => (
                <tr key={r.region} data-region={r.region}>
                  <th scope="row">{localName(r, locale)}</th>
                  <td>{r.allocated}</td>
                  <td>{r.used}</td>
                  <td>{r.free}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p>
        <Link href="/quotas/centres">{t("centresLink")}</Link>
      </p>
    </>
  );
}
