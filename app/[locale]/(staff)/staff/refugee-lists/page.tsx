import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { listRefugeeLists } from "@/lib/dal/refugee-renewal";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "rf.lists" });
  return { title: t("title") };
}

/** RF-11: the monthly lists sent to the national security bodies; each download is recorded. */
export default async function RefugeeListsPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/refugee-lists`, ["supervisor", "auditor"]);
  const lists = await listRefugeeLists(await getDb(), viewer);
  if (!lists) notFound();
  const [t, format] = await Promise.all([getTranslations("rf.lists"), getFormatter()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {lists.length === 0 ? (
        <p data-testid="refugee-lists-empty">{t("empty")}</p>
      ) : (
        <table className="data" data-testid="refugee-lists">
          <caption>{t("caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.period")}</th>
              <th scope="col">{t("columns.producedAt")}</th>
              <th scope="col">{t("columns.rows")}</th>
              <th scope="col">{t("columns.download")}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => {
              const period = t("period", { start: formatCivilDate(format, l.periodStart), end: formatCivilDate(format, l.periodEnd) });
              return (
                <tr key={l.id}>
                  <th scope="row">{period}</th>
                  <td>{formatInstant(format, l.producedAt)}</td>
                  <td>{l.rowCount}</td>
                  <td>
                    <a href={`/api/refugee-lists/${l.id}?format=csv`} download aria-label={t("downloadCsvFor", { period })}>
                      {t("downloadCsv")}
                    </a>{" "}
                    ·{" "}
                    <a href={`/api/refugee-lists/${l.id}?format=pdf`} download aria-label={t("downloadPdfFor", { period })}>
                      {t("downloadPdf")}
                    </a>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
