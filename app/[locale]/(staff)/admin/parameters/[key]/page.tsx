import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { formatCivilDate } from "@/app/_components/dates";
import { getDb } from "@/db";
import { getParameter } from "@/lib/dal/admin";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";
import styles from "../../_lib/admin.module.css";
import { OutcomeNotices } from "../../_lib/outcome-notices";
import { first, knownCode, schemaMessages, type SearchParams } from "../../_lib/page-helpers";
import { formatParameterValue, PARAMETER_KEY, parameterName } from "../../_lib/parameters";
import { requireAdminPage } from "../../_lib/require-admin";
import { cancelScheduledParameterAction } from "../actions";
import { PeriodTag } from "../period-tag";
import { ScheduleForm } from "./schedule-form";

type Props = { params: Promise<{ locale: string; key: string }>; searchParams: SearchParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, key } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "admin" });
  return { title: t("parameters.key.title", { name: parameterName(t, key) }) };
}

export default async function ParameterPage({ params, searchParams }: Props) {
  const { locale, key } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdminPage(locale, `/admin/parameters/${key}`);
  if (!PARAMETER_KEY.test(key)) notFound();
  const today = todayInKazakhstan();
  const group = await getParameter(await getDb(), viewer, key, { today });
  if (!group) notFound();

  const sp = await searchParams;
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const done = knownCode(t, "parameters.done", first(sp.done));
  const error = knownCode(t, "errors", first(sp.error));
  const name = parameterName(t, key);
  const date = (d: string | null) => (d ? <time dateTime={d}>{formatCivilDate(format, d)}</time> : t("parameters.openEnded"));
  const latest = group.periods[0];

  return (
    <>
      <p>
        <Link href="/admin/parameters">{t("parameters.backToList")}</Link>
      </p>
      <h1>
        {name} <code className="muted">{key}</code>
      </h1>
      <OutcomeNotices done={done && t(done)} error={error && t(error)} />
      <p>{group.description}</p>
      <p>
        <strong>{t("parameters.inForceToday")}</strong>{" "}
        {group.current ? <span className={styles.value}>{formatParameterValue(format, group.current.value)}</span> : t("parameters.noneInForce")}
      </p>

      <div className={styles.tableScroll} role="region" aria-labelledby="periods-caption" tabIndex={0}>
        <table className="data" data-testid="parameter-periods">
          <caption id="periods-caption">{t("parameters.periodsCaption", { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("parameters.columns.value")}</th>
              <th scope="col">{t("parameters.columns.from")}</th>
              <th scope="col">{t("parameters.columns.to")}</th>
              <th scope="col">{t("parameters.columns.state")}</th>
              <th scope="col">{t("parameters.columns.source")}</th>
              <th scope="col">{t("parameters.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {group.periods.map((p) => (
              <tr key={p.id}>
                <td className={styles.value}>{formatParameterValue(format, p.value)}</td>
                <td>{date(p.effectiveFrom)}</td>
                <td>{date(p.effectiveTo)}</td>
                <td>
                  <PeriodTag period={p} labels={{ inForce: t("parameters.state.inForce"), scheduled: t("parameters.state.scheduled"), ended: t("parameters.state.ended") }} />
                </td>
                <td>{p.source}</td>
                <td>
                  {p === latest && p.scheduled && p.effectiveTo === null ? (
                    <form action={cancelScheduledParameterAction} className={styles.inlineForm}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="key" value={key} />
                      <input type="hidden" name="periodId" value={p.id} />
                      <button type="submit" className="button button--warning">
                        {t("parameters.cancel")}
                        <span className="visually-hidden"> — {formatCivilDate(format, p.effectiveFrom)}</span>
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("parameters.key.scheduleHeading")}</h2>
      <p>{t("parameters.key.scheduleLead")}</p>
      <ScheduleForm
        locale={locale}
        parameterKey={key}
        initialValue={latest ? JSON.stringify(latest.value) : ""}
        text={{
          value: t("parameters.fields.value"),
          valueHint: typeof latest?.value === "number" ? t("parameters.fields.valueHintNumber") : t("parameters.fields.valueHintJson"),
          effectiveFrom: t("parameters.fields.effectiveFrom"),
          effectiveFromHint: t("parameters.fields.effectiveFromHint", { date: formatCivilDate(format, addCalendarDays(today, 1)) }),
          reason: t("parameters.fields.reason"),
          reasonHint: t("parameters.fields.reasonHint"),
          submit: t("parameters.key.submit"),
          pending: t("pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          messages: schemaMessages(t),
        }}
      />
    </>
  );
}
