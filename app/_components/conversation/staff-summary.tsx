import { getFormatter, getTranslations } from "next-intl/server";
import { formatCivilDate } from "@/app/_components/dates";
import type { CaseDetail } from "@/lib/dal/cases";
import { PRELIMINARY_REFUSAL, conversationOf, groundsLabelKey, xHear03MayRefuse } from "@/lib/engine/conversation";
import { todayInKazakhstan } from "@/lib/rules/dates";

/** The open request for information and the state of the right to be heard, for the officer. */
export async function StaffConversation({ detail, locale }: { detail: CaseDetail; locale: string }) {
  const c = detail.case;
  const { information, preliminary } = conversationOf(c.data);
  if (!information && !preliminary) return null;
  const [t, tRoot, format] = await Promise.all([getTranslations({ locale, namespace: "hearing" }), getTranslations({ locale }), getFormatter({ locale })]);
  const date = (d: string) => formatCivilDate(format, d);
  const today = todayInKazakhstan();
  const groundsKey = preliminary?.grounds ? groundsLabelKey(c.service, preliminary.refusal, preliminary.grounds) : null;
  const grounds = preliminary?.grounds ? (groundsKey && tRoot.has(groundsKey) ? tRoot(groundsKey as never) : preliminary.grounds) : null;
  const mode = (m: string) => tRoot(`hearing.staffActions.request_hearing.fields.mode.options.${m}` as never);

  return (
    <section aria-labelledby="conversation-title" data-testid="staff-conversation">
      <h2 id="conversation-title">{t("staff.title")}</h2>
      {information ? (
        <div className="card">
          <p>{t("staff.informationAsked", { date: date(information.requestedOn), due: date(information.dueOn) })}</p>
          <p style={{ whiteSpace: "pre-line" }}>{information.items}</p>
        </div>
      ) : null}
      {preliminary ? (
        <div className="card">
          <p>{t("staff.preliminary", { date: date(preliminary.issuedOn), respondBy: date(preliminary.respondBy) })}</p>
          {grounds ? <p>{t("staff.grounds", { grounds })}</p> : null}
          <p style={{ whiteSpace: "pre-line" }}>{preliminary.explanation}</p>
          {preliminary.response ? (
            <>
              <p>{t("staff.response", { date: date(preliminary.response.on) })}</p>
              <p style={{ whiteSpace: "pre-line" }}>{preliminary.response.text}</p>
            </>
          ) : null}
          {preliminary.hearingRequest ? (
            <p>{t("staff.hearingRequested", { date: date(preliminary.hearingRequest.requestedOn), mode: mode(preliminary.hearingRequest.mode), holdBy: date(preliminary.hearingRequest.holdBy) })}</p>
          ) : null}
          {preliminary.hearing ? <p>{t("staff.hearingScheduled", { date: date(preliminary.hearing.date), time: preliminary.hearing.time, place: preliminary.hearing.place })}</p> : null}
          {preliminary.reschedules ? <p>{t("staff.reschedules", { count: preliminary.reschedules })}</p> : null}
          {preliminary.minutes ? (
            <>
              <p>{t("staff.minutes", { date: date(preliminary.minutes.recordedOn), attended: String(preliminary.minutes.attended) })}</p>
              <p style={{ whiteSpace: "pre-line" }}>{preliminary.minutes.text}</p>
            </>
          ) : null}
          {preliminary.waivedOn ? <p>{t("staff.waived", { date: date(preliminary.waivedOn) })}</p> : null}
          {c.status === PRELIMINARY_REFUSAL ? (
            <p>
              <strong>{xHear03MayRefuse(preliminary, preliminary.refusal, today) ? t("staff.mayNotRefuse") : t("staff.mayRefuse")}</strong>
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
