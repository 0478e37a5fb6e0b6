import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getDb } from "@/db";
import { saveDraftAction } from "@/app/_components/drafts/actions";
import { ResumedNotice } from "@/app/_components/drafts/save-later";
import { myDraft } from "@/lib/dal/drafts";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { KandasApplyForm } from "@/app/_components/services/kandas/apply-form";
import { EMPTY_KD_APPLICATION, loadKdApplyText } from "@/app/_components/services/kandas/apply-text";
import { KD_SERVICE } from "@/lib/services/ids";
import { pageLocale, requireApplicant } from "../../_lib/guard";
import { submitKandasApplication } from "./actions";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: pageLocale((await params).locale), namespace: "kd.apply" });
  return { title: t("metaTitle") };
}

/** R5: a returning family applies online for the status and a quota place (KD-01…KD-17). */
export default async function ApplyKandasPage({ params }: { params: Params }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/apply/kandas");
  const db = await getDb();
  const [text, saved, t] = await Promise.all([loadKdApplyText(locale), myDraft(db, viewer, KD_SERVICE), getTranslations("drafts")]);
  // A new draft gets its id now: it is the filing's idempotency key even before the first save.
  const draft = {
    id: saved?.id ?? randomUUID(),
    version: saved?.version ?? null,
    save: saveDraftAction,
    text: { saveLater: t("form.saveLater"), saveLaterHint: t("form.saveLaterHint"), conflict: t("wizard.conflict"), notSaved: t("wizard.notSaved") },
  };
  return (
    <>
      {saved ? <ResumedNotice savedAt={saved.updatedAt} /> : null}
      <KandasApplyForm
        key={`${draft.id}:${draft.version ?? 0}`}
        storageKey={`kd-draft:${viewer.userId}:${draft.id}:${draft.version ?? 0}`}
        locale={locale}
        defaults={saved ? ({ ...EMPTY_KD_APPLICATION, ...(saved.data as object) } as typeof EMPTY_KD_APPLICATION) : EMPTY_KD_APPLICATION}
        text={text}
        submitAction={submitKandasApplication}
        draft={draft}
      />
    </>
  );
}
