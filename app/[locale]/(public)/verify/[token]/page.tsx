import type { Metadata } from "next";
import type { CSSProperties } from "react";
import { headers } from "next/headers";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { clientIp } from "@/lib/auth/client-ip";
import { recordAudit } from "@/lib/dal/audit";
import { verifyDocument, type VerificationStatus, type VerificationView } from "@/lib/dal/cases";
import { getViewer } from "@/lib/dal/viewer";
import { isWellFormedToken } from "@/lib/documents/tokens";
import { Link } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";
import { consumePublic, publicClientIp } from "@/lib/security/rate-limit";
import { formatCivilDate } from "@/app/_components/dates";
import { TWO_COLUMN_LIST } from "../../_lib/styles";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "public.verify" });
  return { title: t("resultMetaTitle"), robots: { index: false, follow: false } };
}

type Verdict = VerificationStatus | "not_found";

// Colour is never the only signal: the verdict is a word, and the border style differs too.
const VERDICT_STYLE: Record<Verdict, CSSProperties> = {
  valid: { border: "6px solid #005a30", color: "#005a30" },
  expired: { border: "6px dashed #942514", color: "#942514" },
  revoked: { border: "6px dashed #942514", color: "#942514" },
  not_yet_valid: { border: "6px dashed #594d00", color: "#594d00" },
  not_found: { border: "6px dashed #383f43", color: "#383f43" },
};

/**
 * Where the QR code on an issued document leads. Shows only whether the document is valid and the
 * minimum needed to match it to the paper in front of you: never the passport number, the address
 * or anything else from the case.
 */
export default async function VerifyTokenPage({ params }: { params: Params }) {
  const { locale, token } = await params;
  setRequestLocale(locale);
  const [t, format] = await Promise.all([getTranslations("public.verify"), getFormatter()]);

  let view: VerificationView | null = null;
  // A malformed token cannot match anything: answer without a look-up, a count or an audit row.
  if (isWellFormedToken(token)) {
    const db = await getDb();
    const requestHeaders = await headers();
    const rate = await consumePublic("verify", publicClientIp(requestHeaders), db);
    if (!rate.ok) {
      return (
        <>
          <h1>{t("title")}</h1>
          <div className="notice notice--error" data-testid="verify-throttled">
            <p>{t("throttled", { seconds: rate.retryAfterSeconds })}</p>
          </div>
        </>
      );
    }
    view = await verifyDocument(db, token);
    await recordAudit(db, {
      viewer: await getViewer(),
      action: "document.verify",
      target: view?.number ?? null,
      channel: "page",
      ip: clientIp(requestHeaders),
      details: { result: view?.status ?? "not_found" },
    });
  }

  const verdict: Verdict = view?.status ?? "not_found";
  const typeLabel = view && t.has(`types.${view.type}`) ? t(`types.${view.type}`) : view?.type;
  return (
    <>
      <h1>{t("title")}</h1>
      <section aria-labelledby="verdict" data-testid="verdict" data-verdict={verdict} style={{ ...VERDICT_STYLE[verdict], padding: "1rem 1.25rem", margin: "0 0 1.5rem" }}>
        <h2 id="verdict" style={{ fontSize: "2.25rem", margin: "0 0 0.5rem" }}>
          {t(`verdict.${verdict}.title`)}
        </h2>
        <p style={{ margin: 0, color: "var(--text)" }}>{t(`verdict.${verdict}.body`)}</p>
      </section>

      {view ? (
        <dl className="summary-list" style={TWO_COLUMN_LIST}>
          <dt>{t("fields.type")}</dt>
          <dd>{typeLabel}</dd>
          <dt>{t("fields.number")}</dt>
          <dd>{view.number}</dd>
          <dt>{t("fields.validFrom")}</dt>
          <dd>
            <time dateTime={view.validFrom}>{formatCivilDate(format, view.validFrom)}</time>
          </dd>
          <dt>{t("fields.validUntil")}</dt>
          <dd>
            <time dateTime={view.validUntil}>{formatCivilDate(format, view.validUntil)}</time>
          </dd>
          <dt>{t("fields.holder")}</dt>
          <dd>{view.holderMasked}</dd>
        </dl>
      ) : null}
      {view ? <p className="muted">{t("fields.holderHint")}</p> : null}

      <p>
        <Link href="/verify">{t("another")}</Link>
      </p>
    </>
  );
}
