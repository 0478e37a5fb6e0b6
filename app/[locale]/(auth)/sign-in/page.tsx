import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { homePathFor, safeCallbackPath } from "@/lib/auth/redirects";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/schemas";
import { getViewer } from "@/lib/dal/viewer";
import { SignInForm } from "./sign-in-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "auth" });
  return { title: t("signIn.title") };
}

export default async function SignInPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  // Already signed in: home, not the callbackUrl, which may be a page this account may not see
  // (and that page sending them back here would loop).
  if (viewer) redirect(homePathFor(viewer.role, locale));
  const callbackUrl = safeCallbackPath((await searchParams).callbackUrl);

  const t = await getTranslations("auth");
  return (
    <>
      <h1>{t("signIn.heading")}</h1>
      <p className="lead">{t("signIn.lead")}</p>
      <SignInForm
        locale={locale}
        callbackUrl={callbackUrl}
        text={{
          email: t("signIn.email"),
          password: t("signIn.password"),
          submit: t("signIn.submit"),
          pending: t("signIn.pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          messages: {
            "errors.emailRequired": t("errors.emailRequired"),
            "errors.emailInvalid": t("errors.emailInvalid"),
            "errors.passwordRequired": t("errors.passwordRequired"),
            "errors.passwordTooLong": t("errors.passwordTooLong", { max: PASSWORD_MAX_LENGTH }),
          },
        }}
      />
      <p>
        {t("signIn.noAccount")} <Link href="/sign-up">{t("signIn.createAccount")}</Link>
      </p>
    </>
  );
}
