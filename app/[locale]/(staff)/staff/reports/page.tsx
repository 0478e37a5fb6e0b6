import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/app/_components/charts/charts.module.css";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { reportsFor } from "@/lib/dal/reports/reports";
import { mayReadRefugeeLists } from "@/lib/dal/refugee-renewal";
import { Link } from "@/lib/i18n/navigation";
import { filterQuery, parseReportFilter } from "@/lib/reports/filter";
import { todayInKazakhstan } from "@/lib/rules/dates";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reports.list" });
  return { title: t("title") };
}

/** The reports the viewer may open (domain §5), keeping the filters the dashboard had. */
export default async function ReportsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/reports`, ["supervisor", "auditor"]);
  const reports = reportsFor(viewer);
  if (!reports.length) notFound();
  const filter = parseReportFilter(await searchParams, todayInKazakhstan());
  const [t, tr] = await Promise.all([getTranslations("reports.list"), getTranslations("reports")]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <ul className={styles.reportList} data-testid="report-list">
        {reports.map((r) => (
          <li key={r.id} className="card">
            <h2>
              <Link href={`/staff/reports/${r.id}?${filterQuery(filter)}`}>{tr(`titles.${r.id}`)}</Link>
            </h2>
            <p>{tr(`descriptions.${r.id}`)}</p>
            <p className="muted">{t("basis", { basis: r.basis })}</p>
          </li>
        ))}
      </ul>
      {mayReadRefugeeLists(viewer) ? (
        <section className="card" aria-labelledby="refugee-lists-title">
          <h2 id="refugee-lists-title">{t("refugeeListsTitle")}</h2>
          <p>{t("refugeeListsBody")}</p>
          <p>
            <Link href="/staff/refugee-lists">{t("refugeeListsLink")}</Link>
          </p>
        </section>
      ) : null}
      <p>
        <Link href={`/staff/dashboard?${filterQuery(filter)}`}>{t("dashboardLink")}</Link>
      </p>
    </>
  );
}
