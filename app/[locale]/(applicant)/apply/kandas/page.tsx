import type { Metadata } from "next";
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
  const text = await loadKdApplyText(locale);
  return <KandasApplyForm storageKey={`kd-apply:${viewer.userId}:${KD_SERVICE}`} locale={locale} defaults={EMPTY_KD_APPLICATION} text={text} submitAction={submitKandasApplication} />;
}
