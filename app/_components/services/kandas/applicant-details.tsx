import { getTranslations } from "next-intl/server";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { cases } from "@/db/schema";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import { regionName } from "@/app/_components/staff/format";
import { benefitsOfCase, currentPlacement, waitlistPositionFor } from "@/lib/dal/kandas";
import { Link } from "@/lib/i18n/navigation";
import { localName } from "@/lib/i18n/names";
import { loadReferenceData } from "@/lib/rules/load";
import { KC_SERVICE } from "@/lib/services/ids";
import { HOLDER_STATES, type KdCaseData, type KdState } from "@/lib/services/kandas-status/definition";
import type { KcApplication } from "@/lib/services/kandas-citizenship/schema";
import type { CaseViewProps } from "../types";
import { ComplaintForm } from "./complaint-form";
import { BenefitsList, FamilyTable, WaitlistNotice } from "./parts";

/** The family's outcome per person, its wait-list place (KD-06), quota, centre, benefits, the complaint form (KD-08) and the way on to citizenship (KD-14). */
export async function KdApplicantDetails({ detail, locale, viewer }: CaseViewProps) {
  const c = detail.case;
  const db = await getDb();
  const data = c.data as unknown as KdCaseData;
  const [t, tAll, ref, position, placement, benefits] = await Promise.all([
    getTranslations("kd"),
    getTranslations(),
    loadReferenceData(db),
    waitlistPositionFor(db, viewer, c.id),
    currentPlacement(db, viewer, c.id),
    benefitsOfCase(db, viewer, c.id),
  ]);
  const holder = HOLDER_STATES.includes(c.status as KdState);
  const citizenship = holder && viewer.userId ? await db.select({ id: cases.id, data: cases.data }).from(cases).where(and(eq(cases.ownerId, viewer.userId), eq(cases.service, KC_SERVICE))) : [];
  const startedCitizenship = citizenship.some((k) => (k.data as KcApplication).kandasCaseId === c.id);

  return (
    <>
      {position ? <WaitlistNotice position={position} region={regionName(ref, position.region, locale)} locale={locale} /> : null}
      {data.quota ? <p>{t("details.quotaIncluded", { year: data.quota.year, region: regionName(ref, data.quota.region, locale) })}</p> : null}
      {placement ? (
        <p>
          {t("details.centre")}: {localName(placement, locale)} — {t("details.placedOn", { date: formatCivilDate(placement.placedOn, locale) })}
        </p>
      ) : null}
      {detail.actions.includes("resubmit") ? (
        <p>
          <Link href={`/apply/kandas/correct/${c.reference}`} className="button">
            {t("details.correct")}
          </Link>
        </p>
      ) : null}
      {detail.actions.includes("file_complaint") ? (
        <ComplaintForm
          caseId={c.id}
          version={c.version}
          reference={c.reference}
          locale={locale}
          text={{ title: t("details.complaintTitle"), lead: t("details.complaintLead"), reason: t("details.complaintReason"), submit: t("details.complaintSubmit"), errorSummaryTitle: tAll("common.errors.summaryTitle") }}
        />
      ) : null}
      {holder && !startedCitizenship ? (
        <p>
          <Link href={`/apply/kandas/citizenship?case=${c.reference}`}>{t("details.citizenshipLink")}</Link>
        </p>
      ) : null}
      <h2>{t("details.members")}</h2>
      <FamilyTable data={data} locale={locale} />
      {c.status === "benefits_active" || benefits.length ? (
        <>
          <h2>{t("details.benefits")}</h2>
          <BenefitsList benefits={benefits} locale={locale} />
        </>
      ) : null}
    </>
  );
}
