import { getFormatter, getTranslations } from "next-intl/server";
import { saveFormDraftAction } from "./actions";

/**
 * The "Save and continue later" button of a single-page application form, with the draft's id
 * (also the filing's idempotency key) and version. It posts the whole form to the draft action, so
 * it works without JavaScript; forms that intercept submit let a button marked data-save-later through.
 */
export async function SaveForLater({ service, draftId, version }: { service: string; draftId: string; version: number | null }) {
  const t = await getTranslations("drafts.form");
  return (
    <div style={{ marginTop: "1rem" }}>
      <input type="hidden" name="draftService" value={service} />
      <input type="hidden" name="draftId" value={draftId} />
      <input type="hidden" name="draftVersion" value={version ?? ""} />
      <button type="submit" className="button button--secondary" formAction={saveFormDraftAction} formNoValidate data-save-later="" data-testid="save-later">
        {t("saveLater")}
      </button>
      <p className="hint">{t("saveLaterHint")}</p>
    </div>
  );
}

/** Shown above a form that was filled in from a saved draft. */
export async function ResumedNotice({ savedAt }: { savedAt: Date }) {
  const [t, format] = await Promise.all([getTranslations("drafts.form"), getFormatter()]);
  return (
    <p className="notice" data-testid="draft-resumed">
      {t("resumed", { at: format.dateTime(savedAt, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Almaty" }) })}
    </p>
  );
}
