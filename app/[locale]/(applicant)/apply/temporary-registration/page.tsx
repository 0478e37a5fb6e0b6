import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { saveDraftAction } from "@/app/_components/drafts/actions";
import type { TrDraft } from "@/app/_components/tr-wizard/types";
import { myDraft } from "@/lib/dal/drafts";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { loadTrWizardSetup } from "@/app/_components/tr-wizard/server";
import { TrWizard } from "@/app/_components/tr-wizard/wizard";
import { TR_SERVICE } from "@/lib/services";
import { pageLocale, requireApplicant } from "../../_lib/guard";
import { submitTrApplication } from "./actions";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "tr" });
  return { title: t("apply.title") };
}

export default async function ApplyTemporaryRegistrationPage({ params }: { params: Params }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/apply/temporary-registration");
  const db = await getDb();
  const [{ options, text }, saved] = await Promise.all([loadTrWizardSetup(db, { locale, serverDraft: true }), myDraft(db, viewer, TR_SERVICE)]);
  // A new draft gets its id now: it is the filing's idempotency key even if no step was saved.
  const draft = { id: saved?.id ?? randomUUID(), version: saved?.version ?? null, step: saved?.step ?? null, data: (saved?.data ?? {}) as TrDraft, save: saveDraftAction };
  return (
    <TrWizard
      // The server's draft is the truth on every page load; the tab only keeps what is between saves.
      key={`${draft.id}:${draft.version ?? 0}`}
      locale={locale}
      storageKey={`tr-draft:${viewer.userId}:${draft.id}:${draft.version ?? 0}`}
      channel="online"
      submitAction={submitTrApplication}
      options={options}
      text={text}
      draft={draft}
    />
  );
}
