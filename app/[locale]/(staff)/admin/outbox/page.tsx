import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { SelectField } from "@/app/_components/fields";
import { listOutbox, OUTBOX_STATUSES, type OutboxStatus } from "@/lib/dal/outbox";
import { OutcomeNotices } from "../_lib/outcome-notices";
import { adminMetadata } from "../_lib/page-helpers";
import { requireAdminPage } from "../_lib/require-admin";
import { retryMessageAction } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | undefined>> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "outbox.title");
}

const STATUS_TAG: Record<OutboxStatus, string> = { pending: "tag tag--grey", sent: "tag tag--green", failed: "tag tag--yellow", dead: "tag tag--red" };

/** What the system sent or tried to send, as the recipients read it; dead messages can be sent again. */
export default async function OutboxPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdminPage(locale, "/admin/outbox");
  const sp = await searchParams;
  const status = OUTBOX_STATUSES.find((s) => s === sp.status);
  const items = await listOutbox(await getDb(), viewer, { status });
  const [t, format] = await Promise.all([getTranslations("admin.outbox"), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <OutcomeNotices done={sp.retried ? t("retried") : null} error={sp.notRetried ? t("notRetried") : null} />
      <form method="get" action={`/${locale}/admin/outbox`} className="card" aria-labelledby="outbox-filter-title">
        <h2 id="outbox-filter-title">{t("filterTitle")}</h2>
        <SelectField
          id="status"
          name="status"
          label={t("status")}
          placeholder={t("allStatuses")}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          defaultValue={status ?? ""}
        />
        <button type="submit" className="button">
          {t("apply")}
        </button>
      </form>
      {items.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <ol className="link-list" style={{ display: "block" }} aria-label={t("listLabel")}>
          {items.map((m) => (
            <li key={m.id} className="card" data-testid="outbox-message">
              <h2 style={{ fontSize: "1.1rem", marginTop: 0 }}>{m.channel === "sms" ? t("channels.sms") : m.subject}</h2>
              <p>
                <strong className={STATUS_TAG[m.status]}>{t(`statuses.${m.status}`)}</strong> <span className="tag tag--grey">{t(`channels.${m.channel}`)}</span>{" "}
                {t("to", { to: m.to, locale: m.locale })}
                <br />
                <span className="muted">
                  {t("written", { at: when(m.createdAt) })} {m.sentAt ? t("sent", { at: when(m.sentAt) }) : null} {t("attempts", { count: m.attempts })}
                </span>
              </p>
              <p style={{ whiteSpace: "pre-wrap" }}>{m.body}</p>
              {m.lastError ? <p className="field-error">{t("lastError", { error: m.lastError })}</p> : null}
              {m.status === "dead" ? (
                <form action={retryMessageAction}>
                  <input type="hidden" name="id" value={m.id} />
                  <input type="hidden" name="locale" value={locale} />
                  <button type="submit" className="button button--secondary">
                    {t("retry")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
