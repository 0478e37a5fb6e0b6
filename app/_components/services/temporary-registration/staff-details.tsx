import { getFormatter, getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { countryName, regionName } from "@/app/_components/staff/format";
import { formatCivilDate } from "@/app/_components/dates";
import { Row, Summary } from "@/app/_components/staff/summary";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import { ParameterError } from "@/lib/rules/parameters";
import type { Registration } from "@/lib/services/temporary-registration/definition";
import { isEaeuWorker, lateness, permittedStay, registrationDeadline, TR_FLAGS } from "@/lib/services/temporary-registration/rules";
import type { TrApplication } from "@/lib/services/temporary-registration/schema";
import type { CaseViewProps } from "../types";

/** A rule fact, or null when no rule parameter was in force on the date it needs. */
function fact<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (e) {
    if (e instanceof ParameterError) return null;
    throw e;
  }
}

/** The registration facts an officer decides on, computed by the same rule functions the engine runs. */
export async function TrStaffDetails({ detail, locale }: CaseViewProps) {
  const c = detail.case;
  const db = await getDb();
  const [t, tRoot, format, params, ref] = await Promise.all([getTranslations("staff.case"), getTranslations(), getFormatter(), loadParameters(db), loadReferenceData(db)]);
  const date = (d: string) => formatCivilDate(format, d);
  const label = (key: string, fallback: string) => (tRoot.has(key) ? tRoot(key) : fallback);
  const app = c.data as unknown as TrApplication & { registration?: Registration };
  const today = todayInKazakhstan();
  const isProtected = c.flags.includes(TR_FLAGS.protectedPerson);

  // TR-07, TR-02/TR-05, TR-09 on the data of this case.
  const stay = fact(() => permittedStay(app, params, ref));
  const deadline = fact(() => registrationDeadline(app.stay.entryDate, isEaeuWorker(app, ref), params));
  const filedOn = c.submittedAt ? todayInKazakhstan(c.submittedAt) : null;
  const late = deadline && filedOn ? fact(() => lateness(deadline.deadline, filedOn, params)) : null;
  const passportExpired = app.passport.passportExpiresOn < today;

  return (
    <>
      {app.registration ? (
        <p>
          <strong>{t("registration")}:</strong> {t("registrationValue", { from: date(app.registration.validFrom), until: date(app.registration.validUntil) })}
        </p>
      ) : null}
      <div className="grid-2">
        <section aria-labelledby="applicant-title">
          <h2 id="applicant-title">{t("applicantTitle")}</h2>
          <Summary>
            <Row label={t("nameLatin")}>
              {app.person.surname} {app.person.givenNames}
            </Row>
            {app.person.surnameCyrillic || app.person.givenNamesCyrillic ? (
              <Row label={t("nameCyrillic")}>
                {app.person.surnameCyrillic ?? ""} {app.person.givenNamesCyrillic ?? ""}
              </Row>
            ) : null}
            <Row label={t("birthDate")}>{date(app.person.birthDate)}</Row>
            <Row label={t("sex")}>{label(`tr.sexes.${app.person.sex}`, app.person.sex)}</Row>
            <Row label={t("citizenship")}>{countryName(ref, app.person.citizenship, locale)}</Row>
            <Row label={t("passportType")}>{label(`tr.passportTypes.${app.passport.passportType}`, app.passport.passportType)}</Row>
            <Row label={t("passportNumber")}>{app.passport.passportNumber}</Row>
            <Row label={t("passportExpiresOn")}>
              {date(app.passport.passportExpiresOn)} {passportExpired ? <span className="tag tag--red">{t("passportExpired")}</span> : null}
            </Row>
          </Summary>
        </section>
        <section aria-labelledby="stay-title">
          <h2 id="stay-title">{t("stayTitle")}</h2>
          <Summary>
            <Row label={t("entryDate")}>{date(app.stay.entryDate)}</Row>
            <Row label={t("purpose")}>{label(`tr.purposes.${app.stay.purpose}`, app.stay.purpose)}</Row>
            <Row label={t("requestedEndDate")}>{date(app.stay.requestedEndDate)}</Row>
            <Row label={t("eaeuWorker")}>{tRoot(app.stay.eaeuWorker ? "common.yes" : "common.no")}</Row>
            <Row label={t("visa")}>
              {app.stay.visaNumber && app.stay.visaValidUntil ? t("visaValue", { number: app.stay.visaNumber, until: date(app.stay.visaValidUntil) }) : t("noVisa")}
            </Row>
          </Summary>
        </section>
        <section aria-labelledby="address-title">
          <h2 id="address-title">{t("addressTitle")}</h2>
          <Summary>
            <Row label={t("region")}>{regionName(ref, app.address.region, locale)}</Row>
            <Row label={t("addressCity")}>{app.address.city}</Row>
            <Row label={t("addressStreet")}>{app.address.street}</Row>
            <Row label={t("addressBuilding")}>{app.address.building}</Row>
            {app.address.flat ? <Row label={t("addressFlat")}>{app.address.flat}</Row> : null}
          </Summary>
        </section>
        <section aria-labelledby="host-title">
          <h2 id="host-title">{t("hostTitle")}</h2>
          <Summary>
            <Row label={t("hostKind")}>{label(`tr.hostKinds.${app.host.kind}`, app.host.kind)}</Row>
            <Row label={t("hostIdentifier")}>{app.host.identifier}</Row>
            <Row label={t("hostName")}>{app.host.name}</Row>
            <Row label={t("hostPhone")}>{app.host.phone}</Row>
          </Summary>
        </section>
      </div>

      <section aria-labelledby="facts-title">
        <h2 id="facts-title">{t("factsTitle")}</h2>
        <p className="muted">{t("factsLead")}</p>
        <Summary>
          <Row label={`${t("permittedStay")} (TR-07)`}>
            {stay === null ? t("factUnavailable") : stay.until ? `${t("permittedUntil", { date: date(stay.until) })} — ${t(`basis.${stay.basis}`)}` : t("noStayWithoutVisa")}
          </Row>
          <Row label={`${t("registrationDeadline")} (${deadline?.rule ?? "TR-02"})`}>{deadline ? date(deadline.deadline) : t("factUnavailable")}</Row>
          <Row label={`${t("lateness")} (TR-09)`}>
            {!filedOn ? t("notFiled") : late === null ? t("factUnavailable") : late.tier ? t("late", { days: late.daysLate, tier: late.tier }) : t("onTime")}
            {isProtected ? <span className="hint">{t("protectedNote")}</span> : null}
          </Row>
        </Summary>
      </section>
    </>
  );
}

/** Placeholders of the registration forms: the requested end of stay and the TR-07 limit. */
export async function trActionMessageValues({ detail, locale }: CaseViewProps): Promise<Record<string, Record<string, string | number>>> {
  const db = await getDb();
  const [format, params, ref] = await Promise.all([getFormatter({ locale }), loadParameters(db), loadReferenceData(db)]);
  const app = detail.case.data as unknown as TrApplication;
  const stay = fact(() => permittedStay(app, params, ref));
  return {
    register: {
      requested: formatCivilDate(format, app.stay.requestedEndDate),
      hasLimit: stay?.until ? "yes" : "no",
      limit: stay?.until ? formatCivilDate(format, stay.until) : "",
    },
    set_protection: { state: detail.case.flags.includes(TR_FLAGS.protectedPerson) ? "protected" : "not_protected" },
  };
}
