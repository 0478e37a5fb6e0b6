import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { SelectField } from "@/app/_components/fields";
import { countryName } from "@/app/_components/staff/format";
import { formatCivilDate } from "@/app/_components/dates";
import { getDb } from "@/db";
import { listVisaRegimes } from "@/lib/dal/admin";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import styles from "../_lib/admin.module.css";
import { OutcomeNotices } from "../_lib/outcome-notices";
import { adminMetadata, first, knownCode, type SearchParams } from "../_lib/page-helpers";
import { requireAdminPage } from "../_lib/require-admin";
import { PeriodTag } from "../parameters/period-tag";

type Props = { params: Promise<{ locale: string }>; searchParams: SearchParams };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "visaRegimes.title");
}

export default async function VisaRegimesPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdminPage(locale, "/admin/visa-regimes");
  const db = await getDb();
  const ref = await loadReferenceData(db);
  const sp = await searchParams;
  const rawCountry = first(sp.country)?.toUpperCase();
  const country = rawCountry && ref.country(rawCountry) ? rawCountry : undefined;
  const today = todayInKazakhstan();
  const rows = await listVisaRegimes(db, viewer, { country }, { today });
  const [t, tTr, format] = await Promise.all([getTranslations("admin"), getTranslations("tr"), getFormatter()]);
  const done = knownCode(t, "visaRegimes.done", first(sp.done));
  const date = (d: string | null) => (d ? <time dateTime={d}>{formatCivilDate(format, d)}</time> : t("parameters.openEnded"));
  const countryOptions = ref
    .countries()
    .map((c) => ({ value: c.code, label: `${countryName(ref, c.code, locale)} (${c.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

  return (
    <>
      <p>
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <h1>{t("visaRegimes.heading")}</h1>
      <p className="lead">{t("visaRegimes.lead")}</p>
      <OutcomeNotices done={done && t(done)} />
      <p>
        <Link href={country ? `/admin/visa-regimes/new?country=${country}` : "/admin/visa-regimes/new"} className="button">
          {t("visaRegimes.add")}
        </Link>
      </p>

      <form method="get" action={`/${locale}/admin/visa-regimes`} className={styles.filters} role="search" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("visaRegimes.filtersTitle")}
        </h2>
        <div className={styles.filterRow}>
          <SelectField id="country" name="country" label={t("visaRegimes.fields.country")} options={countryOptions} placeholder={t("visaRegimes.allCountries")} defaultValue={country ?? ""} />
          <button type="submit" className="button button--secondary">
            {t("visaRegimes.applyFilter")}
          </button>
        </div>
      </form>

      {rows.length === 0 ? (
        <p>{t("visaRegimes.empty")}</p>
      ) : (
        <div className={styles.tableScroll} role="region" aria-labelledby="regimes-caption" tabIndex={0}>
          <table className="data">
            <caption id="regimes-caption">
              {country ? t("visaRegimes.captionCountry", { country: countryName(ref, country, locale) }) : t("visaRegimes.caption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("visaRegimes.fields.country")}</th>
                <th scope="col">{t("visaRegimes.fields.passportType")}</th>
                <th scope="col">{t("visaRegimes.fields.regime")}</th>
                <th scope="col">{t("parameters.columns.from")}</th>
                <th scope="col">{t("parameters.columns.to")}</th>
                <th scope="col">{t("parameters.columns.state")}</th>
                <th scope="col">{t("visaRegimes.columns.note")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {countryName(ref, r.country, locale)} <span className="muted">{r.country}</span>
                  </th>
                  <td>{tTr(`passportTypes.${r.passportType}`)}</td>
                  <td>{r.regime === "visa_free_days" ? t("visaRegimes.regimeDays", { days: r.days ?? 0 }) : t(`visaRegimes.regimes.${r.regime}`)}</td>
                  <td>{date(r.effectiveFrom)}</td>
                  <td>{date(r.effectiveTo)}</td>
                  <td>
                    <PeriodTag
                      period={{ inForce: r.inForce, scheduled: r.effectiveFrom > today }}
                      labels={{ inForce: t("parameters.state.inForce"), scheduled: t("parameters.state.scheduled"), ended: t("parameters.state.ended") }}
                    />
                  </td>
                  <td>{r.note ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
