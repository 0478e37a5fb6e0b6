import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { fileHouseholdPermit } from "@/app/_components/services/household-permit/actions";
import { applicationFieldsets } from "@/app/_components/services/household-permit/application-fields";
import { HpForm } from "@/app/_components/services/household-permit/hp-form";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { routing } from "@/lib/i18n/routing";
import { HP_SERVICE } from "@/lib/services";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "hp.apply.onBehalf" });
  return { title: t("title") };
}

/** A clerk (or officer, supervisor) files a household-permit application for a walk-in immigrant, in their own regions. */
export default async function FileHouseholdPermitPage({ params }: { params: Params }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, "/staff/file/household-permit", ["clerk", "officer", "supervisor"]);
  if (!viewer.services.includes(HP_SERVICE) || viewer.regions.length === 0) notFound();
  const [t, fieldsets] = await Promise.all([getTranslations("hp.apply"), applicationFieldsets(await getDb(), locale, viewer.regions)]);
  return (
    <>
      <h1>{t("onBehalf.title")}</h1>
      <p>{t("onBehalf.intro")}</p>
      <HpForm action={fileHouseholdPermit} hidden={{ locale }} fieldsets={fieldsets} submit={t("submit")} pending={t("pending")} errorTitle={t("errorSummaryTitle")} testId="hp-apply-form" />
    </>
  );
}
