import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { formatCivilDate } from "@/app/_components/dates";
import { getDb } from "@/db";
import { CALENDAR_ADMIN_YEARS, listCalendarExceptions } from "@/lib/dal/admin";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import styles from "../_lib/admin.module.css";
import { OutcomeNotices } from "../_lib/outcome-notices";
import { adminMetadata, first, knownCode, schemaMessages, type SearchParams } from "../_lib/page-helpers";
import { requireAdminPage } from "../_lib/require-admin";
import { deleteExceptionAction } from "./actions";
import { TransferForm } from "./transfer-form";

type Props = { params: Promise<{ locale: string }>; searchParams: SearchParams };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "calendar.title");
}

export default async function CalendarPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdminPage(locale, "/admin/calendar");
  const sp = await searchParams;
  const today = todayInKazakhstan();
  const years: readonly number[] = CALENDAR_ADMIN_YEARS;
  const thisYear = Number(today.slice(0, 4));
  const requested = Number(first(sp.year));
  const year = years.includes(requested) ? requested : years.includes(thisYear) ? thisYear : years[years.length - 1]!;
  const rows = await listCalendarExceptions(await getDb(), viewer, year);
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const done = knownCode(t, "calendar.done", first(sp.done));
  const error = knownCode(t, "errors", first(sp.error));
  const weekday = (d: string) => format.dateTime(new Date(`${d}T12:00:00+05:00`), { weekday: "long" });

  return (
    <>
      <p>
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <h1>{t("calendar.heading")}</h1>
      <p className="lead">{t("calendar.lead")}</p>
      <OutcomeNotices done={done && t(done)} error={error && t(error)} />

      <nav aria-label={t("calendar.yearNav")}>
        <ul className={styles.yearNav}>
          {years.map((y) => (
            <li key={y}>
              <Link href={`/admin/calendar?year=${y}`} aria-current={y === year ? "page" : undefined}>
                {y}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className={styles.tableScroll} role="region" aria-labelledby="calendar-caption" tabIndex={0}>
        <table className="data">
          <caption id="calendar-caption">{t("calendar.caption", { year: String(year) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("calendar.columns.day")}</th>
              <th scope="col">{t("calendar.columns.weekday")}</th>
              <th scope="col">{t("calendar.columns.kind")}</th>
              <th scope="col">{t("calendar.columns.name")}</th>
              <th scope="col">{t("calendar.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.day} id={`day-${r.day}`}>
                <th scope="row">
                  <time dateTime={r.day}>{formatCivilDate(format, r.day)}</time>
                </th>
                <td>{weekday(r.day)}</td>
                <td>{t(`calendar.kinds.${r.kind}`)}</td>
                <td>{r.name}</td>
                <td>
                  {r.protected ? (
                    <span className="muted">{t("calendar.protected")}</span>
                  ) : r.day > today ? (
                    <form action={deleteExceptionAction} className={styles.inlineForm}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="day" value={r.day} />
                      <button type="submit" className="button button--warning">
                        {t("calendar.delete")}
                        <span className="visually-hidden"> — {formatCivilDate(format, r.day)}</span>
                      </button>
                    </form>
                  ) : (
                    <span className="muted">{t("calendar.past")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("calendar.addHeading")}</h2>
      <p>{t("calendar.addLead")}</p>
      <TransferForm
        locale={locale}
        text={{
          kind: t("calendar.fields.kind"),
          kinds: { moved_working_day: t("calendar.fields.kindWorkingDay"), moved_day_off: t("calendar.fields.kindDayOff") },
          day: t("calendar.fields.day"),
          dayHint: t("calendar.fields.dayHint", { first: String(years[0]), last: String(years[years.length - 1]) }),
          name: t("calendar.fields.name"),
          nameHint: t("calendar.fields.nameHint"),
          submit: t("calendar.submit"),
          pending: t("pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          messages: schemaMessages(t),
        }}
      />
    </>
  );
}
