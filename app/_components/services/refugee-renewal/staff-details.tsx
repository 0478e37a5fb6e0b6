import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { countryName, regionName } from "@/app/_components/staff/format";
import { Row, Summary } from "@/app/_components/staff/summary";
import { staffNames, statusRecordsOfCase } from "@/lib/dal/refugee-renewal";
import { daysBetween, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import type { RfCaseData } from "@/lib/services/refugee-renewal/definition";
import { RF_FLAGS, rf09ComplaintDeadline } from "@/lib/services/refugee-renewal/rules";
import type { CaseViewProps } from "../types";

/**
 * What the officer and the commission decide on: the family's status records (an audited read),
 * the application, the country-of-origin assessment and the votes so far.
 */
export async function RfStaffDetails({ detail, viewer, locale }: CaseViewProps) {
  const c = detail.case;
  const db = await getDb();
  const data = c.data as unknown as RfCaseData;
  const [t, tRf, format, params, ref, records] = await Promise.all([
    getTranslations("rf.case"),
    getTranslations("rf"),
    getFormatter(),
    loadParameters(db),
    loadReferenceData(db),
    statusRecordsOfCase(db, viewer, c.id),
  ]);
  const date = (d: string) => formatCivilDate(format, d);
  const votes = data.votes ?? [];
  const names = await staffNames(db, viewer, [...votes.map((v) => v.memberId), data.assessment?.preparedBy ?? "", data.override?.by ?? ""]);
  const name = (id: string | null | undefined) => (id ? (names.get(id) ?? "—") : "—");
  const filedOn = c.submittedAt ? todayInKazakhstan(c.submittedAt) : null;
  const today = todayInKazakhstan();
  const quorum = params.number("rf_commission_quorum", today);

  return (
    <>
      {c.flags.includes(RF_FLAGS.lateFiling) ? (
        <div className="notice notice--warning" data-testid="rf-late-flag">
          <p>
            <strong>{tRf("flags.late_filing")}</strong>
            {filedOn ? ` — ${t("lateDetail", { filedOn: date(filedOn), endsOn: date(data.status.endsOn), days: daysBetween(filedOn, data.status.endsOn) })}` : null}
          </p>
        </div>
      ) : null}
      {data.certificateDueOn && c.status === "extended" ? (
        <div className="notice" data-testid="rf-certificate-due">
          <p>{t("certificateDue", { due: date(data.certificateDueOn), until: data.newTerm ? date(data.newTerm.endsOn) : "—" })}</p>
        </div>
      ) : null}

      <section aria-labelledby="rf-family-title">
        <h2 id="rf-family-title">{t("familyTitle")}</h2>
        {records ? (
          <table className="data" data-testid="rf-family">
            <caption className="visually-hidden">{t("familyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.name")}</th>
                <th scope="col">{t("columns.relation")}</th>
                <th scope="col">{t("columns.birthDate")}</th>
                <th scope="col">{t("columns.certificate")}</th>
                <th scope="col">{t("columns.state")}</th>
                <th scope="col">{t("columns.term")}</th>
                <th scope="col">{t("columns.history")}</th>
              </tr>
            </thead>
            <tbody>
              {records.map((s) => (
                <tr key={s.id}>
                  <th scope="row">{`${s.person.surname} ${s.person.givenNames}`}</th>
                  <td>{tRf(`relations.${s.relation}`)}</td>
                  <td>{date(s.person.birthDate)}</td>
                  <td>{s.certificateNumber}</td>
                  <td>{tRf(`statusStates.${s.state}`)}</td>
                  <td>{t("term", { from: date(s.startsOn), until: date(s.endsOn) })}</td>
                  <td>{t("history", { granted: date(s.grantedOn), extensions: s.terms.filter((x) => x.kind === "extension").length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("noRecords")}</p>
        )}
      </section>

      <div className="grid-2">
        <section aria-labelledby="rf-application-title">
          <h2 id="rf-application-title">{t("applicationTitle")}</h2>
          <Summary>
            <Row label={t("countryOfOrigin")}>{countryName(ref, data.status.countryOfOrigin, locale)}</Row>
            <Row label={t("statusEnds")}>{date(data.status.endsOn)}</Row>
            {filedOn ? <Row label={t("filedOn")}>{date(filedOn)}</Row> : null}
            <Row label={t("identity")}>
              {tRf(`documentTypes.${data.identity.type}`)} {data.identity.number}
              {data.identity.expiresOn ? ` (${date(data.identity.expiresOn)})` : ""}
            </Row>
            <Row label={t("address")}>
              {[regionName(ref, data.address.region, locale), data.address.city, data.address.street, data.address.building, data.address.flat].filter(Boolean).join(", ")}
            </Row>
            <Row label={t("phone")}>{data.address.phone}</Row>
            <Row label={t("familyChanges")}>
              {data.familyChanges.length ? (
                <ul>
                  {data.familyChanges.map((ch, i) =>
                    ch.change === "add" ? (
                      <li key={i}>{t("added", { name: `${ch.surname} ${ch.givenNames}`, relation: tRf(`relations.${ch.relation}`), birthDate: date(ch.birthDate), document: `${tRf(`documentTypes.${ch.documentType}`)} ${ch.documentNumber}` })}</li>
                    ) : (
                      <li key={i}>{t("removed", { name: records?.find((s) => s.id === ch.statusId)?.person.surname ?? ch.statusId, reason: ch.reason })}</li>
                    ),
                  )}
                </ul>
              ) : (
                t("noChanges")
              )}
            </Row>
            <Row label={t("statement")}>{data.statement}</Row>
            {data.newEvidence ? <Row label={t("newEvidence")}>{data.newEvidence}</Row> : null}
          </Summary>
        </section>

        <section aria-labelledby="rf-assessment-title">
          <h2 id="rf-assessment-title">{t("assessmentTitle")}</h2>
          {data.assessment ? (
            <Summary>
              <Row label={t("situation")}>
                <strong className={data.assessment.situation === "changed" ? "tag tag--red" : "tag tag--green"}>{tRf(`staffActions.record_assessment.fields.situation.options.${data.assessment.situation}`)}</strong>
              </Row>
              <Row label={t("justification")}>{data.assessment.justification}</Row>
              <Row label={t("sources")}>{data.assessment.sources}</Row>
              <Row label={t("preparedBy")}>{name(data.assessment.preparedBy)}</Row>
              {data.override ? <Row label={t("override")}>{t("overrideValue", { note: data.override.note, by: name(data.override.by) })}</Row> : null}
            </Summary>
          ) : (
            <p data-testid="rf-no-assessment">{t("noAssessment")}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="rf-commission-title">
        <h2 id="rf-commission-title">{t("commissionTitle")}</h2>
        <p>{t("quorum", { quorum })}</p>
        {votes.length ? (
          <table className="data" data-testid="rf-votes">
            <caption className="visually-hidden">{t("votesCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.member")}</th>
                <th scope="col">{t("columns.decision")}</th>
                <th scope="col">{t("columns.ground")}</th>
                <th scope="col">{t("columns.reason")}</th>
                <th scope="col">{t("columns.date")}</th>
              </tr>
            </thead>
            <tbody>
              {votes.map((v) => (
                <tr key={v.memberId}>
                  <th scope="row">{name(v.memberId)}</th>
                  <td>{tRf(`staffActions.vote.fields.decision.options.${v.decision}`)}</td>
                  <td>{tRf(`refusalReasons.${v.legalGround}`)}</td>
                  <td>{v.reason}</td>
                  <td>{date(v.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{t("noVotes")}</p>
        )}
        {data.decision ? (
          <p data-testid="rf-decision">
            {t("decision", { outcome: tRf(`status.${data.decision.outcome}`), ground: tRf(`refusalReasons.${data.decision.legalGround}`), date: date(data.decision.decidedOn) })}
          </p>
        ) : null}
        {c.status === "refused" && data.decision ? <p>{t("complaintUntil", { until: date(rf09ComplaintDeadline(data.decision.decidedOn, params)) })}</p> : null}
        {data.complaint ? (
          <Summary>
            <Row label={t("complaintGrounds")}>{data.complaint.grounds}</Row>
            <Row label={t("complaintFiled")}>{date(data.complaint.filedOn)}</Row>
            {data.complaint.outcome ? <Row label={t("complaintOutcome")}>{tRf(`staffActions.decide_complaint.fields.outcome.options.${data.complaint.outcome}`)}</Row> : null}
          </Summary>
        ) : null}
        {c.decidedAt ? <p className="hint">{t("decidedAt", { at: formatInstant(format, c.decidedAt) })}</p> : null}
      </section>
    </>
  );
}
