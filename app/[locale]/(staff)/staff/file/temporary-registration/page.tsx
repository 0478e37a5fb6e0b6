import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { hasLocale } from "next-intl";
import { getDb } from "@/db";
import { loadTrWizardSetup } from "@/app/_components/tr-wizard/server";
import { TrWizard } from "@/app/_components/tr-wizard/wizard";
import { getViewer } from "@/lib/dal/viewer";
import { routing } from "@/lib/i18n/routing";
import { TR_SERVICE } from "@/lib/services";
import { fileTrApplicationForApplicant } from "./actions";

type Params = Promise<{ locale: string }>;

const FILING_ROLES = new Set(["clerk", "officer", "supervisor"]);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "tr" });
  return { title: t("apply.onBehalf.title") };
}

/** A clerk (or officer, supervisor) files a temporary registration for a person at the front office. */
export default async function FileForApplicantPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/staff/file/temporary-registration`)}`);
  if (viewer.kind !== "user" || !FILING_ROLES.has(viewer.role) || !viewer.services.includes(TR_SERVICE) || viewer.regions.length === 0) notFound();

  const t = await getTranslations("tr");
  const { options, text } = await loadTrWizardSetup(await getDb(), { locale, regionCodes: viewer.regions });
  return (
    <TrWizard
      locale={locale}
      storageKey={`tr-wizard:${viewer.userId}:${TR_SERVICE}:front_office`}
      channel="front_office"
      submitAction={fileTrApplicationForApplicant}
      options={options}
      text={{ ...text, submit: t("apply.onBehalf.submit"), declaration: t("apply.onBehalf.declaration") }}
      intro={{ title: t("apply.onBehalf.introTitle"), body: t("apply.onBehalf.introBody") }}
    />
  );
}
