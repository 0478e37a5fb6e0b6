import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import { accessOptions } from "../../_lib/labels";
import { adminMetadata, schemaMessages } from "../../_lib/page-helpers";
import { requireAdminPage } from "../../_lib/require-admin";
import { CreateUserForm } from "./create-user-form";

type Props = { params: Promise<{ locale: string }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "users.new.title");
}

export default async function NewUserPage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdminPage(locale, "/admin/users/new");
  const [t, ref] = await Promise.all([getTranslations("admin"), getDb().then(loadReferenceData)]);
  const options = await accessOptions(ref, locale, todayInKazakhstan());

  return (
    <>
      <p>
        <Link href="/admin/users">{t("users.backToList")}</Link>
      </p>
      <h1>{t("users.new.heading")}</h1>
      <p className="lead">{t("users.new.lead")}</p>
      <CreateUserForm
        locale={locale}
        options={options}
        text={{
          email: t("users.fields.email"),
          displayName: t("users.fields.displayName"),
          role: t("users.fields.role"),
          rolePlaceholder: t("users.fields.rolePlaceholder"),
          roleHint: t("users.fields.roleHint"),
          regions: t("users.fields.regions"),
          regionsHint: t("users.fields.regionsHint"),
          services: t("users.fields.services"),
          servicesHint: t("users.fields.servicesHint"),
          password: t("users.fields.initialPassword"),
          passwordHint: t("users.fields.passwordHint", { min: PASSWORD_MIN_LENGTH }),
          submit: t("users.new.submit"),
          pending: t("pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          messages: schemaMessages(t),
        }}
      />
    </>
  );
}
