import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** Shown when a page under a locale calls notFound(); rendered inside the locale layout. */
export default async function LocaleNotFound() {
  const [t, tp] = await Promise.all([getTranslations("common.errors"), getTranslations("public.notFound")]);
  return (
    <>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <ul>
        <li>
          <Link href="/">{t("home")}</Link>
        </li>
        <li>
          <Link href="/status">{tp("status")}</Link>
        </li>
        <li>
          <Link href="/verify">{tp("verify")}</Link>
        </li>
      </ul>
    </>
  );
}
