import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/dates";
import { countryName, regionName } from "@/app/_components/staff/format";
import { Row, Summary } from "@/app/_components/staff/summary";
import { benefitsOfCase, centreOccupancy, currentPlacement, waitlistPositionFor } from "@/lib/dal/kandas";
import { localName } from "@/lib/i18n/names";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import type { KdCaseData } from "@/lib/services/kandas-status/definition";
import { familySize, kd10CentreHasRoom, requiredDocuments } from "@/lib/services/kandas-status/rules";
import type { CaseViewProps, SelectOption } from "../types";
import { BenefitsList, FamilyTable, WaitlistNotice } from "./parts";

/** What the akimat decides on: the family, its origin (KD-01, KD-02), documents (KD-17), priority (KD-06), quota, centre and benefits. */
export async function KdStaffDetails({ detail, locale, viewer }: CaseViewProps) {
  const c = detail.case;
  const db = await getDb();
  const data = c.data as unknown as KdCaseData;
  const [t, format, params, ref, placement, position, benefits] = await Promise.all([
    getTranslations("kd"),
    getFormatter(),
    loadParameters(db),
    loadReferenceData(db),
    currentPlacement(db, viewer, c.id),
    waitlistPositionFor(db, viewer, c.id),
    benefitsOfCase(db, viewer, c.id),
  ]);
  const date = (d: string) => formatCivilDate(format, d);
  const country = (code: string) => countryName(ref, code, locale);
  const today = todayInKazakhstan();
  const handedIn = new Set(data.documents);
  const missing = requiredDocuments(data, params, today).filter((d) => !handedIn.has(d));
  const p = data.principal;

  return (
    <>
      <h2>{t("details.principal")}</h2>
      <Summary>
        <Row label={t("details.name")}>
          {p.surname} {p.givenNames}
          {p.surnameCyrillic || p.givenNamesCyrillic ? ` (${[p.surnameCyrillic, p.givenNamesCyrillic].filter(Boolean).join(" ")})` : ""}
        </Row>
        <Row label={t("details.birthDate")}>{date(p.birthDate)}</Row>
        <Row label={t("apply.fields.citizenship")}>{country(p.citizenship)}</Row>
        <Row label={t("apply.fields.birthCountry")}>{country(p.birthCountry)}</Row>
        <Row label={t("details.document")}>
          {t(`options.documentTypes.${p.documentType}`)} {p.documentNumber}
        </Row>
        <Row label={t("apply.fields.phone")}>{data.resettlement.phone}</Row>
      </Summary>

      <h2>{t("details.members")}</h2>
      <FamilyTable data={data} locale={locale} />

      <h2>{t("details.origin")}</h2>
      <Summary>
        <Row label={t("details.basis")}>{t(`options.bases.${data.origin.basis}`)}</Row>
        <Row label={t("apply.fields.residenceOnCutoff")}>{country(data.origin.residenceOnCutoff)}</Row>
        {data.origin.parentName ? <Row label={t("apply.fields.parentName")}>{data.origin.parentName}</Row> : null}
        <Row label={t("details.familyHistory")}>{t(`options.familyHistories.${data.origin.familyHistory}`)}</Row>
        {data.origin.emigrationDate ? <Row label={t("details.emigrationDate")}>{date(data.origin.emigrationDate)}</Row> : null}
        <Row label={t("apply.fields.currentCountry")}>{country(data.origin.currentCountry)}</Row>
        <Row label={t("details.education")}>
          {t(`options.education.${data.qualifications.education}`)}
          {data.qualifications.qualification ? `, ${data.qualifications.qualification}` : ""}
          <br />
          {t("details.experience", { years: data.qualifications.yearsOfExperience, sector: t(`options.sectors.${data.qualifications.sector}`) })}
        </Row>
        <Row label={t("details.priority")}>{data.priorityScore ?? "—"}</Row>
        <Row label={t("details.region")}>
          {regionName(ref, c.region, locale)}
          {data.resettlement.city ? `, ${data.resettlement.city}` : ""}
        </Row>
        <Row label={t("details.centreRequested")}>{t(`options.yesNo.${data.resettlement.needsCentrePlace ? "yes" : "no"}`)}</Row>
        <Row label={t("details.documentsHandedIn")}>
          {data.documents.length ? data.documents.map((d) => t(`options.documents.${d}`)).join("; ") : "—"}
        </Row>
        {missing.length ? (
          <Row label={t("details.missingDocuments")}>
            <strong>{missing.map((d) => t(`options.documents.${d}`)).join("; ")}</strong>
          </Row>
        ) : null}
        {data.proposal && c.status === "decision_pending" ? (
          <Row label={t("details.proposal")}>
            {t(`staffActions.propose_decision.fields.outcome.options.${data.proposal.outcome}`)}
            {data.proposal.reasonCode ? ` (${t(`refusalReasons.${data.proposal.reasonCode}`)})` : ""}: {data.proposal.reason}
          </Row>
        ) : null}
        {placement ? (
          <Row label={t("details.centre")}>
            {localName(placement, locale)} — {t("details.placedOn", { date: date(placement.placedOn) })}
          </Row>
        ) : null}
        {data.quota ? <Row label={t("details.quota")}>{t("details.quotaIncluded", { year: data.quota.year, region: regionName(ref, data.quota.region, locale) })}</Row> : null}
      </Summary>
      {position ? <WaitlistNotice position={position} region={regionName(ref, position.region, locale)} locale={locale} /> : null}
      {c.status === "benefits_active" || benefits.length ? (
        <>
          <h2>{t("details.benefits")}</h2>
          <BenefitsList benefits={benefits} locale={locale} />
        </>
      ) : null}
    </>
  );
}

/** Select options that depend on data: centres with room for this family, the measures in force, the family's active measures. */
export async function kdActionOptions({ detail, locale, viewer }: CaseViewProps): Promise<Record<string, Record<string, SelectOption[]>>> {
  const db = await getDb();
  const data = detail.case.data as unknown as KdCaseData;
  const [t, params, centres, benefits] = await Promise.all([getTranslations("kd"), loadParameters(db), centreOccupancy(db, viewer), benefitsOfCase(db, viewer, detail.case.id)]);
  const persons = familySize(data);
  const unit = (u: "families" | "persons") => t(`options.units.${u}`);
  return {
    place_in_centre: {
      centreId: centres
        .filter((c) => kd10CentreHasRoom(c, persons) === null)
        .map((c) => ({ value: c.id, label: `${localName(c, locale)} — ${t("centres.amount", { count: c.free, unit: unit(c.capacityUnit) })}` })),
    },
    grant_benefit: {
      measure: params.get<string[]>("kd_benefit_measures", todayInKazakhstan()).map((m) => ({ value: m, label: t.has(`measures.${m}`) ? t(`measures.${m}`) : m })),
    },
    withdraw_benefit: {
      benefitId: benefits.filter((b) => !b.withdrawnOn).map((b) => ({ value: b.id, label: `${t.has(`measures.${b.measure}`) ? t(`measures.${b.measure}`) : b.measure} (${b.grantedOn})` })),
    },
  };
}
