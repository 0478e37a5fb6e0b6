import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import { regionName } from "@/app/_components/staff/format";
import { Row, Summary } from "@/app/_components/staff/summary";
import { loadReferenceData } from "@/lib/rules/load";
import type { KcApplication } from "@/lib/services/kandas-citizenship/schema";
import type { CaseViewProps } from "../types";

/** KD-14: the kandas case it rests on, where the applicant lives and the 3-month term. */
export async function KcDetails({ detail, locale }: CaseViewProps) {
  const c = detail.case;
  const data = c.data as unknown as KcApplication;
  const [t, ref] = await Promise.all([getTranslations("kd"), getDb().then(loadReferenceData)]);
  return (
    <Summary>
      <Row label={t("citizenshipApply.fields.kandasCaseId")}>{t("details.kcFor", { reference: data.kandasReference })}</Row>
      <Row label={t("citizenshipApply.fields.region")}>{regionName(ref, data.region, locale)}</Row>
      <Row label={t("details.kcAddress")}>{data.address}</Row>
      {c.dueOn ? <Row label={t("citizenship.serviceName")}>{t("details.kcDue", { date: formatCivilDate(c.dueOn, locale) })}</Row> : null}
    </Summary>
  );
}
