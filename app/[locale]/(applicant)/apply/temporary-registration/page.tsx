import type { Metadata } from "next";
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
  const { options, text } = await loadTrWizardSetup(await getDb(), { locale });
  return (
    <TrWizard
      locale={locale}
      storageKey={`tr-wizard:${viewer.userId}:${TR_SERVICE}`}
      channel="online"
      submitAction={submitTrApplication}
      options={options}
      text={text}
    />
  );
}
