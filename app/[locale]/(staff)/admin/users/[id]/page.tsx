import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { regionName } from "@/app/_components/staff/format";
import { formatInstant } from "@/app/_components/dates";
import { getDb } from "@/db";
import { getUser } from "@/lib/dal/admin";
import { Link } from "@/lib/i18n/navigation";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { loadReferenceData } from "@/lib/rules/load";
import styles from "../../_lib/admin.module.css";
import { accessOptions, serviceLabel } from "../../_lib/labels";
import { OutcomeNotices } from "../../_lib/outcome-notices";
import { adminMetadata, first, knownCode, schemaMessages, type SearchParams } from "../../_lib/page-helpers";
import { requireAdminPage } from "../../_lib/require-admin";
import { setDisabledAction, signOutEverywhereAction } from "../actions";
import { AccessForm } from "./access-form";

type Props = { params: Promise<{ locale: string; id: string }>; searchParams: SearchParams };

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "users.detail.title");
}

export default async function UserPage({ params, searchParams }: Props) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdminPage(locale, `/admin/users/${id}`);
  const db = await getDb();
  const [user, ref] = await Promise.all([getUser(db, viewer, id), loadReferenceData(db)]);
  if (!user) notFound();

  const sp = await searchParams;
  const [t, tRoles, format] = await Promise.all([getTranslations("admin"), getTranslations("staff.roles"), getFormatter()]);
  const options = await accessOptions(ref, locale, todayInKazakhstan());
  const done = knownCode(t, "users.done", first(sp.done));
  const error = knownCode(t, "errors", first(sp.error));
  const revoked = Number(first(sp.revoked) ?? 0) || 0;
  const self = user.id === viewer.userId;

  return (
    <>
      <p>
        <Link href="/admin/users">{t("users.backToList")}</Link>
      </p>
      <h1>{user.displayName}</h1>
      <OutcomeNotices done={done && t(done, { revoked })} error={error && t(error)} />

      <dl className={`summary-list ${styles.summary}`}>
        <dt>{t("users.columns.email")}</dt>
        <dd>{user.email}</dd>
        <dt>{t("users.columns.role")}</dt>
        <dd>{tRoles(user.role)}</dd>
        <dt>{t("users.columns.regions")}</dt>
        <dd>{user.regions.length ? user.regions.map((code) => regionName(ref, code, locale)).join(", ") : t("none")}</dd>
        <dt>{t("users.columns.services")}</dt>
        <dd>{user.services.length ? user.services.map((s) => serviceLabel(t, s)).join(", ") : t("none")}</dd>
        <dt>{t("users.columns.status")}</dt>
        <dd>
          <strong className={user.disabled ? "tag tag--red" : "tag tag--green"}>{user.disabled ? t("users.status.disabled") : t("users.status.active")}</strong>
          {user.disabledAt ? <> {t("users.detail.disabledSince", { at: formatInstant(format, user.disabledAt) })}</> : null}
        </dd>
        <dt>{t("users.columns.created")}</dt>
        <dd>{formatInstant(format, user.createdAt)}</dd>
        <dt>{t("users.detail.passwordChanged")}</dt>
        <dd>{formatInstant(format, user.passwordChangedAt)}</dd>
        <dt>{t("users.detail.activeSessions")}</dt>
        <dd>{user.activeSessions}</dd>
      </dl>

      <h2>{t("users.detail.accessHeading")}</h2>
      {self ? <p className="notice">{t("users.detail.selfRoleNote")}</p> : null}
      <AccessForm
        locale={locale}
        userId={user.id}
        current={{ role: user.role, regions: user.regions, services: user.services }}
        options={options}
        text={{
          role: t("users.fields.role"),
          roleHint: t("users.fields.roleHint"),
          regions: t("users.fields.regions"),
          regionsHint: t("users.fields.regionsHint"),
          services: t("users.fields.services"),
          servicesHint: t("users.fields.servicesHint"),
          submit: t("users.detail.saveAccess"),
          pending: t("pending"),
          errorSummaryTitle: t("errorSummaryTitle"),
          messages: schemaMessages(t),
        }}
      />

      <h2>{t("users.detail.signInHeading")}</h2>
      <p>
        <Link href={`/admin/users/${user.id}/password`}>{t("users.detail.setPassword")}</Link>
      </p>
      <form action={signOutEverywhereAction}>
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="userId" value={user.id} />
        <p>{self ? t("users.detail.signOutSelfHint") : t("users.detail.signOutHint")}</p>
        <button type="submit" className="button button--secondary">
          {t("users.detail.signOutEverywhere")}
        </button>
      </form>

      <section className={styles.danger} aria-labelledby="account-status">
        <h2 id="account-status">{t("users.detail.statusHeading")}</h2>
        {user.disabled ? (
          <form action={setDisabledAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value="false" />
            <p>{t("users.detail.enableHint")}</p>
            <button type="submit" className="button">
              {t("users.detail.enable")}
            </button>
          </form>
        ) : self ? (
          <p>{t("errors.cannotDisableSelf")}</p>
        ) : (
          <form action={setDisabledAction}>
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value="true" />
            <p>{t("users.detail.disableHint")}</p>
            <button type="submit" className="button button--warning">
              {t("users.detail.disable")}
            </button>
          </form>
        )}
      </section>
    </>
  );
}
