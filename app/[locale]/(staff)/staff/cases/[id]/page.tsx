import type { Metadata } from "next";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { serviceUi } from "@/app/_components/services/registry";
import type { ServiceUi } from "@/app/_components/services/types";
import { StaffConversation } from "@/app/_components/conversation/staff-summary";
import { CaseActionsPanel, type ActionFormView } from "@/app/_components/staff/case-actions-panel";
import { regionName } from "@/app/_components/staff/format";
import { Row, Summary } from "@/app/_components/staff/summary";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { CASEWORK_ROLES, requireStaffViewer } from "@/app/_components/staff/require-staff";
import { FlagTags, StatusTag } from "@/app/_components/staff/tags";
import styles from "@/app/_components/staff/staff.module.css";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { getCaseDetail, type CaseDetail } from "@/lib/dal/cases";
import { getViewer, hasRole } from "@/lib/dal/viewer";
import { getService } from "@/lib/engine/registry";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import { performCaseAction } from "./actions";
import { changeAssignment } from "./assignment-actions";
import { assignableStaff } from "@/lib/dal/assignment";
import { pendingApprovalForCase } from "@/lib/dal/approvals";
import { SelectField, TextField } from "@/app/_components/fields";
import { CaseDeadline, DeadlineHistory, ExtendDeadline, PendingApprovalBanner } from "@/app/_components/workbench/case-workbench";
import { BreakGlassBanner } from "@/app/_components/staff/break-glass-banner";
import { DuplicatePanel } from "@/app/_components/staff/duplicate-panel";
import { breakGlassGrantFor, canSeeCase } from "@/lib/engine/access";

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

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

