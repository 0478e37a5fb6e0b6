import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { StatusForm } from "./status-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "public.status" });
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * The public status check. The form posts (a server action) rather than using GET, so the passport
 * number never lands in the address bar, the browser history or a proxy's access log.
 */
export default async function StatusPage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const [t, tAll] = await Promise.all([getTranslations("public.status"), getTranslations()]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <StatusForm
        locale={locale}
        text={{
          reference: t("reference"),
          referenceHint: t("referenceHint"),
          documentNumber: t("documentNumber"),
          documentNumberHint: t("documentNumberHint"),
          submit: t("submit"),
          pending: t("pending"),
          errorSummaryTitle: tAll("common.errors.summaryTitle"),
          resultTitle: t("result.title"),
          service: t("result.service"),
          status: t("result.status"),
          nextStep: t("result.nextStep"),
          decisionDue: t("result.decisionDue"),
          updatedAt: t("result.updatedAt"),
          notFoundTitle: t("notFound.title"),
          notFoundBody: t("notFound.body"),
        }}
      />
      <p className="muted">{t("privacy")}</p>
      <p>{t.rich("signedIn", { link: (chunks) => <Link href="/applications">{chunks}</Link> })}</p>
    </>
  );
}
