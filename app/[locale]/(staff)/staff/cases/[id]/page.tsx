import type { Metadata } from "next";
import type { ReactNode } from "react";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { CaseActionsPanel, type ActionFormLabels } from "@/app/_components/staff/case-actions-panel";
import { isCaseAction, type CaseActionName } from "@/app/_components/staff/case-action-state";
import { countryName, regionName } from "@/app/_components/staff/format";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { CASEWORK_ROLES, requireStaffViewer } from "@/app/_components/staff/require-staff";
import { DueMark, FlagTags, StatusTag, dueState } from "@/app/_components/staff/tags";
import styles from "@/app/_components/staff/staff.module.css";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { getCaseDetail, type CaseDetail } from "@/lib/dal/cases";
import { getViewer, hasRole } from "@/lib/dal/viewer";
import { getService } from "@/lib/engine/registry";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { ParameterError } from "@/lib/rules/parameters";
import { TR_SERVICE } from "@/lib/services";
import type { Registration } from "@/lib/services/temporary-registration/definition";
import { isEaeuWorker, lateness, permittedStay, registrationDeadline, TR_FLAGS } from "@/lib/services/temporary-registration/rules";
import { REFUSAL_REASONS, type TrApplication } from "@/lib/services/temporary-registration/schema";
import { performCaseAction } from "./actions";

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// One read per request, shared by the title and the page; the DAL filters by the viewer's regions.
const loadDetail = cache(async (id: string): Promise<CaseDetail | null> => {
  const viewer = await getViewer();
  if (!hasRole(viewer, CASEWORK_ROLES)) return null;
  return getCaseDetail(await getDb(), viewer, id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const detail = await loadDetail(id);
  if (!detail) return { title: (await getTranslations({ locale, namespace: "common.errors" }))("notFoundTitle") };
  return { title: (await getTranslations({ locale, namespace: "staff.case" }))("title", { reference: detail.case.reference }) };
}

/** A rule fact, or null when no rule parameter was in force on the date it needs. */
function fact<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (e) {
    if (e instanceof ParameterError) return null;
    throw e;
  }
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function Summary({ children }: { children: ReactNode }) {
  return <dl className={`summary-list ${styles.summary}`}>{children}</dl>;
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

export default async function StaffCasePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/cases/${encodeURIComponent(id)}`);
  const detail = await loadDetail(id);
  if (!detail) notFound();

  const db = await getDb();
  const c = detail.case;
  // Staff reads of a case are part of the audit trail, like its changes.
  await recordAudit(db, { viewer, action: "case.view", caseId: c.id, channel: "page", ip: clientIp(await headers()), details: { reference: c.reference } });

  const [t, ta, tr, tRoot, format, params_, ref] = await Promise.all([
    getTranslations("staff.case"),
    getTranslations("staff.actions"),
    getTranslations("tr"),
    getTranslations(),
    getFormatter(),
    loadParameters(db),
    loadReferenceData(db),
  ]);
  const sp = await searchParams;
  const done = first(sp.done);
  const today = todayInKazakhstan();
  const date = (d: string) => formatCivilDate(format, d);
  const label = (key: string, fallback: string) => (tRoot.has(key) ? tRoot(key) : fallback);
  const statusLabel = (s: string) => label(`tr.status.${s}`, s);
  const flagLabel = (f: string) => label(`tr.flags.${f}`, f);
  const roleLabel = (r: string) => label(`staff.roles.${r}`, r);

  const isTr = c.service === TR_SERVICE;
  const app = c.data as unknown as TrApplication & { registration?: Registration };
  const isProtected = c.flags.includes(TR_FLAGS.protectedPerson);
  const due = dueState(c.dueOn, today);

  // TR-07, TR-02/TR-05, TR-09: the same rule functions the engine runs, on the data of this case.
  const stay = isTr ? fact(() => permittedStay(app, params_, ref)) : null;
  const deadline = isTr ? fact(() => registrationDeadline(app.stay.entryDate, isEaeuWorker(app, ref), params_)) : null;
  const filedOn = c.submittedAt ? todayInKazakhstan(c.submittedAt) : null;
  const late = deadline && filedOn ? fact(() => lateness(deadline.deadline, filedOn, params_)) : null;

  const actions = detail.actions.filter(isCaseAction);
  const service = getService(c.service);
  const forms: Partial<Record<CaseActionName, ActionFormLabels>> = {};
  for (const action of actions) {
    switch (action) {
      case "start_review":
      case "submit":
        forms[action] = { title: ta(`${action}.title`), body: ta(`${action}.body`), submit: ta(`${action}.submit`), fields: {} };
        break;
      case "return_for_correction":
        forms[action] = { title: ta(`${action}.title`), submit: ta(`${action}.submit`), fields: { reason: { label: ta(`${action}.reason`), hint: ta(`${action}.reasonHint`) } } };
        break;
      case "register": {
        const requested = isTr ? date(app.stay.requestedEndDate) : "";
        const hint = stay?.until ? ta("register.validUntilHint", { requested, limit: date(stay.until) }) : ta("register.validUntilHintNoLimit", { requested });
        forms[action] = { title: ta("register.title"), submit: ta("register.submit"), fields: { validUntil: { label: ta("register.validUntil"), hint } } };
        break;
      }
      case "refuse":
        forms[action] = {
          title: ta("refuse.title"),
          warning: ta("refuse.warning"),
          submit: ta("refuse.submit"),
          fields: {
            reasonCode: { label: ta("refuse.reasonCode"), placeholder: ta("refuse.reasonCodePlaceholder") },
            reason: { label: ta("refuse.reason"), hint: ta("refuse.reasonHint") },
          },
        };
        break;
      case "set_protection":
        forms[action] = {
          title: ta("set_protection.title"),
          body: `${ta("set_protection.body")} ${ta("set_protection.current", { state: ta(isProtected ? "set_protection.protectedState" : "set_protection.notProtectedState") })}`,
          submit: ta("set_protection.submit"),
          fields: { protected: { label: ta("set_protection.protected") }, reason: { label: ta("set_protection.reason"), hint: ta("set_protection.reasonHint") } },
        };
        break;
      case "record_departure":
        forms[action] = {
          title: ta("record_departure.title"),
          submit: ta("record_departure.submit"),
          fields: { departureDate: { label: ta("record_departure.departureDate"), hint: ta("record_departure.departureDateHint") }, reason: { label: ta("record_departure.reason") } },
        };
        break;
      case "cancel_registration":
        forms[action] = {
          title: ta("cancel_registration.title"),
          warning: ta("cancel_registration.warning"),
          submit: ta("cancel_registration.submit"),
          fields: { reason: { label: ta("cancel_registration.reason"), hint: ta("cancel_registration.reasonHint") } },
        };
        break;
      case "withdraw":
        forms[action] = { title: ta("withdraw.title"), warning: ta("withdraw.warning"), submit: ta("withdraw.submit"), fields: { reason: { label: ta("withdraw.reason") } } };
        break;
    }
  }

  const documentStatus = (d: CaseDetail["documents"][number]) =>
    d.revokedAt ? "revoked" : today > d.validUntil ? "expired" : today < d.validFrom ? "not_yet_valid" : "valid";
  const passportExpired = isTr && app.passport.passportExpiresOn < today;

  return (
    <>
      <p>
        <Link href="/staff/queue">{t("back")}</Link>
      </p>
      {isCaseAction(done) ? (
        <div className="notice notice--success" role="status">
          <p>{t(`done.${done}`)}</p>
        </div>
      ) : null}

      <h1>
        <span className={styles.caption}>{isTr ? tr("serviceName") : c.service}</span>
        {c.reference}
      </h1>

      <Summary>
        <Row label={t("status")}>
          <StatusTag status={c.status} label={statusLabel(c.status)} />
        </Row>
        <Row label={t("flags")}>
          <FlagTags flags={c.flags} label={flagLabel} none={t("noFlags")} />
        </Row>
        <Row label={t("dueOn")}>
          {c.dueOn ? (
            <>
              {date(c.dueOn)} <DueMark state={due} overdue={t("overdue")} today={t("dueToday")} />
            </>
          ) : (
            t("noDue")
          )}
        </Row>
        <Row label={t("region")}>{regionName(ref, c.region, locale)}</Row>
        <Row label={t("assignee")}>{detail.assigneeName ?? t("unassigned")}</Row>
        <Row label={t("submittedAt")}>{c.submittedAt ? formatInstant(format, c.submittedAt) : t("notYet")}</Row>
        <Row label={t("decidedAt")}>{c.decidedAt ? formatInstant(format, c.decidedAt) : t("notYet")}</Row>
        {isTr && app.registration ? (
          <Row label={t("registration")}>{t("registrationValue", { from: date(app.registration.validFrom), until: date(app.registration.validUntil) })}</Row>
        ) : null}
      </Summary>

      {isTr ? (
        <>
          <div className="grid-2">
            <section aria-labelledby="applicant-title">
              <h2 id="applicant-title">{t("applicantTitle")}</h2>
              <Summary>
                <Row label={t("nameLatin")}>
                  {app.person.surname} {app.person.givenNames}
                </Row>
                {app.person.surnameCyrillic || app.person.givenNamesCyrillic ? (
                  <Row label={t("nameCyrillic")}>
                    {app.person.surnameCyrillic ?? ""} {app.person.givenNamesCyrillic ?? ""}
                  </Row>
                ) : null}
                <Row label={t("birthDate")}>{date(app.person.birthDate)}</Row>
                <Row label={t("sex")}>{label(`tr.sexes.${app.person.sex}`, app.person.sex)}</Row>
                <Row label={t("citizenship")}>{countryName(ref, app.person.citizenship, locale)}</Row>
                <Row label={t("passportType")}>{label(`tr.passportTypes.${app.passport.passportType}`, app.passport.passportType)}</Row>
                <Row label={t("passportNumber")}>{app.passport.passportNumber}</Row>
                <Row label={t("passportExpiresOn")}>
                  {date(app.passport.passportExpiresOn)} {passportExpired ? <span className="tag tag--red">{t("passportExpired")}</span> : null}
                </Row>
              </Summary>
            </section>
            <section aria-labelledby="stay-title">
              <h2 id="stay-title">{t("stayTitle")}</h2>
              <Summary>
                <Row label={t("entryDate")}>{date(app.stay.entryDate)}</Row>
                <Row label={t("purpose")}>{label(`tr.purposes.${app.stay.purpose}`, app.stay.purpose)}</Row>
                <Row label={t("requestedEndDate")}>{date(app.stay.requestedEndDate)}</Row>
                <Row label={t("eaeuWorker")}>{tRoot(app.stay.eaeuWorker ? "common.yes" : "common.no")}</Row>
                <Row label={t("visa")}>
                  {app.stay.visaNumber && app.stay.visaValidUntil ? t("visaValue", { number: app.stay.visaNumber, until: date(app.stay.visaValidUntil) }) : t("noVisa")}
                </Row>
              </Summary>
            </section>
            <section aria-labelledby="address-title">
              <h2 id="address-title">{t("addressTitle")}</h2>
              <Summary>
                <Row label={t("region")}>{regionName(ref, app.address.region, locale)}</Row>
                <Row label={t("addressCity")}>{app.address.city}</Row>
                <Row label={t("addressStreet")}>{app.address.street}</Row>
                <Row label={t("addressBuilding")}>{app.address.building}</Row>
                {app.address.flat ? <Row label={t("addressFlat")}>{app.address.flat}</Row> : null}
              </Summary>
            </section>
            <section aria-labelledby="host-title">
              <h2 id="host-title">{t("hostTitle")}</h2>
              <Summary>
                <Row label={t("hostKind")}>{label(`tr.hostKinds.${app.host.kind}`, app.host.kind)}</Row>
                <Row label={t("hostIdentifier")}>{app.host.identifier}</Row>
                <Row label={t("hostName")}>{app.host.name}</Row>
                <Row label={t("hostPhone")}>{app.host.phone}</Row>
              </Summary>
            </section>
          </div>

          <section aria-labelledby="facts-title">
            <h2 id="facts-title">{t("factsTitle")}</h2>
            <p className="muted">{t("factsLead")}</p>
            <Summary>
              <Row label={`${t("permittedStay")} (TR-07)`}>
                {stay === null
                  ? t("factUnavailable")
                  : stay.until
                    ? `${t("permittedUntil", { date: date(stay.until) })} — ${t(`basis.${stay.basis}`)}`
                    : t("noStayWithoutVisa")}
              </Row>
              <Row label={`${t("registrationDeadline")} (${deadline?.rule ?? "TR-02"})`}>{deadline ? date(deadline.deadline) : t("factUnavailable")}</Row>
              <Row label={`${t("lateness")} (TR-09)`}>
                {!filedOn
                  ? t("notFiled")
                  : late === null
                    ? t("factUnavailable")
                    : late.tier
                      ? t("late", { days: late.daysLate, tier: late.tier })
                      : t("onTime")}
                {isProtected ? <span className="hint">{t("protectedNote")}</span> : null}
              </Row>
            </Summary>
          </section>
        </>
      ) : null}

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t("actionsTitle")}</h2>
        {viewer.role === "auditor" ? (
          <p>{t("readOnly")}</p>
        ) : (
          <>
            <p className="muted">{actions.length ? t("actionsLead") : t("noActions")}</p>
            {/* Keyed by the last success, so a fresh form follows each completed action. */}
            <CaseActionsPanel
              key={`${done ?? ""}-${first(sp.v) ?? ""}`}
              formAction={performCaseAction}
              caseId={c.id}
              version={c.version}
              locale={locale}
              actions={actions}
              defaults={{ validUntil: isTr ? app.stay.requestedEndDate : undefined, protected: isProtected }}
              refusalReasons={REFUSAL_REASONS.map((r) => ({ value: r, label: tr(`refusalReasons.${r}`) }))}
              labels={{ errorSummary: tRoot("common.errors.summaryTitle"), conflictTitle: t("conflictTitle"), pending: ta("pending"), forms }}
            />
          </>
        )}
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t("documentsTitle")}</h2>
        {detail.documents.length ? (
          <div className={styles.tableScroll} role="region" aria-labelledby="documents-title" tabIndex={0}>
            <table className="data">
              <caption className="visually-hidden">{t("documentsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("documentColumns.number")}</th>
                  <th scope="col">{t("documentColumns.type")}</th>
                  <th scope="col">{t("documentColumns.validity")}</th>
                  <th scope="col">{t("documentColumns.status")}</th>
                  <th scope="col">{t("documentColumns.links")}</th>
                </tr>
              </thead>
              <tbody>
                {detail.documents.map((d) => {
                  const status = documentStatus(d);
                  return (
                    <tr key={d.id}>
                      <th scope="row">{d.number}</th>
                      <td>{label(`staff.case.documentTypes.${d.type}`, d.type)}</td>
                      <td>{t("validity", { from: date(d.validFrom), until: date(d.validUntil) })}</td>
                      <td>
                        <strong className={status === "valid" ? "tag tag--green" : status === "revoked" ? "tag tag--red" : "tag tag--grey"}>{t(`documentStatus.${status}`)}</strong>
                      </td>
                      <td>
                        <a href={`/api/documents/${d.id}/pdf?lang=${locale}`}>{t("pdf", { number: d.number })}</a>
                        <br />
                        <Link href={`/verify/${d.verificationToken}`}>{t("verify", { number: d.number })}</Link>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("noDocuments")}</p>
        )}
      </section>

      <section aria-labelledby="decisions-title">
        <h2 id="decisions-title">{t("decisionsTitle")}</h2>
        {detail.decisions.length ? (
          <div className={styles.tableScroll} role="region" aria-labelledby="decisions-title" tabIndex={0}>
            <table className="data">
              <caption className="visually-hidden">{t("decisionsCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("decisionColumns.outcome")}</th>
                  <th scope="col">{t("decisionColumns.reasonCode")}</th>
                  <th scope="col">{t("decisionColumns.reasonText")}</th>
                  <th scope="col">{t("decisionColumns.date")}</th>
                </tr>
              </thead>
              <tbody>
                {detail.decisions.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{statusLabel(d.outcome)}</th>
                    <td>{d.reasonCode ? label(`tr.refusalReasons.${d.reasonCode}`, d.reasonCode) : "—"}</td>
                    <td>{d.reasonText ?? "—"}</td>
                    <td>{formatInstant(format, d.decidedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>{t("noDecisions")}</p>
        )}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t("timelineTitle")}</h2>
        <p className="muted">{t("timelineLead")}</p>
        <ol className="timeline">
          {detail.events.map((e) => {
            const internal = service?.actions[e.action]?.public === false;
            const role = roleLabel(e.actorRole);
            return (
              <li key={e.id}>
                <time dateTime={e.at.toISOString()}>{formatInstant(format, e.at)}</time>
                <strong>{label(`tr.actions.${e.action}`, e.action)}</strong> {internal ? <span className="tag tag--grey">{t("internal")}</span> : null}
                <br />
                {e.fromStatus && e.fromStatus !== e.toStatus
                  ? t("statusChange", { from: statusLabel(e.fromStatus), to: statusLabel(e.toStatus) })
                  : t("statusSet", { to: statusLabel(e.toStatus) })}
                <br />
                {e.actorName ? t("by", { name: e.actorName, role }) : t("byRole", { role })}
                {e.reason ? (
                  <>
                    <br />
                    {t("reason", { reason: e.reason })}
                  </>
                ) : null}
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
