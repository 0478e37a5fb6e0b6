import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { CentreOccupancyTable } from "@/app/_components/services/kandas/centre-occupancy";
import { kandasLocale } from "@/app/_components/services/kandas/locale";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { centreOccupancy } from "@/lib/dal/kandas";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: kandasLocale((await params).locale), namespace: "kd.centres" });
  return { title: t("metaTitle") };
}

/** KD-10: occupancy of the centres, for akimat staff (their regions) and the ministry (all). */
export default async function CentresPage({ params }: { params: Params }) {
  const locale = kandasLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/quotas/centres`, ["officer", "supervisor", "quota_planner", "reviewer", "auditor"]);
  const [t, centres] = await Promise.all([getTranslations("kd.centres"), getDb().then((db) => centreOccupancy(db, viewer))]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <CentreOccupancyTable centres={centres} locale={locale} />
    </>
  );
}
