import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { KandasApplyForm } from "@/app/_components/services/kandas/apply-form";
import { loadKdApplyText } from "@/app/_components/services/kandas/apply-text";
import { getCaseDetail } from "@/lib/dal/cases";
import { KD_SERVICE } from "@/lib/services/ids";
import type { KdApplicationInput } from "@/lib/services/kandas-status/schema";
import { pageLocale, requireApplicant } from "../../../../_lib/guard";
import { resubmitKandasApplication } from "../../actions";

type Params = Promise<{ locale: string; reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations({ locale: pageLocale((await params).locale), namespace: "kd.apply" });
  return { title: t("metaTitle") };
}

/** The application returned for correction, filled in as it was, sent back at the version corrected. */
export default async function CorrectKandasPage({ params }: { params: Params }) {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, `/apply/kandas/correct/${reference}`);
  const detail = await getCaseDetail(await getDb(), viewer, reference);
  if (!detail || detail.case.service !== KD_SERVICE || !detail.actions.includes("resubmit")) notFound();
  const c = detail.case;
  const text = await loadKdApplyText(locale);
  return (
    <KandasApplyForm
      storageKey={`kd-correct:${viewer.userId}:${c.id}:${c.version}`}
      locale={locale}
      defaults={c.data as unknown as KdApplicationInput}
      text={text}
      submitAction={resubmitKandasApplication.bind(null, { caseId: c.id, version: c.version })}
    />
  );
}
