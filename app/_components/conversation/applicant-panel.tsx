import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import type { CaseDetail } from "@/lib/dal/cases";
import { AWAITING_INFORMATION, PRELIMINARY_REFUSAL, conversationOf, groundsLabelKey } from "@/lib/engine/conversation";
import { loadParameters } from "@/lib/rules/load";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { performConversationAction } from "./actions";
import { ConversationForm, type ConversationFormView } from "./conversation-form";

/**
 * What the office asked and what the applicant can do about it, on the applicant's status page:
 * an open request for information with its answer form, and a preliminary refusal with the grounds
 * in plain words, the deadline, and the ways to be heard. Minutes of a hearing stay visible after.
 */
export async function ApplicantConversation({ detail, locale }: { detail: CaseDetail; locale: string }) {
  const c = detail.case;
  const { information, preliminary } = conversationOf(c.data);
  const waiting = c.status === AWAITING_INFORMATION && information;
  if (!waiting && !preliminary) return null;

  const [t, tRoot, params] = await Promise.all([getTranslations({ locale, namespace: "hearing.applicant" }), getTranslations({ locale }), loadParameters(await getDb())]);
  const today = todayInKazakhstan();
  const date = (d: string) => formatCivilDate(d, locale);
  const can = (action: string) => detail.actions.includes(action);
  const common = { caseId: c.id, version: c.version, reference: c.reference, locale, errorTitle: tRoot("common.errors.summaryTitle"), pendingText: t("pending") };
  const forms = (list: ConversationFormView[]) => list.filter((f) => can(f.action)).map((f) => <ConversationForm key={f.action} serverAction={performConversationAction} form={f} {...common} />);

  const open = c.status === PRELIMINARY_REFUSAL && preliminary;
  const groundsKey = preliminary?.grounds ? groundsLabelKey(c.service, preliminary.refusal, preliminary.grounds) : null;
  const grounds = preliminary?.grounds ? (groundsKey && tRoot.has(groundsKey) ? tRoot(groundsKey as never) : preliminary.grounds) : null;
  const hearing = preliminary?.hearing;
  const reschedulesLeft = params.number("hearing_reschedules_allowed", today) - (preliminary?.reschedules ?? 0);
  const modeLabel = (m: string) => (m === "online" ? t("modeOnline") : t("modeInPerson"));

  return (
    <>
      {waiting ? (
        <section aria-labelledby="conv-information" className="notice notice--warning" data-testid="information-request">
          <h2 id="conv-information">{t("informationTitle")}</h2>
          <p>{t("informationLead")}</p>
          <h3>{t("informationItems")}</h3>
          <p style={{ whiteSpace: "pre-line" }}>{information.items}</p>
          <p>
            <strong>{today > information.dueOn ? t("informationOverdue") : t("informationDue", { date: date(information.dueOn) })}</strong>
          </p>
        </section>
      ) : null}
      {waiting
        ? forms([
            {
              action: "answer_information",
              title: t("answerTitle"),
              submit: t("answerSubmit"),
              fields: [
                { name: "answer", kind: "textarea", label: t("answerLabel"), hint: t("answerHint"), required: true },
                { name: "files", kind: "files", label: t("filesLabel"), hint: t("filesHint", { maxMb: Math.floor(params.number("attachment_max_bytes", today) / (1024 * 1024)) }) },
              ],
            },
          ])
        : null}

      {preliminary ? (
        <section aria-labelledby="conv-preliminary" className={open ? "notice notice--warning" : "card"} data-testid="preliminary-refusal">
          <h2 id="conv-preliminary">{open ? t("preliminaryTitle") : t("heardTitle")}</h2>
          {open ? <p>{t("preliminaryLead")}</p> : null}
          <dl>
            {grounds ? (
              <>
                <dt>{t("groundsLabel")}</dt>
                <dd data-testid="preliminary-grounds">{grounds}</dd>
              </>
            ) : null}
            <dt>{t("explanationLabel")}</dt>
            <dd style={{ whiteSpace: "pre-line" }}>{preliminary.explanation}</dd>
          </dl>
          {open ? <p>{today > preliminary.respondBy ? t("respondByPassed", { date: date(preliminary.respondBy) }) : <strong>{t("respondBy", { date: date(preliminary.respondBy) })}</strong>}</p> : null}
          {preliminary.response ? (
            <>
              <h3>{t("yourResponse", { date: date(preliminary.response.on) })}</h3>
              <p style={{ whiteSpace: "pre-line" }}>{preliminary.response.text}</p>
            </>
          ) : null}
          {preliminary.hearingRequest && !hearing && !preliminary.minutes ? (
            <p data-testid="hearing-requested">{t("hearingRequested", { mode: modeLabel(preliminary.hearingRequest.mode), date: date(preliminary.hearingRequest.holdBy) })}</p>
          ) : null}
          {hearing && !preliminary.minutes ? (
            <p data-testid="hearing-scheduled">
              <strong>{t("hearingScheduled", { date: date(hearing.date), time: hearing.time })}</strong>
              <br />
              {t("hearingPlace", { place: hearing.place })}
            </p>
          ) : null}
          {preliminary.minutes ? (
            <>
              <h3>{t("minutesTitle", { date: date(preliminary.minutes.recordedOn) })}</h3>
              <p style={{ whiteSpace: "pre-line" }} data-testid="hearing-minutes">
                {preliminary.minutes.text}
              </p>
            </>
          ) : null}
          {preliminary.waivedOn ? <p>{t("waived")}</p> : null}
          {open ? <p>{t("choices")}</p> : null}
        </section>
      ) : null}
      {open
        ? forms([
            {
              action: "respond_to_preliminary_refusal",
              title: t("respondTitle"),
              submit: t("respondSubmit"),
              fields: [{ name: "response", kind: "textarea", label: t("responseLabel"), hint: t("responseHint"), required: true }],
            },
            ...(!preliminary.hearingRequest && !preliminary.waivedOn && today <= preliminary.respondBy
              ? [
                  {
                    action: "request_hearing",
                    title: t("hearingTitle"),
                    lead: t("hearingLead", { days: params.number("hearing_within_working_days", today) }),
                    submit: t("hearingSubmit"),
                    fields: [
                      { name: "mode", kind: "radio" as const, label: t("modeLabel"), required: true, options: [{ value: "online", label: t("modeOnline") }, { value: "in_person", label: t("modeInPerson") }] },
                      { name: "note", kind: "textarea" as const, label: t("noteLabel"), hint: t("noteHint") },
                    ],
                  },
                ]
              : []),
            ...(hearing && !preliminary.minutes && reschedulesLeft > 0
              ? [{ action: "reschedule_hearing", title: t("rescheduleTitle"), lead: t("rescheduleLead"), submit: t("rescheduleSubmit"), fields: [{ name: "reason", kind: "textarea" as const, label: t("rescheduleReasonLabel"), required: true }] }]
              : []),
            ...(!preliminary.minutes && !preliminary.waivedOn ? [{ action: "waive_hearing", title: t("waiveTitle"), lead: t("waiveLead"), submit: t("waiveSubmit"), fields: [] }] : []),
          ])
        : null}
    </>
  );
}
