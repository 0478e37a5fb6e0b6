import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getDb } from "@/db";
import { isHouseholder } from "@/lib/dal/household-permits";
import { unreadNotificationCount } from "@/lib/dal/notifications";
import { getViewer } from "@/lib/dal/viewer";
import { sessionSecondsLeft } from "@/lib/auth/sessions";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { LanguageSwitcher } from "./language-switcher";
import { SessionTimeoutWarning } from "./session-timeout";
import { SignOutButton } from "./sign-out-button";
import { StaffNotices } from "./staff/staff-notices";

/** The warning appears this long before an idle session ends (WCAG 2.2.1 asks for at least 20 seconds). */
const SESSION_WARNING_SECONDS = 120;

export async function SiteHeader() {
  const t = await getTranslations("common");
  const locale = await getLocale();
  const viewer = await getViewer();
  const labels = { kk: "Қазақша", ru: "Русский", en: "English" };
  const secondsLeft = viewer?.sessionId ? await sessionSecondsLeft(await getDb(), viewer.sessionId) : null;
  const unread = viewer?.role === "applicant" ? await unreadNotificationCount(await getDb(), viewer) : 0;
  const householder = viewer?.role === "applicant" ? await isHouseholder(await getDb(), viewer) : false;
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          {t("appName")}
        </Link>
        <nav aria-label={t("mainNav")}>
          <ul className="site-nav">
            <li>
              <Link href="/status">{t("nav.statusCheck")}</Link>
            </li>
            {viewer && viewer.role === "applicant" ? (
              <li>
                <Link href="/applications">{t("nav.myApplications")}</Link>
              </li>
            ) : null}
            {householder ? (
              <li>
                <Link href="/employer">{t("nav.employer")}</Link>
              </li>
            ) : null}
            {viewer && viewer.role === "applicant" ? (
              <li>
                <Link href="/notifications" data-testid="nav-notifications">
                  {unread ? t("nav.notifications", { count: unread }) : t("nav.notificationsNone")}
                </Link>
              </li>
            ) : null}
            {viewer && STAFF_ROLES.has(viewer.role) ? (
              <li>
                <Link href="/staff">{t("nav.staff")}</Link>
              </li>
            ) : null}
            {viewer ? (
              <li>
                <SignOutButton label={t("nav.signOut", { name: viewer.displayName })} />
              </li>
            ) : (
              <li>
                <Link href="/sign-in">{t("nav.signIn")}</Link>
              </li>
            )}
          </ul>
        </nav>
        <LanguageSwitcher current={locale} labels={labels} label={t("language")} />
      </div>
      {viewer && STAFF_ROLES.has(viewer.role) ? <StaffNotices viewer={viewer} /> : null}
      {viewer && secondsLeft !== null ? (
        <SessionTimeoutWarning
          secondsLeft={secondsLeft}
          warnSeconds={SESSION_WARNING_SECONDS}
          signInHref={`/${locale}/sign-in`}
          text={{
            title: t("sessionTimeout.title"),
            body: t("sessionTimeout.body", { time: "{time}" }),
            stay: t("sessionTimeout.stay"),
            staying: t("sessionTimeout.staying"),
            stayFailed: t("sessionTimeout.stayFailed"),
            expiredTitle: t("sessionTimeout.expiredTitle"),
            expiredBody: t("sessionTimeout.expiredBody"),
            signIn: t("sessionTimeout.signIn"),
          }}
          signOut={<SignOutButton label={t("nav.signOut", { name: viewer.displayName })} />}
        />
      ) : null}
    </header>
  );
}
