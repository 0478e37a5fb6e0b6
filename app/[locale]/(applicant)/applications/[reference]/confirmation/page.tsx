import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import { getCaseDetail } from "@/lib/dal/cases";
import { Link } from "@/lib/i18n/navigation";
import { pageLocale, requireApplicant } from "../../../_lib/guard";

type Params = Promise<{ locale: string; reference: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "tr" });
  return { title: t("apply.confirmation.title") };
}

export default async function ConfirmationPage({ params }: { params: Params }) {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, `/applications/${reference}/confirmation`);
  const detail = await getCaseDetail(await getDb(), viewer, reference);
  if (!detail) notFound();
  const c = detail.case;
  const [t, tApplicant] = await Promise.all([getTranslations("tr"), getTranslations("applicant")]);

  return (
    <>
      <div className="panel-confirm" data-testid="confirmation-panel">
        <h1>{t("apply.confirmation.title")}</h1>
        <p>{t("apply.confirmation.referenceLabel")}</p>
        <p style={{ fontSize: "2rem", fontWeight: 700, margin: "0.25rem 0 0.75rem", letterSpacing: "0.05em" }} data-testid="case-reference">
          {c.reference}
        </p>
        <p data-testid="decision-due">
          {c.dueOn ? t("apply.confirmation.due", { date: formatCivilDate(c.dueOn, locale) }) : t(`statusNext.${c.status}`, { due: tApplicant("statusPage.dueUnknown") })}
        </p>
      </div>
      <h2>{t("apply.confirmation.whatNextTitle")}</h2>
      <ol>
        <li>{t("apply.confirmation.next1")}</li>
        <li>{t("apply.confirmation.next2")}</li>
        <li>{t("apply.confirmation.next3")}</li>
      </ol>
      <p>
        <Link href={`/applications/${c.reference}`} className="button">
          {t("apply.confirmation.statusLink")}
        </Link>
      </p>
      <p>
        <Link href="/applications">{t("apply.confirmation.myLink")}</Link>
      </p>
    </>
  );
}
