import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { regionName } from "@/app/_components/staff/format";
import { CASEWORK_ROLES, requireStaffViewer } from "@/app/_components/staff/require-staff";
import styles from "@/app/_components/staff/staff.module.css";
import { queueStats, type QueueCounts } from "@/lib/dal/queue-stats";
import { mayReadRefugeeLists } from "@/lib/dal/refugee-renewal";
import { reportScope } from "@/lib/dal/reports/scope";
import { Link } from "@/lib/i18n/navigation";
import { allServiceUis } from "@/app/_components/services/registry";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";

type Props = { params: Promise<{ locale: string }> };

// Each count links to the queue filtered the same way (overdue is a view of its own).
const COUNT_LINKS: { key: keyof QueueCounts; statuses: string[]; view?: "overdue" }[] = [
  { key: "submitted", statuses: ["submitted"] },
  { key: "underReview", statuses: ["under_review"] },
  { key: "returned", statuses: ["returned_for_correction"] },
  { key: "overdue", statuses: [], view: "overdue" },
];

function queueHref(statuses: readonly string[], region?: string, view?: string): string {
  const qs = new URLSearchParams();
  if (view) qs.set("view", view);
  for (const s of statuses) qs.append("status", s);
  if (region) qs.set("region", region);
  return `/staff/queue?${qs.toString()}`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.landing" });
  return { title: t("title") };
}

export default async function StaffHomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff`, [...CASEWORK_ROLES, "admin"]);
  const [t, tRoles, tRoot, tReports] = await Promise.all([getTranslations("staff.landing"), getTranslations("staff.roles"), getTranslations(), getTranslations("reports.landing")]);

  const intro = <p className="lead">{t("signedInAs", { name: viewer.displayName, role: tRoles(viewer.role) })}</p>;

  if (viewer.role === "admin") {
    return (
      <>
        <h1>{t("title")}</h1>
        {intro}
        <section className="card" aria-labelledby="admin-title">
          <h2 id="admin-title">{t("adminTitle")}</h2>
          <p>{t("adminBody")}</p>
          <p>
            <Link href="/admin">{t("adminHome")}</Link>
          </p>
        </section>
      </>
    );
  }

  const db = await getDb();
  const [stats, ref] = await Promise.all([queueStats(db, viewer, { today: todayInKazakhstan() }), loadReferenceData(db)]);
  const auditor = viewer.role === "auditor";
  const showRegions = auditor || viewer.regions.length > 1;

  return (
    <>
      <h1>{t("title")}</h1>
      {intro}
      <p>
        {auditor
          ? t("allRegions")
          : viewer.regions.length
            ? t("regions", { regions: viewer.regions.map((code) => regionName(ref, code, locale)).join(", ") })
            : t("noRegions")}
      </p>
      {auditor ? <p className="notice">{t("auditorNote")}</p> : null}

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t("countsTitle")}</h2>
        <ul className={styles.counts}>
          {COUNT_LINKS.map(({ key, statuses, view }) => (
            <li key={key}>
              <Link href={queueHref(statuses, undefined, view)} data-count={key}>
                <span className={styles.count}>{stats.totals[key]}</span> {t(`counts.${key}`)}
              </Link>
            </li>
          ))}
        </ul>
        <p className="muted">{t("overdueHint")}</p>
        <p>
          <Link href="/staff/queue" className="button">
            {t("openQueue")}
          </Link>
        </p>
      </section>

      {reportScope(viewer) ? (
        <section className="card" aria-labelledby="dashboard-title">
          <h2 id="dashboard-title">{tReports("title")}</h2>
          <p>{tReports("body")}</p>
          <ul className="link-list">
            <li>
              <Link href="/staff/dashboard" className="button" data-testid="nav-dashboard">
                {tReports("dashboard")}
              </Link>
            </li>
            <li>
              <Link href="/staff/reports" className="button button--secondary">
                {tReports("reports")}
              </Link>
            </li>
          </ul>
        </section>
      ) : null}

      {mayReadRefugeeLists(viewer) ? (
        <section className="card" aria-labelledby="refugee-lists-title">
          <h2 id="refugee-lists-title">{tRoot("rf.lists.title")}</h2>
          <p>{tRoot("rf.lists.lead")}</p>
          <p>
            <Link href="/staff/refugee-lists">{tRoot("rf.lists.open")}</Link>
          </p>
        </section>
      ) : null}

      {showRegions && stats.byRegion.length ? (
        <div className={styles.tableScroll} role="region" aria-labelledby="by-region-caption" tabIndex={0}>
          <table className="data">
            <caption id="by-region-caption">{t("byRegionCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("region")}</th>
                {COUNT_LINKS.map(({ key }) => (
                  <th scope="col" key={key}>
                    {t(`counts.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.byRegion.map((r) => (
                <tr key={r.region}>
                  <th scope="row">
                    <Link href={queueHref(["submitted", "under_review", "returned_for_correction"], r.region)}>{regionName(ref, r.region, locale)}</Link>
                  </th>
                  {COUNT_LINKS.map(({ key }) => (
                    <td key={key}>{r[key]}</td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t("total")}</th>
                {COUNT_LINKS.map(({ key }) => (
                  <td key={key}>
                    <strong>{stats.totals[key]}</strong>
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
      ) : null}

      {viewer.role === "clerk" ? (
        <section className="card" aria-labelledby="front-office-title">
          <h2 id="front-office-title">{t("frontOfficeTitle")}</h2>
          <p>{t("fileForVisitorBody")}</p>
          <ul className="link-list" aria-label={t("fileForVisitor")}>
            {allServiceUis()
              .filter(([service, ui]) => ui.staffFilePath && viewer.services.includes(service))
              .map(([service, ui]) => (
                <li key={service}>
                  <Link href={ui.staffFilePath!} className="button">
                    {tRoot(`${ui.namespace}.serviceName` as never)}
                  </Link>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
