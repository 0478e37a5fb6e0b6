import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { regionName } from "@/app/_components/staff/format";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { Row, Summary } from "@/app/_components/staff/summary";
import { StatusTag } from "@/app/_components/staff/tags";
import { serviceUi } from "@/app/_components/services/registry";
import { decideApproval } from "@/app/_components/workbench/actions";
import { ApprovalDecisionForm } from "@/app/_components/workbench/approval-decision-form";
import { approvalFormLabels, describeProposal, ProposalDetails } from "@/app/_components/workbench/case-workbench";
import { DeadlineBadge } from "@/app/_components/workbench/deadline-badge";
import { approvalInbox } from "@/lib/dal/approvals";
import { loadDeadlineJudge } from "@/lib/dal/deadlines";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { loadReferenceData } from "@/lib/rules/load";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "approvals.inbox" }))("title") };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The four-eyes inbox: decisions waiting for a second person in the viewer's regions and services,
 * oldest first, each with its case, the proposed decision in words and the forms to decide it.
 * The viewer's own proposals are listed too, to withdraw; they can never approve them.
 */
export default async function ApprovalsInboxPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/approvals`, ["officer", "supervisor", "reviewer"]);
  const db = await getDb();
  const [items, t, tRoot, tDeadline, format, ref, judge, labels] = await Promise.all([
    approvalInbox(db, viewer),
    getTranslations("approvals"),
    getTranslations(),
    getTranslations("deadlines"),
    getFormatter(),
    loadReferenceData(db),
    loadDeadlineJudge(db),
    approvalFormLabels(),
  ]);
  const sp = await searchParams;
  const done = first(sp.approval);
  const doneText = done && ["approved", "rejected", "withdrawn"].includes(done) ? t(`inbox.${done}` as "inbox.approved", { reference: first(sp.ref) ?? "" }) : null;
  const label = (key: string, fallback: string) => (tRoot.has(key as never) ? tRoot(key as never) : fallback);

  return (
    <>
      {doneText ? (
        <div className="notice notice--success" role="status" data-testid="approval-done">
          <p>{doneText}</p>
        </div>
      ) : null}
      <h1>{t("inbox.title")}</h1>
      <p>{t("inbox.lead")}</p>
      {items.length === 0 ? (
        <p data-testid="approvals-empty">{t("inbox.empty")}</p>
      ) : (
        <ol style={{ listStyle: "none", padding: 0 }} data-testid="approvals">
          {items.map((item) => {
            const ns = serviceUi(item.service)?.namespace ?? "staff.case";
            const { title } = describeProposal(tRoot, item.service, item.action, item.input);
            const state = judge(item);
            return (
              <li key={item.id} className="card" style={{ marginBottom: "1rem" }} data-approval={item.id} data-reference={item.reference}>
                <h2>
                  <Link href={`/staff/cases/${item.caseId}`}>{t("inbox.openCase", { reference: item.reference })}</Link>
                </h2>
                <p>
                  <strong>{t("inbox.proposal", { action: title, name: item.proposerName, at: formatInstant(format, item.proposedAt) })}</strong>
                </p>
                <Summary>
                  <Row label={t("inbox.service")}>{label(`${ns}.serviceName`, item.service)}</Row>
                  <Row label={t("inbox.caseStatus")}>
                    <StatusTag status={item.status} label={label(`${ns}.status.${item.status}`, item.status)} />
                  </Row>
                  <Row label={t("inbox.region")}>{regionName(ref, item.region, locale)}</Row>
                  <Row label={t("inbox.due")}>
                    {item.dueOn ? <>{formatCivilDate(format, item.dueOn)} </> : null}
                    <DeadlineBadge state={state} label={tDeadline(`state.${state}`)} />
                    {state === "none" ? tDeadline("state.none") : null}
                  </Row>
                </Summary>
                <h3>{t("inbox.input")}</h3>
                <ProposalDetails proposal={item} tRoot={tRoot} />
                {item.stale ? <p className="notice notice--warning">{t("errors.stale")}</p> : null}
                {item.mine ? <p>{t("inbox.yours")}</p> : null}
                {item.mine || item.mayDecide ? (
                  <ApprovalDecisionForm formAction={decideApproval} approvalId={item.id} locale={locale} returnTo="inbox" mayDecide={item.mayDecide} labels={labels} />
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
