import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { formatInstant } from "@/app/_components/dates";
import { requireStaffViewer } from "@/app/_components/staff/require-staff";
import { listMyLiveGrants } from "@/lib/dal/break-glass";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { BreakGlassForm } from "./break-glass-form";

type Props = { params: Promise<{ locale: string }> };

const BREAK_GLASS_PAGE_ROLES = ["officer", "supervisor"] as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "integrity.breakGlass" }))("title") };
}

const ERROR_KEYS = ["referenceRequired", "referenceInvalid", "reasonTooShort", "reasonTooLong"] as const;

export default async function BreakGlassPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireStaffViewer(locale, `/${locale}/staff/break-glass`, BREAK_GLASS_PAGE_ROLES);
  const db = await getDb();
  const [t, tRoot, format, params_, live] = await Promise.all([
    getTranslations("integrity.breakGlass"),
    getTranslations(),
    getFormatter(),
    loadParameters(db),
    listMyLiveGrants(db, viewer),
  ]);
  const minutes = params_.number("break_glass_minutes", todayInKazakhstan());

  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead", { minutes })}</p>
      <BreakGlassForm
        locale={locale}
        text={{
          reference: t("reference"),
          referenceHint: t("referenceHint"),
          reason: t("reason"),
          reasonHint: t("reasonHint"),
          submit: t("submit"),
          pending: t("pending"),
          errorSummaryTitle: tRoot("common.errors.summaryTitle"),
          messages: Object.fromEntries(ERROR_KEYS.map((k) => [`integrity.breakGlass.errors.${k}`, t(`errors.${k}`)])),
        }}
      />
      {live.length ? (
        <section aria-labelledby="live-title">
          <h2 id="live-title">{t("liveTitle")}</h2>
          <ul>
            {live.map((g) => (
              <li key={g.id}>
                <Link href={`/staff/cases/${g.reference}`}>{t("liveItem", { reference: g.reference, until: formatInstant(format, g.expiresAt) })}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
