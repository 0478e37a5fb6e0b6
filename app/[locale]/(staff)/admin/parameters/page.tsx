import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { formatCivilDate } from "@/app/_components/dates";
import { getDb } from "@/db";
import { listParameters } from "@/lib/dal/admin";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import styles from "../_lib/admin.module.css";
import { adminMetadata } from "../_lib/page-helpers";
import { formatParameterValue, parameterName } from "../_lib/parameters";
import { requireAdminPage } from "../_lib/require-admin";
import { PeriodTag } from "./period-tag";

type Props = { params: Promise<{ locale: string }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "parameters.title");
}

export default async function ParametersPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdminPage(locale, "/admin/parameters");
  const today = todayInKazakhstan();
  const groups = await listParameters(await getDb(), viewer, { today });
  const [t, format] = await Promise.all([getTranslations("admin"), getFormatter()]);
  const date = (d: string | null) => (d ? <time dateTime={d}>{formatCivilDate(format, d)}</time> : t("parameters.openEnded"));

  return (
    <>
      <p>
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <h1>{t("parameters.heading")}</h1>
      <p className="lead">{t("parameters.lead")}</p>
      <p>{t("parameters.today", { date: formatCivilDate(format, today) })}</p>

      <nav aria-labelledby="parameters-contents">
        <h2 id="parameters-contents">{t("parameters.contents")}</h2>
        <ul>
          {groups.map((g) => (
            <li key={g.key}>
              <a href={`#param-${g.key}`}>{parameterName(t, g.key)}</a>
            </li>
          ))}
        </ul>
      </nav>

      {groups.map((g) => (
        <section key={g.key} id={`param-${g.key}`} aria-labelledby={`param-${g.key}-title`}>
          <h2 id={`param-${g.key}-title`}>
            {parameterName(t, g.key)} <code className="muted">{g.key}</code>
          </h2>
          <p>{g.description}</p>
          <p>
            <strong>{t("parameters.inForceToday")}</strong>{" "}
            {g.current ? <span className={styles.value}>{formatParameterValue(format, g.current.value)}</span> : t("parameters.noneInForce")}
          </p>
          <div className={styles.tableScroll} role="region" aria-labelledby={`param-${g.key}-caption`} tabIndex={0}>
            <table className="data">
              <caption id={`param-${g.key}-caption`}>{t("parameters.periodsCaption", { name: parameterName(t, g.key) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("parameters.columns.value")}</th>
                  <th scope="col">{t("parameters.columns.from")}</th>
                  <th scope="col">{t("parameters.columns.to")}</th>
                  <th scope="col">{t("parameters.columns.state")}</th>
                  <th scope="col">{t("parameters.columns.description")}</th>
                  <th scope="col">{t("parameters.columns.source")}</th>
                </tr>
              </thead>
              <tbody>
                {g.periods.map((p) => (
                  <tr key={p.id}>
                    <td className={styles.value}>{formatParameterValue(format, p.value)}</td>
                    <td>{date(p.effectiveFrom)}</td>
                    <td>{date(p.effectiveTo)}</td>
                    <td>
                      <PeriodTag period={p} labels={{ inForce: t("parameters.state.inForce"), scheduled: t("parameters.state.scheduled"), ended: t("parameters.state.ended") }} />
                    </td>
                    <td>{p.description}</td>
                    <td>{p.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <Link href={`/admin/parameters/${g.key}`}>
              {t("parameters.scheduleLink")}
              <span className="visually-hidden"> — {parameterName(t, g.key)}</span>
            </Link>
          </p>
        </section>
      ))}
    </>
  );
}
