import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { MyDrafts } from "@/app/_components/drafts/my-drafts";
import { allServiceUis, serviceUi } from "@/app/_components/services/registry";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import { listMyCases, type MyCase } from "@/lib/dal/cases";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale, requireApplicant } from "../_lib/guard";
import { statusTagClass } from "../_lib/status";
import { statutoryDate } from "../_lib/statutory-date";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "applicant" });
  return { title: t("my.title") };
}

/** Every application of the signed-in applicant, of every service, with what they must do now. */
export default async function MyApplicationsPage({ params, searchParams }: { params: Params; searchParams: Promise<{ draft?: string }> }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/applications");
  const cases = await listMyCases(await getDb(), viewer);
  const [t, tRoot] = await Promise.all([getTranslations("applicant"), getTranslations()]);
  const label = (key: string, fallback: string) => (tRoot.has(key) ? tRoot(key as never) : fallback);
  const applyLinks = allServiceUis().filter(([, ui]) => ui.applyPath);

  const tPortal = await getTranslations("portal.my");
  const dateColumn = (c: MyCase) => {
    const date = statutoryDate(c);
    if (!date) return tPortal("noDate");
    const text = formatCivilDate(date.date, locale);
    return date.kind === "due" ? t("my.dueOn", { date: text }) : date.kind === "statusEnds" ? tPortal("statusEnds", { date: text }) : date.kind === "permitUntil" ? tPortal("permitUntil", { date: text }) : t("my.validUntil", { date: text });
  };
  const anyFromOffice = cases.some((c) => c.link === "filed_at_office");

  return (
    <>
      <h1>{t("my.title")}</h1>
      <p className="lead">{t("my.lead")}</p>
      <MyDrafts viewer={viewer} locale={locale} outcome={(await searchParams).draft} />
      <section aria-labelledby="apply-title">
        <h2 id="apply-title">{t("my.applyTitle")}</h2>
        <p>{t("my.applyLead")}</p>
        <ul className="link-list">
          {applyLinks.map(([service, ui]) => (
            <li key={service}>
              <Link href={ui.applyPath!} className="button">
                {label(`${ui.namespace}.my.apply`, service)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
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
            {cases.map((c) => {
              const ui = serviceUi(c.service);
              const ns = ui?.namespace ?? "applicant";
              return (
                <tr key={c.id}>
                  <th scope="row">
                    <Link href={`/applications/${c.reference}`}>{c.reference}</Link>
                  </th>
                  <td>
                    {label(`${ns}.serviceName`, c.service)}
                    {c.otherPeople > 0 ? <> {tPortal("withFamily", { count: c.otherPeople })}</> : null}
                    {c.link === "filed_at_office" ? (
                      <>
                        <br />
                        <span className="muted" data-testid="filed-at-office">{tPortal("filedAtOffice")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <span className={statusTagClass(c.status)}>{label(`${ns}.status.${c.status}`, c.status)}</span>
                  </td>
                  <td>{dateColumn(c)}</td>
                  <td>
                    {c.status === "returned_for_correction" && c.link === "filed_by_me" && ui?.correctPath ? (
                      <Link href={ui.correctPath(c.reference)}>{label(`${ns}.my.todo.returned_for_correction`, label("applicant.my.correct", ""))}</Link>
                    ) : c.link === "filed_at_office" && c.status === "returned_for_correction" ? (
                      tPortal("officeTodo")
                    ) : (
                      label(`${ns}.my.todo.${c.status}`, "")
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {anyFromOffice ? <p className="muted">{tPortal("officeHint")}</p> : null}
      {/* Drafts: the saved-drafts section is rendered here, as its own component. */}
    </>
  );
}
