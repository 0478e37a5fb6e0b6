import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { ErrorSummary } from "@/app/_components/error-summary";
import { TextField } from "@/app/_components/fields";
import { formatCivilDate } from "@/app/_components/dates";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { isValidCivilDate, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { refugeeRenewalEligibility } from "@/lib/public/refugee-eligibility";

type Params = Promise<{ locale: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "portal.rf.check" });
  return { title: t("title"), robots: { index: false, follow: false } };
}

const TONE = { open: "notice--success", late: "notice--warning", not_yet: "notice", ended: "notice--error" } as const;

/**
 * Who can renew now (RF-05): a GET form that works without JavaScript, answered by the same rule
 * functions and parameters as the engine. Only the status end date is asked; nothing is stored.
 */
export default async function RefugeeRenewalCheckPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = (await searchParams).endsOn;
  const endsOn = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  const [t, tAll, format, parameters] = await Promise.all([getTranslations("portal.rf.check"), getTranslations(), getFormatter(), getDb().then(loadParameters)]);

  let error: string | undefined;
  let answer: ReturnType<typeof refugeeRenewalEligibility> | null = null;
  if (endsOn !== undefined) {
    if (!endsOn) error = tAll("rules.validation.required");
    else if (!isValidCivilDate(endsOn)) error = tAll("rules.validation.date");
    else answer = refugeeRenewalEligibility(endsOn, todayInKazakhstan(), parameters);
  }
  const date = (d: string) => formatCivilDate(format, d);

  return (
    <>
      <ErrorSummary title={tAll("common.errors.summaryTitle")} errors={error ? [{ path: "endsOn", message: error }] : []} />
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {answer ? (
        <section className={`notice ${TONE[answer.kind]}`} aria-labelledby="check-result" data-testid="rf-check-result" data-result={answer.kind}>
          <h2 id="check-result">{t(`result.${answer.kind}.title`)}</h2>
          <p>{t(`result.${answer.kind}.body`, { opensOn: date(answer.opensOn), endsOn: date(answer.endsOn), lateFrom: date(answer.lateFrom) })}</p>
          {answer.kind === "open" || answer.kind === "late" ? (
            <p>
              <Link href="/apply/refugee-renewal" className="button">
                {t("apply")}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <form method="get" noValidate>
        <TextField id="endsOn" name="endsOn" type="date" label={t("endsOn")} hint={t("endsOnHint")} defaultValue={endsOn ?? ""} error={error} />
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
      <p>
        <Link href="/services/refugee-renewal">{t("back")}</Link>
      </p>
    </>
  );
}