export default async function StaffCasePage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/cases/${encodeURIComponent(id)}`);
  const detail = await loadDetail(id);
  if (!detail) notFound();

  const db = await getDb();
  const c = detail.case;
  // Staff reads of a case are part of the audit trail, like its changes.
  await recordAudit(db, { viewer, action: "case.view", caseId: c.id, channel: "page", ip: clientIp(await headers()), details: { reference: c.reference } });

  const service = getService(c.service);
  const ui = serviceUi(c.service);
  const ns = ui?.namespace ?? "staff.case";
  const props = { detail, locale, viewer };
  const [t, tRoot, format, ref, dynamicOptions, messageValues] = await Promise.all([
    getTranslations("staff.case"),
    getTranslations(),
    getFormatter(),
    loadReferenceData(db),
    ui?.actionOptions?.(props) ?? ({} as Awaited<ReturnType<NonNullable<ServiceUi["actionOptions"]>>>),
    ui?.actionMessageValues?.(props) ?? ({} as Awaited<ReturnType<NonNullable<ServiceUi["actionMessageValues"]>>>),
  ]);
  const sp = await searchParams;
  const done = first(sp.done);
  const today = todayInKazakhstan();
  const date = (d: string) => formatCivilDate(format, d);
  const label = (key: string, fallback: string) => (tRoot.has(key) ? tRoot(key) : fallback);
  const statusLabel = (s: string) => label(`${ns}.status.${s}`, s);
  const flagLabel = (f: string) => label(`${ns}.flags.${f}`, label(`integrity.flags.${f}`, f));
  const roleLabel = (r: string) => label(`staff.roles.${r}`, r);

  // One form per action the engine offers this viewer now, as the service declares it.
  const forms: ActionFormView[] = [];
  // While a decision waits for approval, the other decisions that need approval are not offered.
  const awaitingApproval = (await pendingApprovalForCase(db, viewer, c.id)) !== null;
  for (const action of detail.actions) {
    const form = service?.actions[action]?.form;
    if (!form || (awaitingApproval && service?.actions[action]?.approval)) continue;
    const m = `${form.messages}.${action}`;
    const values = messageValues[action] ?? {};
    const optional = (key: string) => (tRoot.has(key) ? tRoot(key as never, values as never) : undefined);
    forms.push({
      action,
      title: tRoot(`${m}.title` as never, values as never),
      body: optional(`${m}.body`),
      warning: form.danger ? optional(`${m}.warning`) : undefined,
      submit: tRoot(`${m}.submit` as never, values as never),
      fields: form.fields.map((f) => {
        const fm = `${m}.fields.${f.name}`;
        const optionLabel = (v: string) => label(f.optionMessages ? `${f.optionMessages}.${v}` : `${fm}.options.${v}`, v);
        return {
          name: f.name,
          kind: f.kind,
          required: f.required ?? false,
          label: label(`${fm}.label`, f.name),
          hint: optional(`${fm}.hint`),
          placeholder: optional(`${fm}.placeholder`) ?? tRoot("common.choose"),
          options: dynamicOptions[action]?.[f.name] ?? f.options?.map((v) => ({ value: v, label: optionLabel(v) })),
          initial: f.initial?.(c, today),
        };
      }),
    });
  }
  const doneForm = done ? service?.actions[done]?.form : undefined;
  const doneText = doneForm ? label(`${doneForm.messages}.${done}.done`, t("doneGeneric")) : null;
  const approvalDone = first(sp.approval);
  const workbenchNotice =
    first(sp.proposed) !== undefined
      ? tRoot("approvals.outcome.requested")
      : approvalDone && ["approved", "rejected", "withdrawn"].includes(approvalDone)
        ? tRoot(`approvals.inbox.${approvalDone}` as never, { reference: c.reference } as never)
        : first(sp.deadline) === "extended"
          ? tRoot("deadlines.extend.done")
          : null;

  const documentStatus = (d: CaseDetail["documents"][number]) =>
    d.revokedAt ? "revoked" : today > d.validUntil ? "expired" : today < d.validFrom ? "not_yet_valid" : "valid";
  const StaffDetails = ui?.StaffDetails;

  const held = detail.assignmentLive;
  const mine = c.assigneeId !== null && c.assigneeId === viewer.userId;
  // Read under a break-glass grant: outside the viewer's regions, so read-only.
  const grant = canSeeCase(viewer, c) ? null : breakGlassGrantFor(viewer, c.id);
  const works = (viewer.role === "officer" || viewer.role === "supervisor") && !grant;
  const duplicateError = first(sp.duplicateError);
  const staffToAssign = viewer.role === "supervisor" && !grant ? await assignableStaff(db, viewer, c) : [];
  const assignmentDone = first(sp.assignment);
  const assignmentError = first(sp.assignmentError);
  const leaseText = c.leaseExpiresAt ? formatInstant(format, c.leaseExpiresAt) : "";

  return (
    <>
      <p>
        <Link href="/staff/queue">{t("back")}</Link>
      </p>
      {doneText ? (
        <div className="notice notice--success" role="status">
          <p>{doneText}</p>
        </div>
      ) : null}
      {/* Four-eyes and deadline outcomes (app/_components/workbench). */}
      {workbenchNotice ? (
        <div className="notice notice--success" role="status" data-testid="workbench-notice">
          <p>{workbenchNotice}</p>
        </div>
      ) : null}

      <h1>
        <span className={styles.caption}>{label(`${ns}.serviceName`, c.service)}</span>
        {c.reference}
      </h1>
      {grant ? <BreakGlassBanner expiresAt={grant.expiresAt} /> : null}

      <Summary>
        <Row label={t("status")}>
          <StatusTag status={c.status} label={statusLabel(c.status)} />
        </Row>
        <Row label={t("flags")}>
          <FlagTags flags={c.flags} label={flagLabel} none={t("noFlags")} />
        </Row>
        <Row label={t("dueOn")}>
          <CaseDeadline c={c} audience="staff" />
        </Row>
        <Row label={t("region")}>{regionName(ref, c.region, locale)}</Row>
        <Row label={t("assignee")}>{detail.assigneeName ?? t("unassigned")}</Row>
        <Row label={t("submittedAt")}>{c.submittedAt ? formatInstant(format, c.submittedAt) : t("notYet")}</Row>
        <Row label={t("decidedAt")}>{c.decidedAt ? formatInstant(format, c.decidedAt) : t("notYet")}</Row>
      </Summary>

      <PendingApprovalBanner c={c} viewer={viewer} locale={locale} />
      <DuplicatePanel
        case={c}
        viewer={viewer}
        locale={locale}
        mayResolve={works}
        notice={first(sp.duplicate) === "resolved" ? tRoot("integrity.duplicates.resolved") : undefined}
        error={duplicateError && tRoot.has(duplicateError) ? tRoot(duplicateError as never) : undefined}
      />

      {StaffDetails ? <StaffDetails {...props} /> : null}
      <DeadlineHistory c={c} viewer={viewer} />

      <StaffConversation detail={detail} locale={locale} />

      <section aria-labelledby="assignment-title">
        <h2 id="assignment-title">{t("assignmentTitle")}</h2>
        {assignmentDone && ["claimed", "released", "assigned"].includes(assignmentDone) ? (
          <div className="notice notice--success" role="status">
            {tRoot(`staff.assignment.${assignmentDone}` as never)}
          </div>
        ) : null}
        {assignmentError && tRoot.has(assignmentError) ? (
          <div className="notice notice--error" role="alert">
            {tRoot(assignmentError as never)}
          </div>
        ) : null}
        <p data-testid="assignment-state">
          {!c.assigneeId
            ? tRoot("staff.assignment.unassigned")
            : held
              ? tRoot("staff.assignment.heldBy", { name: detail.assigneeName ?? "", until: leaseText })
              : tRoot("staff.assignment.lapsed", { name: detail.assigneeName ?? "", until: leaseText })}
        </p>
        {works ? (
          <div className="button-group">
            {!mine && (!held || viewer.role === "supervisor") ? (
              <form action={changeAssignment}>
                <input type="hidden" name="op" value="claim" />
                <input type="hidden" name="caseId" value={c.id} />
                <input type="hidden" name="version" value={c.version} />
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className="button">
                  {tRoot("staff.assignment.claim")}
                </button>
              </form>
            ) : null}
            {c.assigneeId && (mine || viewer.role === "supervisor") ? (
              <form action={changeAssignment}>
                <input type="hidden" name="op" value="release" />
                <input type="hidden" name="caseId" value={c.id} />
                <input type="hidden" name="version" value={c.version} />
                <input type="hidden" name="locale" value={locale} />
                <button type="submit" className="button button--secondary">
                  {tRoot("staff.assignment.release")}
                </button>
              </form>
            ) : null}
          </div>
        ) : null}
        {staffToAssign.length ? (
          <form action={changeAssignment} className="card">
            <input type="hidden" name="op" value="assign" />
            <input type="hidden" name="caseId" value={c.id} />
            <input type="hidden" name="version" value={c.version} />
            <input type="hidden" name="locale" value={locale} />
            <SelectField
              id="assign-assigneeId"
              name="assigneeId"
              label={tRoot("staff.assignment.assignTo")}
              placeholder={tRoot("staff.assignment.assignPlaceholder")}
              options={staffToAssign.map((u) => ({ value: u.id, label: u.name }))}
              defaultValue=""
              required
            />
            <TextField id="assign-reason" name="reason" label={tRoot("staff.assignment.assignReason")} maxLength={500} />
            <button type="submit" className="button">
              {tRoot("staff.assignment.assignSubmit")}
            </button>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t("actionsTitle")}</h2>
        {viewer.role === "auditor" ? (
          <p>{t("readOnly")}</p>
        ) : (
          <>
            <p className="muted">{forms.length ? t("actionsLead") : t("noActions")}</p>
            <ExtendDeadline c={c} viewer={viewer} locale={locale} />
            {/* Keyed by the last success, so a fresh form follows each completed action. */}
            <CaseActionsPanel
              key={`${done ?? ""}-${first(sp.v) ?? ""}`}
              formAction={performCaseAction}
              caseId={c.id}
              service={c.service}
              version={c.version}
              locale={locale}
              forms={forms}
              labels={{ errorSummary: tRoot("common.errors.summaryTitle"), conflictTitle: t("conflictTitle"), pending: t("pending") }}
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
                      <td>{label(`${ns}.documentTypes.${d.type}`, d.type)}</td>
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
                    <td>{d.reasonCode ? label(`${ns}.refusalReasons.${d.reasonCode}`, d.reasonCode) : "—"}</td>
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
                <strong>{label(`${ns}.actions.${e.action}`, label(`approvals.events.${e.action}`, label(`deadlines.events.${e.action}`, label(`integrity.actions.${e.action}`, e.action))))}</strong> {internal ? <span className="tag tag--grey">{t("internal")}</span> : null}
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
