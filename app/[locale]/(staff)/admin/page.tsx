import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import styles from "./_lib/admin.module.css";
import { adminMetadata } from "./_lib/page-helpers";
import { requireAdminPage } from "./_lib/require-admin";

type Props = { params: Promise<{ locale: string }> };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "landing.title");
}

const SECTIONS = [
  { key: "users", href: "/admin/users" },
  { key: "parameters", href: "/admin/parameters" },
  { key: "visaRegimes", href: "/admin/visa-regimes" },
  { key: "calendar", href: "/admin/calendar" },
  { key: "tokens", href: "/admin/tokens" },
  { key: "outbox", href: "/admin/outbox" },
] as const;

export default async function AdminHomePage({ params }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requireAdminPage(locale, "/admin");
  const t = await getTranslations("admin.landing");
  return (
    <>
      <h1>{t("heading")}</h1>
      <p className="lead">{t("lead")}</p>
      <ul className={styles.links}>
        {SECTIONS.map((s) => (
          <li key={s.key} className="card">
            <h2>
              <Link href={s.href}>{t(`sections.${s.key}.title`)}</Link>
            </h2>
            <p>{t(`sections.${s.key}.body`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
