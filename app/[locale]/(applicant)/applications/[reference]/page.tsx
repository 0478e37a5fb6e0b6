import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { serviceUi } from "@/app/_components/services/registry";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import { getCaseDetail } from "@/lib/dal/cases";
import { ApplicantConversation } from "@/app/_components/conversation/applicant-panel";
import { CONVERSATION_TEXT_EVENTS } from "@/lib/engine/conversation";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale, requireApplicant } from "../../_lib/guard";
import { statusTagClass } from "../../_lib/status";
import { withdrawApplication } from "./actions";
import { WithdrawForm } from "./withdraw-form";
import { CaseDeadline } from "@/app/_components/workbench/case-workbench";

type Params = Promise<{ locale: string; reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  const t = await getTranslations({ locale, namespace: "applicant" });
  return { title: t("statusPage.title", { reference: reference }) };
}

/** Events whose reason the applicant reads on the timeline. */
const REASONED = new Set(["return_for_correction", "refuse", "cancel_registration", "extend_deadline"]);

/**
 * The applicant's status page for a case of any service: where it stands, what happens next and by
 * when, the documents, the public history, and what the service itself adds (its own details and forms).
 */
export default async function ApplicationStatusPage({ params, searchParams }: { params: Params; searchParams: Promise<{ done?: string }> }) {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, `/applications/${reference}`);
  const db = await getDb();
  const detail = await getCaseDetail(db, viewer, reference);
  const ui = detail ? serviceUi(detail.case.service) : undefined;
  if (!detail || !ui) notFound();
  const { done } = await searchParams;

  const c = detail.case;
  const ns = ui.namespace;
  const [t, tRoot, format] = await Promise.all([getTranslations("applicant"), getTranslations(), getFormatter()]);
  const label = (key: string, fallback: string, values?: Record<string, string>) => (tRoot.has(key) ? tRoot(key as never, values as never) : fallback);
  const date = (d: string) => formatCivilDate(d, locale);
  const refusal = detail.decisions.filter((d) => d.outcome === "refused").at(-1);
  const doneText = done
    ? tRoot.has(`applicant.statusPage.done.${done}`)
      ? t(`statusPage.done.${done}` as never)
      : label(`${ns}.statusPage.done.${done}`, label(`hearing.applicant.done.${done}`, ""))
    : "";
  const ServiceDetails = ui.ApplicantDetails;

  return (
    <>
      {doneText ? (
        <div className="notice notice--success" role="status">
          {doneText}
        </div>
      ) : null}
      <h1>{t("statusPage.title", { reference: c.reference })}</h1>
      <p className="muted">{label(`${ns}.serviceName`, c.service)}</p>

      <section aria-labelledby="status-now">
        <h2 id="status-now">{t("statusPage.statusTitle")}</h2>
        <p>
          <span className={statusTagClass(c.status)} data-testid="case-status">
            {label(`${ns}.status.${c.status}`, c.status)}
          </span>
        </p>
        <p>{label(`${ns}.statusNext.${c.status}`, "", { due: c.dueOn ? date(c.dueOn) : t("statusPage.dueUnknown") })}</p>
        <CaseDeadline c={c} audience="applicant" />
      </section>

      <ApplicantConversation detail={detail} locale={locale} />

      <ServiceDetails detail={detail} locale={locale} viewer={viewer} />

      {detail.actions.includes("withdraw") ? (
        <section aria-labelledby="status-actions">
          <h2 id="status-actions">{t("statusPage.actionsTitle")}</h2>
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
        </section>
      ) : null}

      <section aria-labelledby="status-documents">
        <h2 id="status-documents">{t("statusPage.documentsTitle")}</h2>
        {detail.documents.length === 0 ? (
          <p>{t("statusPage.noDocuments")}</p>
        ) : (
          <ul style={{ listStyle: "none", padding: 0 }}>
            {detail.documents.map((d) => {
              const name = label(`${ns}.documentTypes.${d.type}`, d.type);
              return (
                <li key={d.id} className="card" style={{ marginBottom: "1rem" }}>
                  <h3>{name}</h3>
                  <p>
                    {t("document.number", { number: d.number })}
                    <br />
                    {t("document.validity", { from: date(d.validFrom), until: date(d.validUntil) })}
                  </p>
                  {d.revokedAt ? (
                    <p>
                      <span className="tag tag--red">{t("document.revoked", { date: format.dateTime(d.revokedAt, { dateStyle: "long" }) })}</span>
                    </p>
                  ) : (
                    <p>
                      <a href={`/api/documents/${d.id}/pdf?lang=${locale}`} download>
                        {t("document.download", { name, number: d.number })}
                      </a>
                    </p>
                  )}
                  <p>
                    <Link href={`/verify/${d.verificationToken}`}>{t("document.verify", { number: d.number })}</Link>
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="status-timeline">
        <h2 id="status-timeline">{t("statusPage.timelineTitle")}</h2>
        <ol className="timeline" data-testid="timeline">
          {detail.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "long", timeStyle: "short" })}</time>
              <strong>{label(`${ns}.actions.${e.action}`, label(`deadlines.events.${e.action}`, e.action))}</strong>
              {e.action === "refuse" && refusal?.reasonCode && tRoot.has(`${ns}.refusalReasons.${refusal.reasonCode}`) ? (
                <p>{t("statusPage.refusalGround", { ground: tRoot(`${ns}.refusalReasons.${refusal.reasonCode}` as never) })}</p>
              ) : null}
              {REASONED.has(e.action) && e.reason ? <p>{t("statusPage.reason", { reason: e.reason })}</p> : null}
              {CONVERSATION_TEXT_EVENTS.has(e.action) && e.reason ? <p style={{ whiteSpace: "pre-line" }}>{e.reason}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <p>
        <Link href="/applications">{t("statusPage.backToList")}</Link>
      </p>
    </>
  );
}
