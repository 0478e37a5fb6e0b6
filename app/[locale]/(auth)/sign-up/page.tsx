import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { redirect } from "next/navigation";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { homePathFor } from "@/lib/auth/redirects";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import { getViewer } from "@/lib/dal/viewer";
import { SignUpForm } from "./sign-up-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "auth" });
  return { title: t("signUp.title") };
}

export default async function SignUpPage({ params }: { params: Params }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (viewer) redirect(homePathFor(viewer.role, locale));

  const t = await getTranslations("auth");
  const limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };
  return (
    <>
      <h1>{t("signUp.heading")}</h1>
      <p className="lead">{t("signUp.lead")}</p>
      <SignUpForm
        locale={locale}
        text={{
          displayName: t("signUp.displayName"),
          displayNameHint: t("signUp.displayNameHint"),
          email: t("signUp.email"),
          password: t("signUp.password"),
          passwordHint: t("signUp.passwordHint", limits),
          confirmPassword: t("signUp.confirmPassword"),
          submit: t("signUp.submit"),
          pending: t("signUp.pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          messages: {
            "errors.displayNameRequired": t("errors.displayNameRequired"),
            "errors.displayNameTooLong": t("errors.displayNameTooLong"),
            "errors.emailRequired": t("errors.emailRequired"),
            "errors.emailInvalid": t("errors.emailInvalid"),
            "errors.passwordRequired": t("errors.passwordRequired"),
            "errors.passwordTooShort": t("errors.passwordTooShort", limits),
            "errors.passwordTooLong": t("errors.passwordTooLong", limits),
            "errors.confirmPasswordRequired": t("errors.confirmPasswordRequired"),
            "errors.passwordsDoNotMatch": t("errors.passwordsDoNotMatch"),
          },
        }}
      />
      <p>
        {t("signUp.haveAccount")} <Link href="/sign-in">{t("signUp.signInLink")}</Link>
      </p>
    </>
  );
}
