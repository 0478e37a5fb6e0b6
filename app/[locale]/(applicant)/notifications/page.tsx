import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { markNotificationsRead, myNotifications } from "@/lib/dal/notifications";
import { Link } from "@/lib/i18n/navigation";
import { isValidCivilDate } from "@/lib/rules/dates";
import { pageLocale, requireApplicant } from "../_lib/guard";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "common.notificationsPage" });
  return { title: t("title") };
}

/**
 * The signed-in person's in-app messages, in the viewer's language whatever language they were
 * written for: the outbox keeps the template key and its values, not the text.
 */
export default async function NotificationsPage({ params }: { params: Params }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/notifications");
  const db = await getDb();
  const rows = await myNotifications(db, viewer);
  const [t, tAll, format] = await Promise.all([getTranslations("common.notificationsPage"), getTranslations(), getFormatter()]);
  await markNotificationsRead(db, viewer, rows.filter((r) => !r.readAt).map((r) => r.id));

  const message = (template: string, params: unknown) => {
    if (!tAll.has(template)) return t("unknown");
    const values = Object.fromEntries(
      Object.entries((params ?? {}) as Record<string, string | number>).map(([k, v]) => [k, typeof v === "string" && isValidCivilDate(v) ? formatCivilDate(format, v) : v]),
    );
    return tAll(template, values);
  };

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <p>
        <Link href="/account">{tAll("contact.link")}</Link>
      </p>
      {rows.length === 0 ? (
        <p data-testid="notifications-empty">{t("empty")}</p>
      ) : (
        <ol className="notifications" aria-label={t("caption")} data-testid="notifications" style={{ listStyle: "none", padding: 0 }}>
          {rows.map((n) => (
            <li key={n.id} data-template={n.template} style={{ borderLeft: n.readAt ? "4px solid #b1b4b6" : "4px solid #1d70b8", padding: "0.5rem 1rem", marginBottom: "1rem" }}>
              {n.readAt ? null : <strong className="tag">{t("new")}</strong>}
              <p style={{ margin: "0.25rem 0" }}>{message(n.template, n.params)}</p>
              <p className="hint" style={{ margin: 0 }}>
                {t("received", { when: formatInstant(format, n.createdAt) })}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
