import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { SelectField, TextAreaField, TextField } from "@/app/_components/fields";
import { countryName, regionName } from "@/app/_components/staff/format";
import { formatCivilDate } from "@/app/_components/dates";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { DueMark, FlagTags, StatusTag, dueState } from "@/app/_components/staff/tags";
import styles from "@/app/_components/staff/staff.module.css";
import { serviceUi } from "@/app/_components/services/registry";
import { teamMembers } from "@/lib/dal/assignment";
import { dueSoonUntil, listQueue } from "@/lib/dal/cases";
import { QUEUE_FLAGS, QUEUE_SORTS, type QueueView } from "@/lib/dal/queue-options";
import { allServices } from "@/lib/engine/registry";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { reassignSelected } from "./bulk-actions";
import { MAX_QUERY, QUEUE_VIEWS, all, parseQueueState, queueHref, queueQuery, type QueueState, type SearchParams } from "./queue-url";
import { SelectAllOnPage } from "./select-all";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
};

const PAGE_SIZE = 25;
const BULK_FORM = "bulk-reassign";
const BULK_ERRORS = ["forbidden", "empty", "noAssignee", "not_found", "version_conflict", "rule_violation"] as const;

/** The views a role works with: holding cases is for officers and supervisors, the team view for supervisors. */
function viewsFor(role: string): QueueView[] {
  return QUEUE_VIEWS.filter((v) => {
    if (v === "mine" || v === "unassigned") return role === "officer" || role === "supervisor";
    if (v === "team") return role === "supervisor";
    return true;
  });
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
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/queue${queueQuery(parseLoose(sp))}`);

  const db = await getDb();
  const now = new Date();
  const today = todayInKazakhstan(now);
  const [ref, params_, team] = await Promise.all([loadReferenceData(db), loadParameters(db), teamMembers(db, viewer)]);
  const auditor = viewer.role === "auditor";
  // Auditors read every region; everyone else filters within their own. Drafts are the applicant's own, never queued.
  const regionCodes = auditor ? ref.regions(today).map((r) => r.code) : [...viewer.regions];
  const services = allServices().filter((s) => auditor || viewer.services.includes(s.id));
  const serviceIds = services.map((s) => s.id);
  const statusesOf = (service: string) => [...new Set(services.filter((s) => !service || s.id === service).flatMap((s) => s.states.filter((st) => st !== "draft")))];
  const views = viewsFor(viewer.role);
  const state = parseQueueState(sp, { views, services: serviceIds, statuses: statusesOf, regions: regionCodes, assignees: team.map((m) => m.id) });
  const soonUntil = dueSoonUntil(today, params_, ref.calendar);

  const { rows, nextCursor, total } = await listQueue(db, viewer, {
    view: state.view,
    q: state.q || undefined,
    service: state.service || undefined,
    status: state.status,
    flags: state.flag,
    region: state.region || undefined,
    assigneeId: state.assignee || undefined,
    filedFrom: state.filedFrom || undefined,
    filedTo: state.filedTo || undefined,
    dueFrom: state.dueFrom || undefined,
    dueTo: state.dueTo || undefined,
    sort: state.sort,
    cursor: state.cursor || undefined,
    limit: PAGE_SIZE,
    today,
    now,
    dueSoonUntil: soonUntil,
  });

  const [t, tw, tRoot, format] = await Promise.all([getTranslations("staff.queue"), getTranslations("workbench"), getTranslations(), getFormatter()]);
  const label = (key: string, fallback: string) => (tRoot.has(key) ? tRoot(key) : fallback);
  const nsOf = (service: string) => serviceUi(service)?.namespace ?? "staff.queue";
  // A status shared by several services is labelled by the first service that names it.
  const statusLabel = (s: string) => {
    const owner = services.find((svc) => (!state.service || svc.id === state.service) && tRoot.has(`${nsOf(svc.id)}.status.${s}`));
    return owner ? tRoot(`${nsOf(owner.id)}.status.${s}`) : s;
  };
  const flagLabel = (service: string, f: string) => ((QUEUE_FLAGS as readonly string[]).includes(f) ? tw(`flags.${f}` as never) : label(`${nsOf(service)}.flags.${f}`, f));
  const date = (d: string) => formatCivilDate(format, d);
  const supervisor = viewer.role === "supervisor";
  const withoutCursor: QueueState = { ...state, cursor: "" };
  const showAssigneeFilter = state.view !== "mine" && state.view !== "unassigned" && team.length > 0;
  const bulkDone = all(sp.bulkDone)[0];
  const bulkError = BULK_ERRORS.find((e) => e === all(sp.bulkError)[0]);
  const bulkReference = (all(sp.bulkReference)[0] ?? "").slice(0, 40);
  const filtered = state.q || state.service || state.status.length || state.flag.length || state.region || state.assignee || state.filedFrom || state.filedTo || state.dueFrom || state.dueTo;

  const table = (
    <div className={styles.tableScroll} role="region" aria-labelledby="queue-caption" tabIndex={0}>
      <table className="data">
        <caption id="queue-caption">{tw(`caption.${state.sort}`)}</caption>
        <thead>
          <tr>
            {supervisor ? (
              <th scope="col">
                <span className="visually-hidden">{tw("bulk.selectColumn")}</span>
              </th>
            ) : null}
            <th scope="col">{t("columns.due")}</th>
            <th scope="col">{t("columns.reference")}</th>
            <th scope="col">{t("columns.service")}</th>
            <th scope="col">{t("columns.applicant")}</th>
            <th scope="col">{t("columns.citizenship")}</th>
            <th scope="col">{t("columns.status")}</th>
            <th scope="col">{t("columns.flags")}</th>
            <th scope="col">{t("columns.assignee")}</th>
            <th scope="col">{t("columns.region")}</th>
            {state.sort === "filed" ? <th scope="col">{tw("filedColumn")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const lapsed = row.assigneeId !== null && (row.leaseExpiresAt === null || row.leaseExpiresAt <= now);
            return (
              <tr key={row.id} data-reference={row.reference}>
                {supervisor ? (
                  <td className={styles.rowSelect}>
                    <input type="checkbox" name="case" value={`${row.id}:${row.version}`} id={`select-${row.id}`} aria-label={tw("bulk.selectCase", { reference: row.reference })} />
                  </td>
                ) : null}
                <td>
                  {row.dueOn ? (
                    <>
                      <time dateTime={row.dueOn}>{date(row.dueOn)}</time> <DueMark state={dueState(row.dueOn, today)} overdue={t("overdue")} today={t("dueToday")} />
                    </>
                  ) : row.clockRemainingDays !== null ? (
                    <span className="tag tag--grey">{tw("clockStopped", { days: row.clockRemainingDays })}</span>
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
                  <FlagTags flags={row.flags} label={(f) => flagLabel(row.service, f)} none={t("noFlags")} />
                </td>
                <td>
                  {row.assigneeName ? (
                    <>
                      {row.assigneeName}
                      {lapsed ? <span className="muted"> {tw("holdLapsed")}</span> : null}
                    </>
                  ) : (
                    <span className="muted">{t("unassigned")}</span>
                  )}
                </td>
                <td>{regionName(ref, row.region, locale)}</td>
                {state.sort === "filed" ? <td>{row.submittedAt ? format.dateTime(row.submittedAt, { dateStyle: "medium", timeZone: "Asia/Almaty" }) : "—"}</td> : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <nav aria-label={tw("views.label")}>
        <ul className="link-list">
          {views.map((v) => (
            <li key={v}>
              <Link href={queueHref({ ...withoutCursor, view: v, assignee: v === "mine" || v === "unassigned" ? "" : state.assignee })} className={v === state.view ? "button" : "button button--secondary"} aria-current={v === state.view ? "page" : undefined}>
                {tw(`views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="hint" id="view-description">
        {tw(`viewHints.${state.view}`, { until: date(soonUntil), today: date(today) })}
      </p>

      <form method="get" action={`/${locale}/staff/queue`} className={styles.filters} role="search" aria-labelledby="filters-title">
        <h2 id="filters-title">{t("filtersTitle")}</h2>
        {state.view !== "all" ? <input type="hidden" name="view" value={state.view} /> : null}
        <TextField id="q" name="q" type="search" label={t("search")} hint={tw("searchHint")} defaultValue={state.q} maxLength={MAX_QUERY} autoComplete="off" />
        {services.length > 1 ? (
          <SelectField
            id="service"
            name="service"
            label={t("service")}
            hint={tw("serviceHint")}
            placeholder={t("allServices")}
            options={services.map((svc) => ({ value: svc.id, label: label(`${nsOf(svc.id)}.serviceName`, svc.id) }))}
            defaultValue={state.service}
          />
        ) : null}
        <fieldset className="field" aria-describedby="status-hint">
          <legend>{t("status")}</legend>
          <span className="hint" id="status-hint">
            {t("statusHint")}
          </span>
          <div className={`checkboxes ${styles.checkboxRow}`}>
            {statusesOf(state.service).map((s) => (
              <label key={s} htmlFor={`status-${s}`}>
                <input type="checkbox" id={`status-${s}`} name="status" value={s} defaultChecked={state.status.includes(s)} />
                {statusLabel(s)}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="field" aria-describedby="flag-hint">
          <legend>{tw("flagsLegend")}</legend>
          <span className="hint" id="flag-hint">
            {tw("flagsHint")}
          </span>
          <div className={`checkboxes ${styles.checkboxRow}`}>
            {QUEUE_FLAGS.map((f) => (
              <label key={f} htmlFor={`flag-${f}`}>
                <input type="checkbox" id={`flag-${f}`} name="flag" value={f} defaultChecked={state.flag.includes(f)} />
                {tw(`flags.${f}`)}
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
            defaultValue={state.region}
          />
        ) : null}
        {showAssigneeFilter ? (
          <SelectField id="assignee" name="assignee" label={tw("assignee")} placeholder={tw("anyAssignee")} options={team.map((m) => ({ value: m.id, label: m.name }))} defaultValue={state.assignee} />
        ) : null}
        <fieldset className="field">
          <legend>{tw("filedBetween")}</legend>
          <div className={styles.range}>
            <TextField id="filedFrom" name="filedFrom" type="date" label={tw("from")} defaultValue={state.filedFrom} />
            <TextField id="filedTo" name="filedTo" type="date" label={tw("to")} defaultValue={state.filedTo} />
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>{tw("dueBetween")}</legend>
          <div className={styles.range}>
            <TextField id="dueFrom" name="dueFrom" type="date" label={tw("from")} defaultValue={state.dueFrom} />
            <TextField id="dueTo" name="dueTo" type="date" label={tw("to")} defaultValue={state.dueTo} />
          </div>
        </fieldset>
        <SelectField id="sort" name="sort" label={tw("sort")} options={QUEUE_SORTS.map((s) => ({ value: s, label: tw(`sorts.${s}`) }))} defaultValue={state.sort} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("apply")}
          </button>
          {filtered || state.sort !== "due" ? <Link href={queueHref({ view: state.view })}>{t("clear")}</Link> : null}
        </div>
      </form>

      <div id="bulk-outcome">
        {bulkDone && /^\d+$/.test(bulkDone) ? (
          <div className="notice notice--success" role="status">
            <p>{tw("bulk.done", { count: Number(bulkDone) })}</p>
          </div>
        ) : null}
        {bulkError ? (
          <div className="notice notice--error" role="alert" data-testid="bulk-error">
            <p>
              <strong>{tw(`bulk.errors.${bulkError}`, { reference: bulkReference || "—" })}</strong>
            </p>
            {["not_found", "version_conflict", "rule_violation"].includes(bulkError) ? <p>{tw("bulk.nothingMoved")}</p> : null}
          </div>
        ) : null}
      </div>

      <p role="status">
        <strong data-testid="queue-total">{t("total", { count: total })}</strong>
      </p>

      {rows.length && supervisor ? (
        <form action={reassignSelected} id={BULK_FORM}>
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="returnQuery" value={queueQuery(state)} />
          <SelectAllOnPage formId={BULK_FORM} label={tw("bulk.selectAll")} />
          {table}
          <fieldset className={styles.bulk} aria-describedby="bulk-hint">
            <legend>
              <h2>{tw("bulk.title")}</h2>
            </legend>
            <p className="hint" id="bulk-hint">
              {tw("bulk.hint")}
            </p>
            <SelectField id="bulk-assignee" name="assigneeId" label={tw("bulk.assignTo")} placeholder={tw("bulk.choose")} options={team.map((m) => ({ value: m.id, label: m.name }))} />
            <TextAreaField id="bulk-reason" name="reason" label={tw("bulk.reason")} maxLength={500} rows={2} />
            <div className="button-group">
              <button type="submit" className="button">
                {tw("bulk.submit")}
              </button>
            </div>
          </fieldset>
        </form>
      ) : rows.length ? (
        table
      ) : (
        <div className="notice">
          <p>
            <strong>{t("empty")}</strong>
          </p>
          <p>{t("emptyHint")}</p>
        </div>
      )}

      {state.cursor || nextCursor ? (
        <nav aria-label={t("pagination")} className="pagination">
          {state.cursor ? <Link href={queueHref(withoutCursor)}>{t("firstPage")}</Link> : null}
          {nextCursor ? (
            <Link href={queueHref({ ...state, cursor: nextCursor })} rel="next">
              {t("nextPage")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/** The address as asked for, before the viewer is known (for the sign-in return path). */
function parseLoose(sp: SearchParams): Partial<QueueState> {
  const first = (k: string) => all(sp[k])[0] ?? "";
  return {
    view: QUEUE_VIEWS.find((v) => v === first("view")),
    q: first("q").slice(0, MAX_QUERY),
    service: first("service"),
    status: all(sp.status),
    flag: all(sp.flag),
    region: first("region"),
    assignee: first("assignee"),
    filedFrom: first("filedFrom"),
    filedTo: first("filedTo"),
    dueFrom: first("dueFrom"),
    dueTo: first("dueTo"),
    sort: QUEUE_SORTS.find((s) => s === first("sort")),
    cursor: first("cursor"),
  };
}
