import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import { listMyCases } from "@/lib/dal/cases";
import { Link } from "@/lib/i18n/navigation";
import { TR_SERVICE } from "@/lib/services";
import { pageLocale, requireApplicant } from "../_lib/guard";
import { statusTagClass } from "../_lib/status";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "tr" });
  return { title: t("my.title") };
}

export default async function MyApplicationsPage({ params }: { params: Params }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/applications");
  const cases = await listMyCases(await getDb(), viewer);
  const t = await getTranslations("tr");

  const dateColumn = (dueOn: string | null, data: Record<string, unknown>) => {
    if (dueOn) return t("my.dueOn", { date: formatCivilDate(dueOn, locale) });
    const validUntil = (data.registration as { validUntil?: unknown } | undefined)?.validUntil;
    return typeof validUntil === "string" ? t("my.validUntil", { date: formatCivilDate(validUntil, locale) }) : "";
  };

  return (
    <>
      <h1>{t("my.title")}</h1>
      <p className="lead">{t("my.lead")}</p>
      <p>
        <Link href="/apply/temporary-registration" className="button">
          {t("my.apply")}
        </Link>
      </p>
      {cases.length === 0 ? (
        <p data-testid="my-applications-empty">{t("my.empty")}</p>
      ) : (
        <table className="data">
          <caption>{t("my.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("my.columns.reference")}</th>
              <th scope="col">{t("my.columns.service")}</th>
              <th scope="col">{t("my.columns.status")}</th>
              <th scope="col">{t("my.columns.date")}</th>
              <th scope="col">{t("my.columns.todo")}</th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link href={`/applications/${c.reference}`}>{c.reference}</Link>
                </th>
                <td>{c.service === TR_SERVICE ? t("serviceName") : c.service}</td>
                <td>
                  <span className={statusTagClass(c.status)}>{t.has(`status.${c.status}`) ? t(`status.${c.status}`) : c.status}</span>
                </td>
                <td>{dateColumn(c.dueOn, c.data)}</td>
                <td>
                  {c.status === "returned_for_correction" ? (
                    <Link href={`/applications/${c.reference}/correct`}>{t("my.todo.returned_for_correction")}</Link>
                  ) : t.has(`my.todo.${c.status}`) ? (
                    t(`my.todo.${c.status}`)
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
