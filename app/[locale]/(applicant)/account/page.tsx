import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { myPhone } from "@/lib/dal/contact";
import { pageLocale, requireApplicant } from "../_lib/guard";
import { savePhoneAction } from "./actions";
import { PhoneForm } from "./phone-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const locale = pageLocale((await params).locale);
  const t = await getTranslations({ locale, namespace: "contact" });
  return { title: t("title") };
}

/** Where the applicant gives (or removes) a mobile number for text-message reminders. */
export default async function ContactDetailsPage({ params }: { params: Params }) {
  const locale = pageLocale((await params).locale);
  setRequestLocale(locale);
  const viewer = await requireApplicant(locale, "/account");
  const [t, phone] = await Promise.all([getTranslations("contact"), myPhone(await getDb(), viewer)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <PhoneForm
        locale={locale}
        current={phone}
        action={savePhoneAction}
        text={{ label: t("phone"), hint: t("phoneHint"), save: t("save"), saving: t("saving"), saved: t("saved"), removed: t("removed"), errorTitle: t("errorTitle") }}
      />
    </>
  );
}
