import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate, formatInstant } from "@/app/_components/dates";
import { countryName } from "@/app/_components/staff/format";
import { Row, Summary } from "@/app/_components/staff/summary";
import { contractsOfCase, continuousStay, employerOverviewForCase, invoiceOfCase, offencesForCase } from "@/lib/dal/household-permits";
import { loadReferenceData } from "@/lib/rules/load";
import type { HpCaseData } from "@/lib/services/household-permit/definition";
import type { CaseViewProps, SelectOption } from "../types";
import { regionOptions } from "./application-fields";

/**
 * What the officer decides on: the worker, the certificates, the continuous stay so far (HP-08), the
 * fee (HP-14), the employer with their other active contracts (HP-11) and the offences on record (HP-18).
 */
export async function HouseholdPermitStaffDetails({ detail, locale, viewer }: CaseViewProps) {
  const db = await getDb();
  const c = detail.case;
  const data = c.data as unknown as HpCaseData;
  const contracts = await contractsOfCase(db, c.id);
  const current = contracts.find((k) => k.status !== "terminated");
  const employerIin = current?.employerIin ?? data.employer?.iin ?? null;
  const [t, tHp, tCase, format, ref, stay, invoice, employer, offences] = await Promise.all([
    getTranslations({ locale, namespace: "hp.staff" }),
    getTranslations({ locale, namespace: "hp" }),
    getTranslations({ locale, namespace: "staff.case" }),
    getFormatter({ locale }),
    loadReferenceData(db),
    continuousStay(db, data),
    invoiceOfCase(db, c.id),
    employerIin ? employerOverviewForCase(db, viewer, c.id, employerIin) : Promise.resolve(null),
    offencesForCase(db, c.id, employerIin),
  ]);
  const date = (d: string) => formatCivilDate(format, d);
  const category = (k: string) => tHp(`categories.${k}`);

  return (
    <>
      <p data-testid="hp-stay-total">
        <strong>{t("stayTitle")}:</strong> {t("stayTotal", { entry: date(stay.entryDate), days: stay.days, limit: date(stay.limit), months: stay.months })}
      </p>
      <div className="grid-2">
        <section aria-labelledby="hp-application">
          <h2 id="hp-application">{t("applicationTitle")}</h2>
          <Summary>
            <Row label={t("worker")}>
              {data.person.surname} {data.person.givenNames}
            </Row>
            <Row label={tCase("birthDate")}>{date(data.person.birthDate)}</Row>
            <Row label={tCase("citizenship")}>{countryName(ref, data.person.citizenship, locale)}</Row>
            <Row label={tCase("passportNumber")}>{data.passport.passportNumber}</Row>
            <Row label={tCase("entryDate")}>{date(data.stay.entryDate)}</Row>
            <Row label={t("category")}>{category(data.work.category)}</Row>
            <Row label={t("term")}>{tHp("apply.monthsOption", { months: data.work.termMonths })}</Row>
            <Row label={t("insurance")}>
              {t("insuranceValue", { insurer: data.insurance.insurer, number: data.insurance.policyNumber, from: date(data.insurance.validFrom), until: date(data.insurance.validUntil) })}
            </Row>
            <Row label={t("certificates")}>
              {t("criminalRecord", { number: data.certificates.criminalRecordNumber, date: date(data.certificates.criminalRecordIssuedOn) })}
              {data.certificates.criminalRecordHasEntries ? <span className="tag tag--red"> {t("hasEntries")}</span> : null}
              <br />
              {t("medical", { number: data.certificates.medicalNumber, date: date(data.certificates.medicalIssuedOn), category: category(data.certificates.medicalCategory) })}
            </Row>
            {data.permit ? <Row label={t("permitTitle")}>{t("permitValid", { from: date(data.permit.validFrom), until: date(data.permit.validUntil), extensions: data.permit.extensions })}</Row> : null}
            {invoice ? (
              <Row label={t("feeTitle")}>{t("fee", { amount: format.number(invoice.amountTiyn / 100), dueOn: date(invoice.dueOn), status: t(`invoiceStatuses.${invoice.status}`) })}</Row>
            ) : null}
          </Summary>
        </section>
        <section aria-labelledby="hp-employer">
          <h2 id="hp-employer">{t("employerTitle")}</h2>
          {employer ? (
            <>
              <Summary>
                <Row label={tHp("staffActions.register_contract.fields.name.label")}>{employer.name}</Row>
                <Row label={tHp("staffActions.register_contract.fields.iin.label")}>{employer.iin}</Row>
                {current ? <Row label={tHp("permit.contractStatus")}>{tHp(`contractStatuses.${current.status}`)}</Row> : null}
                <Row label={tHp("employerPage.status")}>
                  <span data-testid="hp-employer-places">{t("employerPlaces", { used: employer.active, max: employer.max })}</span>
                </Row>
              </Summary>
              <h3>{t("otherContracts")}</h3>
              {employer.others.length ? (
                <ul data-testid="hp-employer-others">
                  {employer.others.map((o) => (
                    <li key={o.reference}>
                      {o.reference} — {o.holder}
                      {o.since ? ` (${formatInstant(format, o.since)})` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t("noOtherContracts")}</p>
              )}
            </>
          ) : (
            <p>{t("noEmployer")}</p>
          )}
          <h3>{t("offencesTitle")}</h3>
          {offences.length ? (
            <ul>
              {offences.map((o) => (
                <li key={o.id}>
                  {date(o.occurredOn)}: {tHp(`offenceCodes.${o.code}`)} ({tHp(`offenceSubjects.${o.subject}`)}) — {o.description}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("noOffences")}</p>
          )}
        </section>
      </div>
    </>
  );
}

/** The register-contract form offers the regions in force (HP-10 refuses any but the permit's). */
export async function householdPermitActionOptions({ locale }: CaseViewProps): Promise<Record<string, Record<string, SelectOption[]>>> {
  return { register_contract: { region: await regionOptions(await getDb(), locale) } };
}
