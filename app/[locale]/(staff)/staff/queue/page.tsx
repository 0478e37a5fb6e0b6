import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { SelectField, TextField } from "@/app/_components/fields";
import { countryName, regionName } from "@/app/_components/staff/format";
import { formatCivilDate } from "@/app/_components/dates";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { DueMark, FlagTags, StatusTag, dueState } from "@/app/_components/staff/tags";
import styles from "@/app/_components/staff/staff.module.css";
import { listQueue } from "@/lib/dal/cases";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import { serviceUi } from "@/app/_components/services/registry";
import { allServices } from "@/lib/engine/registry";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The services a viewer works with; auditors read them all. Drafts are the applicant's own, never queued. */
function queueServices(services: readonly string[], auditor: boolean) {
  return allServices().filter((s) => auditor || services.includes(s.id));
}
const MAX_QUERY = 100;
const PAGE_SIZE = 25;

interface Filters {
  service: string;
  status: string[];
  q: string;
  region: string;
}

function all(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function parseFilters(sp: Record<string, string | string[] | undefined>, regions: readonly string[], services: readonly string[], statuses: readonly string[]): Filters & { cursor?: string } {
  const service = all(sp.service)[0] ?? "";
  const status = [...new Set(all(sp.status).filter((s) => statuses.includes(s)))];
  const q = (all(sp.q)[0] ?? "").trim().slice(0, MAX_QUERY);
  const region = all(sp.region)[0] ?? "";
  const cursor = all(sp.cursor)[0];
  return { service: services.includes(service) ? service : "", status, q, region: regions.includes(region) ? region : "", cursor: cursor || undefined };
}

function searchOf(sp: Record<string, string | string[] | undefined>): string {
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(sp)) for (const v of all(value)) qs.append(key, v);
  const query = qs.toString();
  return query ? `?${query}` : "";
}

/** The queue address for a filter state: the filters live in the URL so a search can be bookmarked or shared. */
function queueHref(filters: Filters, cursor?: string): string {
  const qs = new URLSearchParams();
  if (filters.service) qs.set("service", filters.service);
  for (const s of filters.status) qs.append("status", s);
  if (filters.q) qs.set("q", filters.q);
  if (filters.region) qs.set("region", filters.region);
  if (cursor) qs.set("cursor", cursor);
  const query = qs.toString();
  return query ? `/staff/queue?${query}` : "/staff/queue";
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "staff.queue" });
  return { title: t("title") };
}

