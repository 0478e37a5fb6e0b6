import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import styles from "@/app/_components/charts/charts.module.css";
import { FiltersForm } from "@/app/_components/reports/filters-form";
import { reportTexts } from "@/app/_components/reports/labeler";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { isReportId, runReport } from "@/lib/dal/reports/reports";
import { reportScope } from "@/lib/dal/reports/scope";
import { mayReadRefugeeLists } from "@/lib/dal/refugee-renewal";
import { Link } from "@/lib/i18n/navigation";
import { filterQuery, parseReportFilter } from "@/lib/reports/filter";
import { displayRows } from "@/lib/reports/table";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";

type Props = { params: Promise<{ locale: string; report: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, report } = await params;
  const t = await getTranslations({ locale, namespace: "reports" });
  return { title: isReportId(report) ? t(`titles.${report}`) : t("list.title") };
}

/** One report as a table, with CSV and XLSX downloads of exactly these rows (app/api/reports). */
export default async function ReportPage({ params, searchParams }: Props) {
  const { locale, report } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/reports/${report}`, ["supervisor", "auditor"]);
  const today = todayInKazakhstan();
  const filter = parseReportFilter(await searchParams, today);
  const db = await getDb();
  const [result, ref, t, tf] = await Promise.all([runReport(db, viewer, report, filter), loadReferenceData(db), getTranslations("reports"), getTranslations("reports.filters")]);
  const scope = reportScope(viewer);
  if (!result || !scope) notFound();
  const text = await reportTexts(ref, locale);
  const { definition, rows } = result;
  const cells = displayRows(definition.columns, rows, text.labels);
  const title = t(`titles.${definition.id}`);
  const services = scope.services.filter((s) => definition.services.includes(s));
  const download = (format: "csv" | "xlsx") => `/api/reports/${definition.id}?${filterQuery(filter, { format, locale })}`;
  const note = t.has(`notes.${definition.id}`) ? t(`notes.${definition.id}`) : null;
  return (
    <>
      <p>
        <Link href={`/staff/reports?${filterQuery(filter)}`}>{t("report.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t(`descriptions.${definition.id}`)}</p>
      {note ? <p className="notice">{note}</p> : null}
      {definition.id === "refugee-renewals" && mayReadRefugeeLists(viewer) ? (
        <p>
          <Link href="/staff/refugee-lists">{t("list.refugeeListsLink")}</Link>
        </p>
      ) : null}
      <FiltersForm
        action={`/${locale}/staff/reports/${definition.id}`}
        filter={filter}
        regions={(scope.regions ?? ref.regions(today).map((r) => r.code)).map((code) => ({ code, name: text.labels.region(code) }))}
        services={services.map((id) => ({ id, name: text.service(id) }))}
        text={{ title: tf("title"), region: tf("region"), service: tf("service"), all: tf("all"), from: tf("from"), to: tf("to"), monthHint: tf("monthHint"), apply: tf("apply") }}
      />
      <div className={styles.downloads}>
        <a className="button button--secondary" href={download("csv")} download aria-label={t("report.downloadCsvLabel", { title })} data-testid="download-csv">
          {t("report.downloadCsv")}
        </a>
        <a className="button button--secondary" href={download("xlsx")} download aria-label={t("report.downloadXlsxLabel", { title })} data-testid="download-xlsx">
          {t("report.downloadXlsx")}
        </a>
      </div>
      <p className="muted">{t("report.downloadNote")}</p>
      {cells.length === 0 ? (
        <p data-testid="report-empty">{t("report.empty")}</p>
      ) : (
        <div className={styles.tableScroll} role="region" aria-labelledby="report-caption" tabIndex={0}>
          <table className="data" data-testid="report-table">
            <caption id="report-caption">
              {title} — {tf("period", { from: filter.from, to: filter.to })} ({t("report.rows", { count: cells.length })})
            </caption>
            <thead>
              <tr>
                {definition.columns.map((c) => (
                  <th scope="col" key={c.key}>
                    {t(`columns.${c.key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells.map((row, i) => (
                <tr key={i}>
                  {row.map((v, j) => {
                    const kind = definition.columns[j]!.kind;
                    const shown = v === null ? "—" : kind === "count" ? text.number(Number(v)) : kind === "percent" ? text.percent(Number(v)) : String(v);
                    return j === 0 ? (
                      <th scope="row" key={j}>
                        {shown}
                      </th>
                    ) : (
                      <td key={j}>{shown}</td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
