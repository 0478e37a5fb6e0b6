import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import { getUser } from "@/lib/dal/admin";
import { Link } from "@/lib/i18n/navigation";
import { adminMetadata, schemaMessages } from "../../../_lib/page-helpers";
import { requireAdminPage } from "../../../_lib/require-admin";
import { SetPasswordForm } from "./set-password-form";

type Props = { params: Promise<{ locale: string; id: string }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "users.password.title");
}

export default async function SetPasswordPage({ params }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdminPage(locale, `/admin/users/${id}/password`);
  const user = await getUser(await getDb(), viewer, id);
  if (!user) notFound();
  const t = await getTranslations("admin");

  return (
    <>
      <p>
        <Link href={`/admin/users/${user.id}`}>{t("users.password.back", { name: user.displayName })}</Link>
      </p>
      <h1>{t("users.password.heading", { name: user.displayName })}</h1>
      <p className="lead">{user.id === viewer.userId ? t("users.password.leadSelf") : t("users.password.lead")}</p>
      <SetPasswordForm
        locale={locale}
        userId={user.id}
        text={{
          password: t("users.fields.newPassword"),
          passwordHint: t("users.fields.passwordHint", { min: PASSWORD_MIN_LENGTH }),
          confirmPassword: t("users.fields.confirmPassword"),
          submit: t("users.password.submit"),
          pending: t("pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          messages: schemaMessages(t),
        }}
      />
    </>
  );
}
