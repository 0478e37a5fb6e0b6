import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/dates";
import { HouseholdPermitApplicantDetails } from "@/app/_components/services/household-permit/applicant-details";
import { getCaseDetail } from "@/lib/dal/cases";
import { Link } from "@/lib/i18n/navigation";
import { HP_SERVICE } from "@/lib/services";
import { pageLocale, requireApplicant } from "../../../_lib/guard";
import { statusTagClass } from "../../../_lib/status";

type Params = Promise<{ locale: string; reference: string }>;

const DONE = new Set(["filed", "paid", "contract", "ended", "extension", "withdrawn"]);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  const t = await getTranslations({ locale, namespace: "hp.permit" });
  return { title: t("title", { reference }) };
}

/** The labour immigrant's own permit case: status, fee, permit, contracts and what they can do now. */
export default async function HouseholdPermitCasePage({ params, searchParams }: { params: Params; searchParams: Promise<{ done?: string }> }) {
  const { locale: raw, reference } = await params;
  const locale = pageLocale(raw);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, `/apply/household-permit/${reference}`);
  const detail = await getCaseDetail(await getDb(), viewer, reference);
  if (!detail || detail.case.service !== HP_SERVICE) notFound();
  const { done } = await searchParams;
  const [t, tHp, format] = await Promise.all([getTranslations("hp.permit"), getTranslations("hp"), getFormatter()]);
  const c = detail.case;
  return (
    <>
      <p>
        <Link href="/applications">{t("myApplications")}</Link>
      </p>
      {done && DONE.has(done) ? (
        <div className="notice notice--success" role="status" data-testid="hp-done">
          {t(`done.${done}`)}
        </div>
      ) : null}
      <h1>{t("title", { reference: c.reference })}</h1>
      <p className="muted">{tHp("serviceName")}</p>
      <section aria-labelledby="hp-status">
        <h2 id="hp-status">{t("statusTitle")}</h2>
        <p>
          <span className={statusTagClass(c.status)} data-testid="case-status">
            {tHp(`statuses.${c.status}`)}
          </span>
        </p>
        <p>{tHp(`statusNext.${c.status}`, { due: c.dueOn ? formatCivilDate(format, c.dueOn) : "—" })}</p>
      </section>
      <HouseholdPermitApplicantDetails detail={detail} locale={locale} viewer={viewer} />
    </>
  );
}
