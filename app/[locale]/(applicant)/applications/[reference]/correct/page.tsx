import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { loadTrWizardSetup } from "@/app/_components/tr-wizard/server";
import type { TrStepValues } from "@/app/_components/tr-wizard/types";
import { TrWizard } from "@/app/_components/tr-wizard/wizard";
import { getCaseDetail } from "@/lib/dal/cases";
import { TR_SERVICE } from "@/lib/services";
import { pageLocale, requireApplicant } from "../../../_lib/guard";
import { resubmitTrApplication } from "../actions";

type Params = Promise<{ locale: string; reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "tr" });
  return { title: t("apply.correct.title") };
}

/** The wizard, prefilled from the case, for an application returned for correction. */
export default async function CorrectApplicationPage({ params }: { params: Params }) {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, `/applications/${reference}/correct`);
  const db = await getDb();
  const detail = await getCaseDetail(db, viewer, reference);
  if (!detail || detail.case.service !== TR_SERVICE) notFound();
  const c = detail.case;
  // Nothing to correct any more (already resubmitted, decided, withdrawn): show the current state.
  if (!detail.actions.includes("resubmit")) redirect(`/${locale}/applications/${c.reference}`);

  const t = await getTranslations("tr");
  const { options, text } = await loadTrWizardSetup(db, { locale });
  const data = c.data as TrStepValues;
  const initialData: TrStepValues = { person: data.person, passport: data.passport, stay: data.stay, address: data.address, host: data.host };
  const returned = detail.events.filter((e) => e.action === "return_for_correction").at(-1);

  return (
    <TrWizard
      locale={locale}
      storageKey={`tr-wizard:${viewer.userId}:${TR_SERVICE}:correct:${c.id}`}
      channel="online"
      submitAction={resubmitTrApplication.bind(null, { caseId: c.id, version: c.version })}
      options={options}
      text={{ ...text, submit: t("apply.correct.submit"), pages: { ...text.pages, check: { title: t("apply.correct.title"), lead: t("apply.correct.lead") } } }}
      initialData={initialData}
      intro={{ title: t("apply.correct.reasonTitle", { reference: c.reference }), body: returned?.reason ?? t("apply.correct.noReason") }}
    />
  );
}
