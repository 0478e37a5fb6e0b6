import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { Row, Summary } from "@/app/_components/staff/summary";
import { pendingApprovalForCase, type ApprovalView } from "@/lib/dal/approvals";
import { deadlineExtensions, loadDeadlineJudge } from "@/lib/dal/deadlines";
import { getService } from "@/lib/engine/registry";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { decideApproval, extendDeadlineFromForm } from "./actions";
import { ApprovalDecisionForm } from "./approval-decision-form";
import { DeadlineBadge } from "./deadline-badge";
import { ExtendDeadlineForm } from "./extend-deadline-form";

/**
 * The workbench parts of a case page: its deadline (date, state, extensions), the supervisor's
 * extension form, and a pending four-eyes proposal with its decision form. One computation of the
 * deadline state serves officer, supervisor and applicant alike.
 */

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** The due date with its state; while stopped, the days left when the clock restarts. */
export async function CaseDeadline({ c, audience }: { c: CaseSnapshot; audience: "staff" | "applicant" }) {
  const [t, format, judge] = await Promise.all([getTranslations("deadlines"), getFormatter(), loadDeadlineJudge(await getDb())]);
  const state = judge(c);
  if (audience === "applicant") {
    if (state === "none") return null;
    return (
      <p data-testid="deadline-state" data-deadline-state={state}>
        <DeadlineBadge state={state} label={t(`state.${state}`)} />{" "}
        {state === "stopped" ? t("applicant.stopped", { days: c.clockRemainingDays ?? 0 }) : t(`applicant.${state}`, { date: formatCivilDate(format, c.dueOn!) })}
      </p>
    );
  }
  return (
    <span data-testid="deadline-state" data-deadline-state={state}>
      {c.dueOn ? <>{formatCivilDate(format, c.dueOn)} </> : null}
      <DeadlineBadge state={state} label={t(`state.${state}`)} />
      {state === "stopped" ? <> {t("stoppedRemaining", { days: c.clockRemainingDays ?? 0 })}</> : null}
      {state === "none" ? t("state.none") : null}
    </span>
  );
}

