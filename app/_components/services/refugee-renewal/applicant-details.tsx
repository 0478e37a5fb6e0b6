import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/dates";
import { fileRefugeeComplaint } from "@/app/[locale]/(applicant)/apply/refugee-renewal/actions";
import { Link } from "@/lib/i18n/navigation";
import { loadParameters } from "@/lib/rules/load";
import type { RfCaseData } from "@/lib/services/refugee-renewal/definition";
import { RF_FLAGS, rf08Protected, rf09ComplaintDeadline } from "@/lib/services/refugee-renewal/rules";
import type { CaseViewProps } from "../types";
import { ComplaintForm } from "./complaint-form";

/** The refugee's view: the protection while pending, the decision with its reasons, and the complaint form. */
export async function RfApplicantDetails({ detail, locale }: CaseViewProps) {
  const c = detail.case;
  const data = c.data as unknown as RfCaseData;
  const [t, tRf, format, params] = await Promise.all([getTranslations("rf.statusPage"), getTranslations("rf"), getFormatter(), loadParameters(await getDb())]);
  const date = (d: string) => formatCivilDate(format, d);
  const refusal = detail.decisions.find((d) => d.outcome === "refused");

  return (
    <>
      {rf08Protected(c.status) ? (
        <div className="notice notice--success" data-testid="rf-protected">
          <p>{t("protected", { endsOn: date(data.status.endsOn) })}</p>
        </div>
      ) : null}
      {c.flags.includes(RF_FLAGS.lateFiling) ? (
        <div className="notice notice--warning">
          <p>{t("late")}</p>
        </div>
      ) : null}
      {data.newTerm && (c.status === "extended" || c.status === "certificate_issued") ? (
        <p data-testid="rf-new-term">{t("extended", { from: date(data.newTerm.startsOn), until: date(data.newTerm.endsOn) })}</p>
      ) : null}
      {detail.actions.includes("resubmit") ? (
        <section aria-labelledby="rf-correct-title" className="notice notice--warning">
          <h2 id="rf-correct-title">{t("correctTitle")}</h2>
          <p>{t("correctHint")}</p>
          <p>
            <Link href={`/apply/refugee-renewal/correct/${c.reference}`} className="button" data-testid="rf-correct-link">
              {t("correctLink")}
            </Link>
          </p>
        </section>
      ) : null}
      {refusal ? (
        <section aria-labelledby="rf-refusal-title">
          <h2 id="rf-refusal-title">{t("refusalTitle")}</h2>
          <p>{refusal.reasonCode ? tRf(`refusalReasons.${refusal.reasonCode}`) : null}</p>
          {refusal.reasonText ? <p>{refusal.reasonText}</p> : null}
        </section>
      ) : null}
      {detail.actions.includes("file_complaint") && data.decision ? (
        <section aria-labelledby="rf-complaint-title">
          <h2 id="rf-complaint-title">{t("complaintTitle")}</h2>
          <p>{t("complaintLead", { until: date(rf09ComplaintDeadline(data.decision.decidedOn, params)) })}</p>
          <ComplaintForm
            action={fileRefugeeComplaint}
            target={{ caseId: c.id, version: c.version, reference: c.reference }}
            locale={locale}
            text={{ label: t("complaintLabel"), hint: t("complaintHint"), submit: t("complaintSubmit"), pending: t("complaintPending"), errorSummary: t("errorSummary") }}
          />
        </section>
      ) : null}
      {data.complaint ? (
        <p data-testid="rf-complaint">{data.complaint.outcome ? t(`complaintOutcome.${data.complaint.outcome}`) : t("complaintPendingNote", { filedOn: date(data.complaint.filedOn) })}</p>
      ) : null}
      <section aria-labelledby="rf-application-title">
        <h2 id="rf-application-title">{t("applicationTitle")}</h2>
        <dl className="summary-list" style={{ gridTemplateColumns: "minmax(10rem, 1fr) 2fr" }}>
          <dt>{t("certificate")}</dt>
          <dd>{data.status.certificateNumber}</dd>
          <dt>{t("identity")}</dt>
          <dd>
            {tRf(`documentTypes.${data.identity.type}`)} {data.identity.number}
          </dd>
          <dt>{t("address")}</dt>
          <dd>{[data.address.city, data.address.street, data.address.building, data.address.flat].filter(Boolean).join(", ")}</dd>
          <dt>{t("familyChanges")}</dt>
          <dd>{data.familyChanges.length ? t("familyChangesCount", { count: data.familyChanges.length }) : t("noChanges")}</dd>
          <dt>{t("statement")}</dt>
          <dd>{data.statement}</dd>
        </dl>
      </section>
    </>
  );
}
