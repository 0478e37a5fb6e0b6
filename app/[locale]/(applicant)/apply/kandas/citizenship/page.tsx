import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { CitizenshipForm } from "@/app/_components/services/kandas/citizenship-form";
import { listMyCases } from "@/lib/dal/cases";
import { localName } from "@/lib/i18n/names";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { KD_SERVICE } from "@/lib/services/ids";
import { HOLDER_STATES, type KdState } from "@/lib/services/kandas-status/definition";
import { pageLocale, requireApplicant } from "../../../_lib/guard";
import { applyForCitizenship } from "./actions";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ case?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: pageLocale((await params).locale), namespace: "kd.citizenshipApply" });
  return { title: t("metaTitle") };
}

/** KD-14: a kandas holder starts the simplified citizenship application from their kandas case. */
export default async function KandasCitizenshipPage({ params, searchParams }: Props) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/apply/kandas/citizenship");
  const db = await getDb();
  const [t, tAll, mine, ref, parameters] = await Promise.all([getTranslations("kd.citizenshipApply"), getTranslations(), listMyCases(db, viewer), loadReferenceData(db), loadParameters(db)]);
  const holder = mine.filter((c) => c.link === "filed_by_me" && c.service === KD_SERVICE && HOLDER_STATES.includes(c.status as KdState));
  const wanted = (await searchParams).case;
  const months = parameters.number("kc_decision_months", todayInKazakhstan());
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead", { months })}</p>
      {holder.length === 0 ? (
        <p className="notice">{t("noHolder")}</p>
      ) : (
        <CitizenshipForm
          action={applyForCitizenship}
          locale={locale}
          holderCases={holder.map((c) => ({ value: c.id, label: c.reference }))}
          initialCase={holder.find((c) => c.reference === wanted)?.id}
          regions={ref
            .regions(todayInKazakhstan())
            .map((r) => ({ value: r.code, label: localName(r, locale) }))
            .sort((a, b) => new Intl.Collator(locale).compare(a.label, b.label))}
          text={{
            kandasCaseId: t("fields.kandasCaseId"),
            region: t("fields.region"),
            address: t("fields.address"),
            permanentResidence: t("fields.permanentResidence"),
            renouncesOtherCitizenship: t("fields.renouncesOtherCitizenship"),
            select: tAll("kd.apply.select"),
            submit: t("submit"),
            errorSummaryTitle: tAll("common.errors.summaryTitle"),
          }}
        />
      )}
    </>
  );
}
