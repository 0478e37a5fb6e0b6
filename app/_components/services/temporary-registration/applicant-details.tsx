import { getTranslations } from "next-intl/server";
import { getDb } from "@/db";
import { formatCivilDate } from "@/app/_components/tr-wizard/format";
import { loadTrWizardSetup } from "@/app/_components/tr-wizard/server";
import { ApplicationSummary } from "@/app/_components/tr-wizard/summary";
import type { TrDraft } from "@/app/_components/tr-wizard/types";
import { Link } from "@/lib/i18n/navigation";
import { isValidCivilDate, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { TR_FLAGS } from "@/lib/services/temporary-registration/rules";
import type { CaseViewProps } from "../types";

/** Flags the applicant is told about, with what they mean; internal ones (protection) stay internal. */
const APPLICANT_FLAGS = [TR_FLAGS.lateTierA, TR_FLAGS.lateTierB, TR_FLAGS.eaeuWorker, TR_FLAGS.overstay] as const;

/** The registration itself, what the flags mean for the applicant, the correction link and the application as filed. */
export async function TrApplicantDetails({ detail, locale }: CaseViewProps) {
  const db = await getDb();
  const c = detail.case;
  const data = c.data as TrDraft & { registration?: { validFrom: string; validUntil: string } };
  const [t, setup, ruleParams] = await Promise.all([getTranslations("tr"), loadTrWizardSetup(db, { locale }), loadParameters(db)]);
  const date = (d: string) => formatCivilDate(d, locale);

  const entry = data.stay?.entryDate && isValidCivilDate(data.stay.entryDate) ? data.stay.entryDate : todayInKazakhstan();
  const flagValues = {
    days: ruleParams.number("tr_registration_deadline_days", entry),
    eaeuDays: ruleParams.number("tr_eaeu_worker_deadline_days", entry),
    tierDays: ruleParams.number("tr_late_tier_a_days", entry),
    graceDays: ruleParams.number("tr_overstay_grace_days", entry),
  };
  const flags = APPLICANT_FLAGS.filter((f) => c.flags.includes(f));

  return (
    <>
      {data.registration && (c.status === "registered" || c.status === "expired") ? (
        <p>{t("statusPage.registeredUntil", { from: date(data.registration.validFrom), until: date(data.registration.validUntil) })}</p>
      ) : null}
      {flags.length ? (
        <div className="notice notice--warning">
          <h3>{t("statusPage.flagsTitle")}</h3>
          <ul>
            {flags.map((f) => (
              <li key={f}>
                <strong>{t(`flags.${f}`)}</strong>: {t(`statusPage.flags.${f}`, flagValues)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {detail.actions.includes("resubmit") ? (
        <section aria-labelledby="status-correct">
          <h2 id="status-correct">{t("statusPage.correct")}</h2>
          <p>{t("statusPage.correctHint")}</p>
          <p>
            <Link href={`/applications/${c.reference}/correct`} className="button">
              {t("statusPage.correct")}
            </Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="status-summary">
        <h2 id="status-summary">{t("statusPage.summaryTitle")}</h2>
        <ApplicationSummary data={data} options={setup.options} text={setup.text} locale={locale} headingLevel={3} />
      </section>
    </>
  );
}
