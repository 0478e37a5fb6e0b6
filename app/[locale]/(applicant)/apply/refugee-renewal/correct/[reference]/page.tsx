import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formDefaultsOf } from "@/app/_components/services/refugee-renewal/form-input";
import { RenewalForm } from "@/app/_components/services/refugee-renewal/renewal-form";
import { getCaseDetail } from "@/lib/dal/cases";
import { myRefugeeFamily } from "@/lib/dal/refugee-renewal";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import type { RfCaseData } from "@/lib/services/refugee-renewal/definition";
import { RF_SERVICE } from "@/lib/services/ids";
import { pageLocale, requireApplicant } from "../../../../_lib/guard";
import { correctRefugeeRenewal } from "../../actions";
import { renewalFormSetup } from "../../form-setup";

type Params = Promise<{ locale: string; reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale: raw, reference } = await params;
  const t = await getTranslations({ locale: pageLocale(raw), namespace: "rf.apply" });
  return { title: t("correctTitle", { reference }) };
}

/** A returned renewal, filled in as it was filed, with the officer's request above it. */
export default async function CorrectRefugeeRenewalPage({ params }: { params: Params }) {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, `/apply/refugee-renewal/correct/${reference}`);
  const db = await getDb();
  const detail = await getCaseDetail(db, viewer, reference);
  if (!detail || detail.case.service !== RF_SERVICE) notFound();
  const [family, ref, t, tRf] = await Promise.all([myRefugeeFamily(db, viewer), loadReferenceData(db), getTranslations("rf.apply"), getTranslations("rf")]);
  const c = detail.case;

  if (!detail.actions.includes("resubmit") || !family) {
    return (
      <>
        <h1>{t("correctTitle", { reference: c.reference })}</h1>
        <p data-testid="rf-not-correctable">{t("notCorrectable")}</p>
        <p>
          <Link href={`/applications/${c.reference}`}>{t("backToApplication")}</Link>
        </p>
      </>
    );
  }

  const request = detail.events.filter((e) => e.action === "return_for_correction").at(-1)?.reason;
  const { defaults, removed } = formDefaultsOf(c.data as unknown as RfCaseData);
  const setup = renewalFormSetup({ t, tRf, ref, locale, today: todayInKazakhstan(), members: family.members });

  return (
    <>
      <h1>{t("correctTitle", { reference: c.reference })}</h1>
      <p className="lead">{t("correctLead")}</p>
      {request ? (
        <div className="notice notice--warning" data-testid="rf-correction-request">
          <h2>{t("correctRequest")}</h2>
          <p>{request}</p>
        </div>
      ) : null}
      <RenewalForm
        locale={locale}
        action={correctRefugeeRenewal.bind(null, { caseId: c.id, version: c.version })}
        {...setup}
        text={{ ...setup.text, submit: t("correctSubmit") }}
        defaults={defaults}
        defaultRemoved={removed}
      />
    </>
  );
}
