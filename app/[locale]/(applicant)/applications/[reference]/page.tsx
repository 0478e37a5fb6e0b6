import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import { loadTrWizardSetup } from "@/app/_components/tr-wizard/server";
import { ApplicationSummary } from "@/app/_components/tr-wizard/summary";
import type { TrDraft } from "@/app/_components/tr-wizard/types";
import { getCaseDetail } from "@/lib/dal/cases";
import { Link } from "@/lib/i18n/navigation";
import { isValidCivilDate, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { TR_SERVICE } from "@/lib/services";
import { TR_FLAGS } from "@/lib/services/temporary-registration/rules";
import { pageLocale, requireApplicant } from "../../_lib/guard";
import { statusTagClass } from "../../_lib/status";
import { withdrawApplication } from "./actions";
import { WithdrawForm } from "./withdraw-form";

type Params = Promise<{ locale: string; reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  const t = await getTranslations({ locale, namespace: "tr" });
  return { title: t("statusPage.title", { reference: reference }) };
}

/** Flags the applicant is told about, with what they mean; internal ones (protection) stay internal. */
const APPLICANT_FLAGS = [TR_FLAGS.lateTierA, TR_FLAGS.lateTierB, TR_FLAGS.eaeuWorker, TR_FLAGS.overstay] as const;
/** Events whose reason the applicant reads on the timeline. */
const REASONED = new Set(["return_for_correction", "refuse", "cancel_registration"]);

export default async function ApplicationStatusPage({ params, searchParams }: { params: Params; searchParams: Promise<{ done?: string }> }) {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, `/applications/${reference}`);
  const db = await getDb();
  const detail = await getCaseDetail(db, viewer, reference);
  if (!detail || detail.case.service !== TR_SERVICE) notFound();
  const { done } = await searchParams;

  const c = detail.case;
  const data = c.data as TrDraft & { registration?: { validFrom: string; validUntil: string } };
  const [t, format, setup, ruleParams] = await Promise.all([getTranslations("tr"), getFormatter(), loadTrWizardSetup(db, { locale }), loadParameters(db)]);
  const date = (d: string) => formatCivilDate(d, locale);

  const entry = data.stay?.entryDate && isValidCivilDate(data.stay.entryDate) ? data.stay.entryDate : todayInKazakhstan();
  const flagValues = {
    days: ruleParams.number("tr_registration_deadline_days", entry),
    eaeuDays: ruleParams.number("tr_eaeu_worker_deadline_days", entry),
    tierDays: ruleParams.number("tr_late_tier_a_days", entry),
    graceDays: ruleParams.number("tr_overstay_grace_days", entry),
  };
  const flags = APPLICANT_FLAGS.filter((f) => c.flags.includes(f));
  const refusal = detail.decisions.filter((d) => d.outcome === "refused").at(-1);

  return (
    <>
      {done === "withdrawn" || done === "resubmitted" ? (
        <div className="notice notice--success" role="status">
          {t(`statusPage.done.${done}`)}
        </div>
      ) : null}
      <h1>{t("statusPage.title", { reference: c.reference })}</h1>
      <p className="muted">{t("serviceName")}</p>

      <section aria-labelledby="status-now">
        <h2 id="status-now">{t("statusPage.statusTitle")}</h2>
        <p>
          <span className={statusTagClass(c.status)} data-testid="case-status">
            {t(`status.${c.status}`)}
          </span>
        </p>
        <p>{t(`statusNext.${c.status}`, { due: c.dueOn ? date(c.dueOn) : t("statusPage.dueUnknown") })}</p>
        {data.registration && (c.status === "registered" || c.status === "expired") ? (
          <p>{t("statusPage.registeredUntil", { from: date(data.registration.validFrom), until: date(data.registration.validUntil) })}</p>
        ) : null}
        {flags.length ? (
          <div className="notice notice--warning">
            <h3>{t("statusPage.flagsTitle")}</h3>
            <ul>
              {flags.map((f) => (
                <li key={f}>
                  <strong>{t(`flags.${f}`)}</strong>: {t(`statusPage.flags.${f}`, flagValues)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {detail.actions.includes("resubmit") || detail.actions.includes("withdraw") ? (
        <section aria-labelledby="status-actions">
          <h2 id="status-actions">{t("statusPage.actionsTitle")}</h2>
          {detail.actions.includes("resubmit") ? (
            <>
              <p>{t("statusPage.correctHint")}</p>
              <p>
                <Link href={`/applications/${c.reference}/correct`} className="button">
                  {t("statusPage.correct")}
                </Link>
              </p>
            </>
          ) : null}
          {detail.actions.includes("withdraw") ? (
            <WithdrawForm
              action={withdrawApplication}
              caseId={c.id}
              version={c.version}
              reference={c.reference}
              locale={locale}
              text={{
                title: t("statusPage.withdraw.title"),
                lead: t("statusPage.withdraw.lead"),
                reasonLabel: t("statusPage.withdraw.reasonLabel"),
                reasonHint: t("statusPage.withdraw.reasonHint"),
                start: t("statusPage.withdraw.start"),
                confirmTitle: t("statusPage.withdraw.confirmTitle"),
                confirmBody: t("statusPage.withdraw.confirmBody"),
                confirm: t("statusPage.withdraw.confirm"),
                cancel: t("statusPage.withdraw.cancel"),
                pending: t("statusPage.withdraw.pending"),
              }}
            />
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="status-documents">
        <h2 id="status-documents">{t("statusPage.documentsTitle")}</h2>
        {detail.documents.length === 0 ? (
          <p>{t("statusPage.noDocuments")}</p>
        ) : (
          <ul style={{ listStyle: "none", padding: 0 }}>
            {detail.documents.map((d) => (
              <li key={d.id} className="card" style={{ marginBottom: "1rem" }}>
                <h3>{d.type === "registration_slip" ? t("slip.name") : d.type}</h3>
                <p>
                  {t("slip.number", { number: d.number })}
                  <br />
                  {t("slip.validity", { from: date(d.validFrom), until: date(d.validUntil) })}
                </p>
                {d.revokedAt ? (
                  <p>
                    <span className="tag tag--red">{t("slip.revoked", { date: format.dateTime(d.revokedAt, { dateStyle: "long" }) })}</span>
                  </p>
                ) : (
                  <p>
                    <a href={`/api/documents/${d.id}/pdf?lang=${locale}`} download>
                      {t("slip.download", { number: d.number })}
                    </a>
                  </p>
                )}
                <p>
                  <Link href={`/verify/${d.verificationToken}`}>{t("slip.verify", { number: d.number })}</Link>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="status-timeline">
        <h2 id="status-timeline">{t("statusPage.timelineTitle")}</h2>
        <ol className="timeline" data-testid="timeline">
          {detail.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "long", timeStyle: "short" })}</time>
              <strong>{t.has(`actions.${e.action}`) ? t(`actions.${e.action}`) : e.action}</strong>
              {e.action === "refuse" && refusal?.reasonCode && t.has(`refusalReasons.${refusal.reasonCode}`) ? (
                <p>{t("statusPage.refusalGround", { ground: t(`refusalReasons.${refusal.reasonCode}`) })}</p>
              ) : null}
              {REASONED.has(e.action) && e.reason ? <p>{t("statusPage.reason", { reason: e.reason })}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="status-summary">
        <h2 id="status-summary">{t("statusPage.summaryTitle")}</h2>
        <ApplicationSummary data={data} options={setup.options} text={setup.text} locale={locale} headingLevel={3} />
      </section>

      <p>
        <Link href="/applications">{t("statusPage.backToList")}</Link>
      </p>
    </>
  );
}
