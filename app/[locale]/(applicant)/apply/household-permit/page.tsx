import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { ResumedNotice, SaveForLater } from "@/app/_components/drafts/save-later";
import { draftFormValues } from "@/app/_components/drafts/schema";
import { CHECKBOXES } from "@/app/_components/services/household-permit/form-data";
import { myDraft } from "@/lib/dal/drafts";
import { HP_SERVICE } from "@/lib/services/ids";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { fileHouseholdPermit } from "@/app/_components/services/household-permit/actions";
import { applicationFieldsets } from "@/app/_components/services/household-permit/application-fields";
import { HpForm } from "@/app/_components/services/household-permit/hp-form";
import { pageLocale, requireApplicant } from "../../_lib/guard";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "hp.apply" });
  return { title: t("title") };
}

export default async function ApplyHouseholdPermitPage({ params }: { params: Params }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/apply/household-permit");
  const db = await getDb();
  const [t, fieldsets, draft] = await Promise.all([getTranslations("hp.apply"), applicationFieldsets(db, locale), myDraft(db, viewer, HP_SERVICE)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <div className="notice" role="note">
        <p>{t("eaeuNote")}</p>
      </div>
      {draft ? <ResumedNotice savedAt={draft.updatedAt} /> : null}
      <HpForm
        action={fileHouseholdPermit}
        hidden={{ locale }}
        fieldsets={fieldsets}
        submit={t("submit")}
        pending={t("pending")}
        errorTitle={t("errorSummaryTitle")}
        testId="hp-apply-form"
        initialValues={draft ? draftFormValues(draft.data, CHECKBOXES) : undefined}
        extra={<SaveForLater service={HP_SERVICE} draftId={draft?.id ?? randomUUID()} version={draft?.version ?? null} />}
      />
    </>
  );
}