export default async function QueuePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const sp = await searchParams;
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/queue${searchOf(sp)}`);

  const db = await getDb();
  const today = todayInKazakhstan();
  const ref = await loadReferenceData(db);
  // Auditors read every region; everyone else filters within their own.
  const regionCodes = viewer.role === "auditor" ? ref.regions(today).map((r) => r.code) : [...viewer.regions];
  const services = queueServices(viewer.services, viewer.role === "auditor");
  const statusesOf = (ids: readonly string[]) => [...new Set(services.filter((s) => ids.includes(s.id)).flatMap((s) => s.states.filter((st) => st !== "draft")))];
  const serviceIds = services.map((s) => s.id);
  const chosen = all(sp.service)[0];
  const filters = parseFilters(sp, regionCodes, serviceIds, statusesOf(chosen && serviceIds.includes(chosen) ? [chosen] : serviceIds));
  const queueStatuses = statusesOf(filters.service ? [filters.service] : serviceIds);
  const { rows, nextCursor, total } = await listQueue(db, viewer, {
    ...filters,
    service: filters.service || undefined,
    q: filters.q || undefined,
    region: filters.region || undefined,
    limit: PAGE_SIZE,
  });

  const [t, tRoot, format] = await Promise.all([getTranslations("staff.queue"), getTranslations(), getFormatter()]);
  const label = (key: string, fallback: string) => (tRoot.has(key) ? tRoot(key) : fallback);
  const nsOf = (service: string) => serviceUi(service)?.namespace ?? "staff.queue";
  // A status shared by several services is labelled by the first service that names it.
  const statusLabel = (s: string) => {
    const owner = services.find((svc) => (filters.service ? svc.id === filters.service : true) && tRoot.has(`${nsOf(svc.id)}.status.${s}`));
    return owner ? tRoot(`${nsOf(owner.id)}.status.${s}`) : s;
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <form method="get" action={`/${locale}/staff/queue`} className={styles.filters} role="search" aria-labelledby="filters-title">
        <h2 id="filters-title">{t("filtersTitle")}</h2>
        <TextField id="q" name="q" type="search" label={t("search")} hint={t("searchHint")} defaultValue={filters.q} maxLength={MAX_QUERY} autoComplete="off" />
        {services.length > 1 ? (
          <SelectField
            id="service"
            name="service"
            label={t("service")}
            placeholder={t("allServices")}
            options={services.map((svc) => ({ value: svc.id, label: label(`${nsOf(svc.id)}.serviceName`, svc.id) }))}
            defaultValue={filters.service}
          />
        ) : null}
        <fieldset className="field" aria-describedby="status-hint">
          <legend>{t("status")}</legend>
          <span className="hint" id="status-hint">
            {t("statusHint")}
          </span>
          <div className={`checkboxes ${styles.checkboxRow}`}>
            {queueStatuses.map((s) => (
              <label key={s} htmlFor={`status-${s}`}>
                <input type="checkbox" id={`status-${s}`} name="status" value={s} defaultChecked={filters.status.includes(s)} />
                {statusLabel(s)}
              </label>
            ))}
          </div>
        </fieldset>
        {regionCodes.length > 1 ? (
          <SelectField
            id="region"
            name="region"
            label={t("region")}
            placeholder={t("allRegions")}
            options={regionCodes.map((code) => ({ value: code, label: regionName(ref, code, locale) }))}
            defaultValue={filters.region}
          />
        ) : null}
        <div className="button-group">
          <button type="submit" className="button">
            {t("apply")}
          </button>
          <Link href="/staff/queue">{t("clear")}</Link>
        </div>
      </form>

      <p>
        <strong data-testid="queue-total">{t("total", { count: total })}</strong>
      </p>

      {rows.length ? (
        <div className={styles.tableScroll} role="region" aria-labelledby="queue-caption" tabIndex={0}>
          <table className="data">
            <caption id="queue-caption">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.due")}</th>
                <th scope="col">{t("columns.reference")}</th>
                <th scope="col">{t("columns.service")}</th>
                <th scope="col">{t("columns.applicant")}</th>
                <th scope="col">{t("columns.citizenship")}</th>
                <th scope="col">{t("columns.status")}</th>
                <th scope="col">{t("columns.flags")}</th>
                <th scope="col">{t("columns.assignee")}</th>
                <th scope="col">{t("columns.region")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} data-reference={row.reference}>
                  <td>
                    {row.dueOn ? (
                      <>
                        <time dateTime={row.dueOn}>{formatCivilDate(format, row.dueOn)}</time>{" "}
                        <DueMark state={dueState(row.dueOn, today)} overdue={t("overdue")} today={t("dueToday")} />
                      </>
                    ) : (
                      <span className="muted">{t("noDue")}</span>
                    )}
                  </td>
                  <th scope="row">
                    {/* No prefetch: opening a case is recorded as a read, and a prefetch is not one. */}
                    <Link href={`/staff/cases/${row.id}`} prefetch={false} className={styles.nowrap}>
                      {row.reference}
                    </Link>
                  </th>
                  <td>{label(`${nsOf(row.service)}.serviceName`, row.service)}</td>
                  <td>{row.applicantName ?? "—"}</td>
                  <td>{countryName(ref, row.citizenship, locale) || "—"}</td>
                  <td>
                    <StatusTag status={row.status} label={label(`${nsOf(row.service)}.status.${row.status}`, row.status)} />
                  </td>
                  <td>
                    <FlagTags flags={row.flags} label={(f) => label(`${nsOf(row.service)}.flags.${f}`, f)} none={t("noFlags")} />
                  </td>
                  <td>{row.assigneeName ?? <span className="muted">{t("unassigned")}</span>}</td>
                  <td>{regionName(ref, row.region, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="notice">
          <p>
            <strong>{t("empty")}</strong>
          </p>
          <p>{t("emptyHint")}</p>
        </div>
      )}

      {filters.cursor || nextCursor ? (
        <nav aria-label={t("pagination")} className="pagination">
          {filters.cursor ? <Link href={queueHref(filters)}>{t("firstPage")}</Link> : null}
          {nextCursor ? (
            <Link href={queueHref(filters, nextCursor)} rel="next">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
