import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { myDrafts } from "@/lib/dal/drafts";
import type { Viewer } from "@/lib/engine/types";
import { Link } from "@/lib/i18n/navigation";
import { discardDraftAction } from "./actions";
import { DRAFT_SERVICES } from "./services";

const SERVICE_NAMESPACE: Record<string, string> = {
  temporary_registration: "tr",
  household_permit: "hp",
  refugee_renewal: "rf",
  kandas_status: "kd",
};

const OUTCOMES = ["saved", "notSaved", "discarded", "notDiscarded"] as const;

/**
 * "My applications": the applications the applicant started and has not sent yet, on any device,
 * each with Continue and Discard. `outcome` is the ?draft= value after saving or discarding.
 */
export async function MyDrafts({ viewer, locale, outcome }: { viewer: Viewer; locale: string; outcome?: string }) {
  const [drafts, t, tRoot, format] = await Promise.all([myDrafts(await getDb(), viewer), getTranslations("drafts.my"), getTranslations(), getFormatter()]);
  const notice = OUTCOMES.find((o) => o === outcome);
  const visible = drafts.filter((d) => d.service in DRAFT_SERVICES);
  if (!visible.length && !notice) return null;
  return (
    <section aria-labelledby={visible.length ? "drafts-title" : undefined} data-testid="my-drafts">
      {notice ? (
        <p className={notice.startsWith("not") ? "notice notice--warning" : "notice notice--success"} role="status" data-testid="draft-outcome">
          {t(`outcome.${notice}`)}
        </p>
      ) : null}
      {visible.length ? (
        <>
          <h2 id="drafts-title">{t("title")}</h2>
          <p>{t("lead")}</p>
          <ul className="link-list" style={{ display: "block" }}>
            {visible.map((d) => {
              const name = tRoot(`${SERVICE_NAMESPACE[d.service] ?? "applicant"}.serviceName` as never);
              return (
                <li key={d.id} className="card" data-testid="draft">
                  <h3 style={{ marginTop: 0 }}>{name}</h3>
                  <p className="muted">{t("savedAt", { at: format.dateTime(d.updatedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Almaty" }) })}</p>
                  <div className="button-group">
                    <Link href={DRAFT_SERVICES[d.service]!} className="button">
                      {t("continue")}
                      <span className="visually-hidden"> {name}</span>
                    </Link>
                    <form action={discardDraftAction}>
                      <input type="hidden" name="id" value={d.id} />
                      <input type="hidden" name="locale" value={locale} />
                      <button type="submit" className="button button--secondary">
                        {t("discard")}
                        <span className="visually-hidden"> {name}</span>
                      </button>
                    </form>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
