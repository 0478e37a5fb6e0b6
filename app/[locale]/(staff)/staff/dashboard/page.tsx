import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { ChartFigure } from "@/app/_components/charts/chart-figure";
import styles from "@/app/_components/charts/charts.module.css";
import { formatCivilDate } from "@/app/_components/dates";
import { FiltersForm } from "@/app/_components/reports/filters-form";
import { reportTexts } from "@/app/_components/reports/labeler";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { supervisorDashboard, type WorkloadCounts } from "@/lib/dal/dashboard";
import { reportScope } from "@/lib/dal/reports/scope";
import { localName } from "@/lib/i18n/names";
import { Link } from "@/lib/i18n/navigation";
import { filterQuery, parseReportFilter } from "@/lib/reports/filter";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const COUNTS: (keyof WorkloadCounts)[] = ["open", "unallocated", "overdue", "dueSoon", "mine"];

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "reports.dashboard" });
  return { title: t("title") };
}

/** Issue 6 item 6: queue health of the supervisor's regions and services (auditors: all, read-only). */
export default async function DashboardPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/dashboard`, ["supervisor", "auditor"]);
  const scope = reportScope(viewer);
  if (!scope) notFound();
  const today = todayInKazakhstan();
  const filter = parseReportFilter(await searchParams, today);
  const db = await getDb();
  const [dashboard, ref, t, tf, format] = await Promise.all([
    supervisorDashboard(db, viewer, filter),
    loadReferenceData(db),
    getTranslations("reports.dashboard"),
    getTranslations("reports.filters"),
    getFormatter(),
  ]);
  if (!dashboard) notFound();
  const text = await reportTexts(ref, locale);
  const { workload, term, ages, refusals, kandas } = dashboard;
  const region = (code: string) => text.labels.region(code);
  const regionOptions = (scope.regions ?? ref.regions(today).map((r) => r.code)).map((code) => ({ code, name: region(code) }));
  const serviceOptions = scope.services.map((id) => ({ id, name: text.service(id) }));
  const team = (r: { region: string; service: string }) => t("teams.label", { service: text.service(r.service), region: region(r.region) });

  const termTotals = term.reduce((s, r) => ({ within: s.within + r.within, late: s.late + r.late }), { within: 0, late: 0 });
  const share = (within: number, late: number) => text.percent(within + late ? Math.round((within / (within + late)) * 1000) / 10 : null);
  const ageLabel = (b: { min: number; max: number | null }) => (b.max === null ? t("ages.bucketOpen", { min: b.min }) : t("ages.bucket", { min: b.min, max: b.max }));
  const refusalLabel = (r: { service: string; reasonCode: string | null }) =>
    t("refusals.label", { reason: r.reasonCode ? text.refusalReason(r.service, r.reasonCode) : t("refusals.none"), service: text.service(r.service) });
  const top = workload.officers[0];

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">
        {scope.regions === null
          ? t("leadAll")
          : t("leadRegions", { regions: scope.regions.map(region).join(", "), services: scope.services.map(text.service).join(", ") })}
      </p>
      <FiltersForm
        action={`/${locale}/staff/dashboard`}
        filter={filter}
        regions={regionOptions}
        services={serviceOptions}
        text={{ title: tf("title"), region: tf("region"), service: tf("service"), all: tf("all"), from: tf("from"), to: tf("to"), monthHint: tf("monthHint"), apply: tf("apply") }}
      />
      <p>
        {t("asOf", { date: formatCivilDate(format, today), until: formatCivilDate(format, workload.dueSoonUntil), days: workload.warningDays })}{" "}
        {tf("period", { from: filter.from, to: filter.to })}
      </p>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t("countsTitle")}</h2>
        <ul className={styles.counts} data-testid="dashboard-counts">
          {COUNTS.map((key) => (
            <li key={key} data-count={key}>
              <strong>{text.number(workload.totals[key])}</strong> {t(`counts.${key}`)}
            </li>
          ))}
        </ul>
      </section>

      <div>
        <ChartFigure
          id="chart-teams"
          caption={t("teams.caption")}
          summary={t("teams.summary", { teams: workload.teams.length, overdue: workload.totals.overdue, dueSoon: workload.totals.dueSoon, open: workload.totals.open, unallocated: workload.totals.unallocated })}
          series={(["unallocated", "overdue", "dueSoon", "mine"] as const).map((k) => ({ key: k, label: t(`counts.${k}`) }))}
          rows={workload.teams.map((r) => ({ label: team(r), values: [r.unallocated, r.overdue, r.dueSoon, r.mine] }))}
          table={{
            columns: COUNTS.map((k) => ({ label: t(`counts.${k}`) })),
            rows: workload.teams.map((r) => ({ label: team(r), cells: COUNTS.map((k) => text.number(r[k])) })),
          }}
          format={text.number}
          tableLabel={t("table")}
          rowHeader={t("teams.row")}
          empty={t("empty")}
        />
        <ChartFigure
          id="chart-officers"
          caption={t("officers.caption")}
          summary={top ? t("officers.summary", { count: workload.officers.length, name: top.name, overdue: top.overdue }) : t("empty")}
          series={(["open", "overdue", "dueSoon"] as const).map((k) => ({ key: k, label: t(`counts.${k}`) }))}
          rows={workload.officers.map((o) => ({ label: o.name, values: [o.open, o.overdue, o.dueSoon] }))}
          format={text.number}
          tableLabel={t("table")}
          rowHeader={t("officers.row")}
          empty={t("empty")}
        />
        <ChartFigure
          id="chart-term"
          caption={t("term.caption")}
          summary={t("term.summary", { within: termTotals.within, withTerm: termTotals.within + termTotals.late, share: share(termTotals.within, termTotals.late) })}
          series={[
            { key: "within", label: t("term.within") },
            { key: "late", label: t("term.late") },
          ]}
          mode="stacked"
          rows={term.map((r) => ({ label: team(r), values: [r.within, r.late] }))}
          table={{
            columns: [{ label: t("term.within") }, { label: t("term.late") }, { label: t("term.noTerm") }, { label: t("term.share") }],
            rows: term.map((r) => ({ label: team(r), cells: [text.number(r.within), text.number(r.late), text.number(r.noTerm), share(r.within, r.late)] })),
          }}
          format={text.number}
          tableLabel={t("table")}
          rowHeader={t("term.row")}
          empty={t("empty")}
        />
        <ChartFigure
          id="chart-ages"
          caption={t("ages.caption")}
          summary={t("ages.summary", { count: ages.reduce((s, b) => s + b.count, 0), old: ages.filter((b) => b.min > 30).reduce((s, b) => s + b.count, 0) })}
          series={[{ key: "count", label: t("ages.count") }]}
          rows={ages.some((b) => b.count > 0) ? ages.map((b) => ({ label: ageLabel(b), values: [b.count] })) : []}
          format={text.number}
          tableLabel={t("table")}
          rowHeader={t("ages.row")}
          empty={t("empty")}
        />
        <ChartFigure
          id="chart-refusals"
          caption={t("refusals.caption")}
          summary={refusals[0] ? t("refusals.summary", { count: refusals.reduce((s, r) => s + r.count, 0), top: refusalLabel(refusals[0]) }) : t("empty")}
          series={[{ key: "count", label: t("refusals.count") }]}
          rows={refusals.map((r) => ({ label: refusalLabel(r), values: [r.count] }))}
          format={text.number}
          tableLabel={t("table")}
          rowHeader={t("refusals.row")}
          empty={t("empty")}
        />
        {kandas ? (
          <ChartFigure
            id="chart-quota"
            caption={t("quota.caption", { year: kandas.year })}
            summary={t("quota.summary", { used: kandas.quotas.reduce((s, q) => s + q.used, 0), allocated: kandas.quotas.reduce((s, q) => s + q.allocated, 0) })}
            series={[
              { key: "used", label: t("quota.used") },
              { key: "free", label: t("quota.free") },
            ]}
            mode="stacked"
            rows={kandas.quotas.map((q) => ({ label: region(q.region), values: [q.used, q.free] }))}
            table={{
              columns: [{ label: t("quota.allocated") }, { label: t("quota.used") }, { label: t("quota.free") }],
              rows: kandas.quotas.map((q) => ({ label: region(q.region), cells: [text.number(q.allocated), text.number(q.used), text.number(q.free)] })),
            }}
            format={text.number}
            tableLabel={t("table")}
            rowHeader={t("quota.row")}
            empty={t("empty")}
          />
        ) : null}
        {kandas ? (
          <ChartFigure
            id="chart-centres"
            caption={t("centres.caption")}
            summary={t("centres.summary", { count: kandas.centres.length, full: kandas.centres.filter((c) => c.free <= 0).length })}
            series={[
              { key: "occupied", label: t("centres.occupied") },
              { key: "free", label: t("centres.free") },
            ]}
            mode="stacked"
            rows={kandas.centres.map((c) => ({ label: localName(c, locale), values: [c.capacity - c.free, Math.max(c.free, 0)] }))}
            table={{
              columns: [{ label: t("centres.unit") }, { label: t("centres.capacity") }, { label: t("centres.occupied") }, { label: t("centres.free") }],
              rows: kandas.centres.map((c) => ({
                label: localName(c, locale),
                cells: [t(`centres.units.${c.capacityUnit}`), text.number(c.capacity), text.number(c.capacity - c.free), text.number(c.free)],
              })),
            }}
            format={text.number}
            tableLabel={t("table")}
            rowHeader={t("centres.row")}
            empty={t("empty")}
          />
        ) : null}
      </div>
      <p className="muted">{t("term.note")}</p>
      <p>
        <Link href={`/staff/reports?${filterQuery(filter)}`} className="button">
          {t("reportsLink")}
        </Link>
      </p>
    </>
  );
}
