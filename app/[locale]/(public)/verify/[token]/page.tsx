import type { Metadata } from "next";
import { headers } from "next/headers";
import { hasLocale } from "next-intl";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { verifyPublicly } from "@/lib/dal/verification";
import { getViewer } from "@/lib/dal/viewer";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { publicClientIp } from "@/lib/security/rate-limit";
import { VerdictPanel } from "../verdict-panel";
import { verdictText } from "../verdict-text";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "public.verify" });
  return { title: t("resultMetaTitle"), robots: { index: false, follow: false } };
}

/**
 * Where the QR code on an issued document leads. Shows only the verdict and the document type:
 * never a name, the passport number, the address or anything else from the case. Every visit is
 * counted against the client's address and audited, a malformed token included.
 */
export default async function VerifyTokenPage({ params }: { params: Params }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, tAll] = await Promise.all([getTranslations("public.verify"), getTranslations()]);
  const requestHeaders = await headers();
  const checked = await verifyPublicly(
    await getDb(),
    { by: "token", token: decodeURIComponent(token).slice(0, 200) },
    { ip: publicClientIp(requestHeaders), auditIp: clientIp(requestHeaders), viewer: await getViewer(), channel: "page" },
  );

  if (checked.outcome === "throttled") {
    return (
      <>
        <h1>{t("title")}</h1>
        <div className="notice notice--error" data-testid="verify-throttled">
          <p>{t("throttled", { seconds: checked.retryAfterSeconds })}</p>
        </div>
      </>
    );
  }
  const { verdict, text } = verdictText(tAll, checked.result);
  return (
    <>
      <h1>{t("title")}</h1>
      <VerdictPanel verdict={verdict} text={text} />
      <p>
        <Link href="/verify">{t("another")}</Link>
      </p>
    </>
  );
}
