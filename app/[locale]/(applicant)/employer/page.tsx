import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { endContractByEmployer, registerContractByEmployer } from "@/app/_components/services/household-permit/actions";
import { regionOptions } from "@/app/_components/services/household-permit/application-fields";
import { HpForm } from "@/app/_components/services/household-permit/hp-form";
import { employerView } from "@/lib/dal/household-permits";
import { localName } from "@/lib/i18n/names";
import { loadReferenceData } from "@/lib/rules/load";
import { pageLocale, requireApplicant } from "../_lib/guard";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "hp.employerPage" });
  return { title: t("title") };
}

/**
 * The householder's view (R3): the labour immigrants whose contracts name the account's verified
 * IIN, how many of the places allowed are used (HP-11), and ending a contract.
 */
export default async function EmployerPage({ params, searchParams }: { params: Params; searchParams: Promise<{ done?: string }> }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/employer");
  const db = await getDb();
  const [t, tHp, format, view, ref, regions, { done }] = await Promise.all([
    getTranslations("hp.employerPage"),
    getTranslations("hp"),
    getFormatter(),
    employerView(db, viewer),
    loadReferenceData(db),
    regionOptions(db, locale),
    searchParams,
  ]);
  const country = (code: string) => {
    const row = ref.country(code);
    return row ? localName(row, locale) : code;
  };
  const used = view.active.length;

  return (
    <>
      {done === "ended" || done === "registered" ? (
        <div className="notice notice--success" role="status" data-testid="hp-done">
          {t(done)}
        </div>
      ) : null}
      <h1>{t("title")}</h1>
      {!view.iin ? (
        <p className="notice notice--warning">{t("noIin")}</p>
      ) : (
        <>
          <p>{t("intro", { max: view.max })}</p>
          <p style={{ fontSize: "1.5rem", fontWeight: 700 }} data-testid="hp-places">
            {t("placesUsed", { used, max: view.max })}
          </p>
          <meter min={0} max={view.max} value={used} aria-label={t("placesUsed", { used, max: view.max })} style={{ width: "100%", maxWidth: "24rem", height: "1.5rem" }} />
          {used >= view.max ? <p className="notice notice--warning">{t("atCap")}</p> : null}

          <section aria-labelledby="hp-workers">
            <h2 id="hp-workers">{t("workersTitle")}</h2>
            {view.active.length ? (
              <table className="data" data-testid="hp-workers">
                <thead>
                  <tr>
                    <th scope="col">{t("worker")}</th>
                    <th scope="col">{t("citizenship")}</th>
                    <th scope="col">{t("category")}</th>
                    <th scope="col">{t("permitNumber")}</th>
                    <th scope="col">{t("permitUntil")}</th>
                    <th scope="col">{t("since")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.active.map((w) => (
                    <tr key={w.contractId}>
                      <td>{w.holder}</td>
                      <td>{country(w.citizenship)}</td>
                      <td>{tHp(`categories.${w.category}`)}</td>
                      <td>{w.permitNumber ?? "—"}</td>
                      <td>{w.permitUntil ? formatCivilDate(format, w.permitUntil) : "—"}</td>
                      <td>{w.since ? formatInstant(format, w.since) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t("noWorkers")}</p>
            )}
          </section>

          {view.active.map((w) => (
            <details key={w.contractId}>
              <summary>{t("endTitle", { name: w.holder })}</summary>
              <HpForm
                action={endContractByEmployer}
                hidden={{ locale, contractId: w.contractId }}
                fieldsets={[{ fields: [{ name: "reason", label: t("reason"), kind: "textarea", required: true }] }]}
                submit={t("endSubmit")}
                errorTitle={t("errorSummaryTitle")}
                testId={`hp-end-${w.contractId}`}
              />
            </details>
          ))}

          {used < view.max ? (
            <section aria-labelledby="hp-register">
              <h2 id="hp-register">{t("registerTitle")}</h2>
              <HpForm
                action={registerContractByEmployer}
                hidden={{ locale }}
                fieldsets={[
                  {
                    intro: t("registerIntro"),
                    fields: [
                      { name: "permitNumber", label: t("permitNumberField"), kind: "text", required: true },
                      { name: "holderBirthDate", label: t("holderBirthDate"), kind: "date", required: true },
                      { name: "name", label: t("name"), kind: "text", required: true, defaultValue: viewer.displayName, autoComplete: "name" },
                      { name: "phone", label: t("phone"), kind: "tel", required: true, autoComplete: "tel" },
                      { name: "region", label: t("region"), kind: "select", required: true, options: regions, placeholder: tHp("apply.chooseOption") },
                      { name: "address", label: t("address"), kind: "text", required: true, autoComplete: "street-address" },
                    ],
                  },
                ]}
                submit={t("registerSubmit")}
                errorTitle={t("errorSummaryTitle")}
                testId="hp-employer-register"
              />
            </section>
          ) : null}

          {view.past.length ? (
            <section aria-labelledby="hp-past">
              <h2 id="hp-past">{t("pastTitle")}</h2>
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t("worker")}</th>
                    <th scope="col">{t("category")}</th>
                    <th scope="col">{t("endedOn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.past.map((w) => (
                    <tr key={w.contractId}>
                      <td>{w.holder}</td>
                      <td>{tHp(`categories.${w.category}`)}</td>
                      <td>{w.terminatedAt ? formatInstant(format, w.terminatedAt) : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
        </>
      )}
    </>
  );
}
