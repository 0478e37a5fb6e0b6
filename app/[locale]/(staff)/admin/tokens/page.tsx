import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { getDb } from "@/db";
import { listApiTokens, listServiceAccountCandidates } from "@/lib/auth/api-tokens";
import type { ApiScope } from "@/lib/auth/scopes";
import { getViewer } from "@/lib/dal/viewer";
import { routing } from "@/lib/i18n/routing";
import { OutcomeNotices } from "../_lib/outcome-notices";
import { revokeTokenAction } from "./actions";
import { IssueTokenForm } from "./issue-token-form";

type Params = Promise<{ locale: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "auth" });
  return { title: t("tokens.title") };
}

export default async function ApiTokensPage({ params, searchParams }: { params: Params; searchParams: Promise<{ revoked?: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}/admin/tokens`)}`);
  // Not "forbidden": other users should not learn that the page exists.
  if (viewer.kind !== "user" || viewer.role !== "admin") notFound();

  const db = await getDb();
  const [tokens, accounts] = await Promise.all([listApiTokens(db, viewer), listServiceAccountCandidates(db, viewer)]);
  const t = await getTranslations("auth");
  const format = await getFormatter();
  const when = (d: Date | null, none: string) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : none);
  const scopeNames: Record<ApiScope, string> = {
    "applications:create": t("tokens.scopes.applicationsCreate"),
    "applications:read": t("tokens.scopes.applicationsRead"),
    "cases:read": t("tokens.scopes.casesRead"),
    "cases:act": t("tokens.scopes.casesAct"),
  };
  const statusTag = {
    active: { className: "tag tag--green", label: t("tokens.status.active") },
    revoked: { className: "tag tag--red", label: t("tokens.status.revoked") },
    expired: { className: "tag tag--grey", label: t("tokens.status.expired") },
  };

  return (
    <>
      <h1>{t("tokens.heading")}</h1>
      <p className="lead">{t("tokens.lead")}</p>
      <OutcomeNotices done={(await searchParams).revoked ? t("tokens.revokedNotice") : null} />

      <h2>{t("tokens.listHeading")}</h2>
      {tokens.length === 0 ? (
        <p>{t("tokens.empty")}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t("tokens.listHeading")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tokens.columns.name")}</th>
              <th scope="col">{t("tokens.columns.user")}</th>
              <th scope="col">{t("tokens.columns.scopes")}</th>
              <th scope="col">{t("tokens.columns.created")}</th>
              <th scope="col">{t("tokens.columns.lastUsed")}</th>
              <th scope="col">{t("tokens.columns.expires")}</th>
              <th scope="col">{t("tokens.columns.status")}</th>
              <th scope="col">{t("tokens.columns.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => (
              <tr key={token.id}>
                <th scope="row">{token.name}</th>
                <td>
                  {token.user.displayName}
                  <br />
                  <span className="muted">{token.user.email}</span>
                </td>
                <td>
                  <ul>
                    {token.scopes.map((scope) => (
                      <li key={scope}>
                        <code>{scope}</code>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {when(token.createdAt, "")}
                  <br />
                  <span className="muted">{t("tokens.issuedBy", { name: token.createdByName })}</span>
                </td>
                <td>{when(token.lastUsedAt, t("tokens.never"))}</td>
                <td>{when(token.expiresAt, t("tokens.noExpiry"))}</td>
                <td>
                  <strong className={statusTag[token.status].className}>{statusTag[token.status].label}</strong>
                  {token.revokedAt ? (
                    <>
                      <br />
                      <span className="muted">{when(token.revokedAt, "")}</span>
                    </>
                  ) : null}
                </td>
                <td>
                  {token.status === "active" ? (
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="locale" value={locale} />
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button type="submit" className="button button--warning" aria-label={t("tokens.revokeLabel", { name: token.name })}>
                        {t("tokens.revoke")}
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>{t("tokens.issueHeading")}</h2>
      <IssueTokenForm
        locale={locale}
        accounts={accounts.map((a) => ({ value: a.id, label: `${a.displayName} — ${a.email} (${a.role})` }))}
        text={{
          name: t("tokens.name"),
          nameHint: t("tokens.nameHint"),
          user: t("tokens.user"),
          userHint: t("tokens.userHint"),
          userPlaceholder: t("tokens.userPlaceholder"),
          scopesLegend: t("tokens.scopesLegend"),
          scopesHint: t("tokens.scopesHint"),
          scopeNames,
          expiresOn: t("tokens.expiresOn"),
          expiresOnHint: t("tokens.expiresOnHint"),
          submit: t("tokens.submit"),
          pending: t("tokens.pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          issuedWarning: t("tokens.issuedWarning"),
          issuedLabel: t("tokens.issuedLabel"),
          messages: {
            "errors.tokenNameRequired": t("errors.tokenNameRequired"),
            "errors.tokenNameTooLong": t("errors.tokenNameTooLong"),
            "errors.tokenUserRequired": t("errors.tokenUserRequired"),
            "errors.tokenScopesRequired": t("errors.tokenScopesRequired"),
            "errors.tokenExpiryInvalid": t("errors.tokenExpiryInvalid"),
            "errors.tokenExpiryPast": t("errors.tokenExpiryPast"),
          },
        }}
      />
    </>
  );
}
