import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { countryName } from "@/app/_components/staff/format";
import { formatCivilDate } from "@/app/_components/dates";
import { getDb } from "@/db";
import { Link } from "@/lib/i18n/navigation";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import { adminMetadata, first, schemaMessages, type SearchParams } from "../../_lib/page-helpers";
import { requireAdminPage } from "../../_lib/require-admin";
import { VisaRegimeForm } from "./visa-regime-form";

type Props = { params: Promise<{ locale: string }>; searchParams: SearchParams };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "visaRegimes.new.title");
}

export default async function NewVisaRegimePage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdminPage(locale, "/admin/visa-regimes/new");
  const ref = await loadReferenceData(await getDb());
  const [t, tTr, format] = await Promise.all([getTranslations("admin"), getTranslations("tr"), getFormatter()]);
  const requested = first((await searchParams).country)?.toUpperCase();
  const countries = ref
    .countries()
    .map((c) => ({ value: c.code, label: `${countryName(ref, c.code, locale)} (${c.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));

  return (
    <>
      <p>
        <Link href="/admin/visa-regimes">{t("visaRegimes.backToList")}</Link>
      </p>
      <h1>{t("visaRegimes.new.heading")}</h1>
      <p className="lead">{t("visaRegimes.new.lead")}</p>
      <VisaRegimeForm
        locale={locale}
        countries={countries}
        initialCountry={requested && ref.country(requested) ? requested : ""}
        text={{
          country: t("visaRegimes.fields.country"),
          countryPlaceholder: t("visaRegimes.fields.countryPlaceholder"),
          passportType: t("visaRegimes.fields.passportType"),
          passportTypes: { national: tTr("passportTypes.national"), official: tTr("passportTypes.official"), diplomatic: tTr("passportTypes.diplomatic") },
          regime: t("visaRegimes.fields.regime"),
          regimes: {
            visa_free_unlimited: t("visaRegimes.regimes.visa_free_unlimited"),
            visa_free_days: t("visaRegimes.regimes.visa_free_days"),
            visa_required: t("visaRegimes.regimes.visa_required"),
          },
          days: t("visaRegimes.fields.days"),
          daysHint: t("visaRegimes.fields.daysHint"),
          effectiveFrom: t("visaRegimes.fields.effectiveFrom"),
          effectiveFromHint: t("visaRegimes.fields.effectiveFromHint", { date: formatCivilDate(format, addCalendarDays(todayInKazakhstan(), 1)) }),
          note: t("visaRegimes.fields.note"),
          noteHint: t("visaRegimes.fields.noteHint"),
          submit: t("visaRegimes.new.submit"),
          pending: t("pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          messages: schemaMessages(t),
        }}
      />
    </>
  );
}