/** The extensions of a case's deadline, with their reasons (who extended it only for staff). */
export async function DeadlineHistory({ c, viewer }: { c: CaseSnapshot; viewer: Viewer }) {
  const extensions = await deadlineExtensions(await getDb(), viewer, c.id);
  if (!extensions.length) return null;
  const [t, format] = await Promise.all([getTranslations("deadlines"), getFormatter()]);
  return (
    <section aria-labelledby="deadline-history-title" data-testid="deadline-history">
      <h2 id="deadline-history-title">{t("history.title")}</h2>
      <ul>
        {extensions.map((e) => (
          <li key={e.at.toISOString()}>
            {e.newDueOn && e.previousDueOn
              ? t("history.item", { at: formatInstant(format, e.at), from: formatCivilDate(format, e.previousDueOn), to: formatCivilDate(format, e.newDueOn) })
              : t("history.itemStopped", { at: formatInstant(format, e.at), from: e.previousRemainingDays ?? 0, to: e.newRemainingDays ?? 0 })}{" "}
            {e.byName ? t("history.by", { name: e.byName }) : null} {e.reason ? t("history.reason", { reason: e.reason }) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Supervisors extend a running or stopped deadline with a reason. */
export async function ExtendDeadline({ c, viewer, locale }: { c: CaseSnapshot; viewer: Viewer; locale: string }) {
  const running = c.dueOn !== null;
  if (viewer.role !== "supervisor" || !getService(c.service)?.deadline || (!running && c.clockRemainingDays === null)) return null;
  const db = await getDb();
  const [t, tRoot, format, params, extensions] = await Promise.all([getTranslations("deadlines"), getTranslations(), getFormatter(), loadParameters(db), deadlineExtensions(db, viewer, c.id)]);
  const max = params.number("deadline_extension_max_working_days", todayInKazakhstan());
  const used = extensions.reduce((sum, e) => sum + e.days, 0);
  return (
    <ExtendDeadlineForm
      formAction={extendDeadlineFromForm}
      caseId={c.id}
      version={c.version}
      locale={locale}
      mode={running ? "date" : "days"}
      labels={{
        title: t("extend.title"),
        lead: running ? t("extend.lead", { max }) : t("extend.leadStopped", { max }),
        field: running ? t("extend.newDueOn") : t("extend.addDays"),
        fieldHint: running ? t("extend.newDueOnHint", { dueOn: formatCivilDate(format, c.dueOn!) }) : t("extend.addDaysHint", { left: Math.max(0, max - used) }),
        reason: t("extend.reason"),
        reasonHint: t("extend.reasonHint"),
        submit: t("extend.submit"),
        pending: t("extend.pending"),
        errorSummary: tRoot("common.errors.summaryTitle"),
      }}
    />
  );
}

/** A proposed action and its input in words, from the action's own staff form declaration. */
export function describeProposal(tRoot: Translator, service: string, action: string, input: Record<string, unknown>): { title: string; fields: { label: string; value: string }[] } {
  const form = getService(service)?.actions[action]?.form;
  const has = (key: string) => tRoot.has(key as never);
  const text = (key: string, fallback: string) => (has(key) ? tRoot(key as never) : fallback);
  if (!form) return { title: action, fields: [] };
  const m = `${form.messages}.${action}`;
  const fields = form.fields
    .filter((f) => input[f.name] !== undefined && input[f.name] !== "")
    .map((f) => {
      const raw = input[f.name];
      const value =
        f.kind === "select"
          ? text(f.optionMessages ? `${f.optionMessages}.${String(raw)}` : `${m}.fields.${f.name}.options.${String(raw)}`, String(raw))
          : f.kind === "checkbox"
            ? tRoot(raw ? "approvals.values.yes" : "approvals.values.no")
            : String(raw);
      return { label: text(`${m}.fields.${f.name}.label`, f.name), value };
    });
  return { title: text(`${m}.title`, action), fields };
}

export function ProposalDetails({ proposal, tRoot }: { proposal: Pick<ApprovalView, "service" | "action" | "input">; tRoot: Translator }) {
  const { fields } = describeProposal(tRoot, proposal.service, proposal.action, proposal.input);
  if (!fields.length) return null;
  return (
    <Summary>
      {fields.map((f) => (
        <Row key={f.label} label={f.label}>
          {f.value}
        </Row>
      ))}
    </Summary>
  );
}

export async function approvalFormLabels() {
  const t = await getTranslations("approvals.inbox");
  const tCase = await getTranslations("staff.case");
  return {
    approve: t("approve"),
    reject: t("reject"),
    reason: t("rejectReason"),
    reasonHint: t("rejectReasonHint"),
    withdraw: t("withdraw"),
    pending: t("pending"),
    conflictTitle: tCase("conflictTitle"),
  };
}

/** The banner on a staff case page while a decision waits for approval, with the approver's forms. */
export async function PendingApprovalBanner({ c, viewer, locale }: { c: CaseSnapshot; viewer: Viewer; locale: string }) {
  const proposal = await pendingApprovalForCase(await getDb(), viewer, c.id);
  if (!proposal) return null;
  const [t, tRoot, format, labels] = await Promise.all([getTranslations("approvals"), getTranslations(), getFormatter(), approvalFormLabels()]);
  const { title } = describeProposal(tRoot, proposal.service, proposal.action, proposal.input);
  return (
    <section className="notice notice--warning" aria-labelledby="pending-approval-title" data-testid="pending-approval">
      <h2 id="pending-approval-title">{t("banner.title")}</h2>
      <p>{t("banner.body", { name: proposal.proposerName, action: title, at: formatInstant(format, proposal.proposedAt) })}</p>
      <ProposalDetails proposal={proposal} tRoot={tRoot} />
      {proposal.stale ? <p>{t("errors.stale")}</p> : null}
      {proposal.mine ? <p>{t("banner.mine")}</p> : proposal.mayDecide ? <p>{t("banner.decideHere")}</p> : null}
      {proposal.mine || proposal.mayDecide ? (
        <ApprovalDecisionForm formAction={decideApproval} approvalId={proposal.id} locale={locale} returnTo="case" mayDecide={proposal.mayDecide} labels={labels} />
      ) : null}
    </section>
  );
}
