import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatInstant } from "@/app/_components/dates";
import { TextField } from "@/app/_components/fields";
import { regionName } from "@/app/_components/staff/format";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import styles from "@/app/_components/staff/staff.module.css";
import { listGrantsForReview } from "@/lib/dal/break-glass";
import { Link } from "@/lib/i18n/navigation";
import { loadReferenceData } from "@/lib/rules/load";
import { reviewBreakGlass } from "../actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "integrity.review" }))("title") };
}

/** The supervisor's list of break-glass grants on cases of their regions, to mark justified or not. */
export default async function BreakGlassReviewPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/break-glass/review`, ["supervisor"]);
  const db = await getDb();
  const [t, format, ref, grants, sp] = await Promise.all([getTranslations("integrity.review"), getFormatter(), loadReferenceData(db), listGrantsForReview(db, viewer), searchParams]);
  const regions = (codes: string[]) => codes.map((c) => regionName(ref, c, locale)).join(", ");

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {sp.done ? (
        <div className="notice notice--success" role="status">
          <p>{t("done")}</p>
        </div>
      ) : null}
      {sp.failed ? (
        <div className="notice notice--error" role="alert">
          <p>{t("failed")}</p>
        </div>
      ) : null}
      {grants.length ? (
        <div className={styles.tableScroll} role="region" aria-labelledby="grants-caption" tabIndex={0}>
          <table className="data">
            <caption id="grants-caption">{t("caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.case")}</th>
                <th scope="col">{t("columns.who")}</th>
                <th scope="col">{t("columns.reason")}</th>
                <th scope="col">{t("columns.when")}</th>
                <th scope="col">{t("columns.review")}</th>
              </tr>
            </thead>
            <tbody>
              {grants.map((g) => (
                <tr key={g.id} data-testid="grant-row">
                  <th scope="row">
                    <Link href={`/staff/cases/${g.reference}`}>{g.reference}</Link>
                  </th>
                  <td>{t("who", { name: g.granteeName, regions: regions(g.granteeRegions) })}</td>
                  <td>{g.reason}</td>
                  <td>
                    {t("when", { at: formatInstant(format, g.grantedAt), until: formatInstant(format, g.expiresAt) })}
                    <br />
                    {t("reads", { count: g.reads })}
                  </td>
                  <td>
                    {g.reviewOutcome ? (
                      <>
                        <strong className={g.reviewOutcome === "justified" ? "tag tag--green" : "tag tag--red"}>
                          {t("reviewedBy", { outcome: t(`outcome.${g.reviewOutcome}`), name: g.reviewerName ?? "", at: g.reviewedAt ? formatInstant(format, g.reviewedAt) : "" })}
                        </strong>
                        {g.reviewNote ? <p>{g.reviewNote}</p> : null}
                      </>
                    ) : (
                      <form action={reviewBreakGlass}>
                        <input type="hidden" name="grantId" value={g.id} />
                        <input type="hidden" name="locale" value={locale} />
                        <TextField id={`note-${g.id}`} name="note" label={t("note")} maxLength={1000} />
                        <div className="button-group">
                          <button type="submit" name="outcome" value="justified" className="button" aria-describedby={`reason-${g.id}`}>
                            {t("justified")}
                          </button>
                          <button type="submit" name="outcome" value="not_justified" className="button button--secondary" aria-describedby={`reason-${g.id}`}>
                            {t("notJustified")}
                          </button>
                        </div>
                        <span id={`reason-${g.id}`} className="visually-hidden">
                          {g.reference}
                        </span>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("none")}</p>
      )}
    </>
  );
}
