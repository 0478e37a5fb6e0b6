import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { SelectField, TextField } from "@/app/_components/fields";
import { regionName } from "@/app/_components/staff/format";
import { getDb } from "@/db";
import type { Role } from "@/db/schema";
import { listUsers } from "@/lib/dal/admin";
import { Link } from "@/lib/i18n/navigation";
import { loadReferenceData } from "@/lib/rules/load";
import styles from "../_lib/admin.module.css";
import { serviceLabel } from "../_lib/labels";
import { adminMetadata, first, type SearchParams } from "../_lib/page-helpers";
import { requireAdminPage } from "../_lib/require-admin";
import { ROLE_VALUES } from "../_lib/schemas";

type Props = { params: Promise<{ locale: string }>; searchParams: SearchParams };

const MAX_QUERY = 100;

export function generateMetadata({ params }: Props): Promise<Metadata> {
  return adminMetadata(params, "users.title");
}

export default async function UsersPage({ params, searchParams }: Props) {
  const { locale } = await params;
  setRequestLocale(locale);
  const viewer = await requireAdminPage(locale, "/admin/users");
  const sp = await searchParams;
  const rawRole = first(sp.role);
  const role = ROLE_VALUES.find((r) => r === rawRole) as Role | undefined;
  const query = (first(sp.q) ?? "").trim().slice(0, MAX_QUERY);

  const db = await getDb();
  const [{ users, total }, ref] = await Promise.all([listUsers(db, viewer, { role, query }), loadReferenceData(db)]);
  const [t, tRoles, format] = await Promise.all([getTranslations("admin"), getTranslations("staff.roles"), getFormatter()]);

  return (
    <>
      <p>
        <Link href="/admin">{t("backToAdmin")}</Link>
      </p>
      <h1>{t("users.heading")}</h1>
      <p className="lead">{t("users.lead")}</p>
      <p>
        <Link href="/admin/users/new" className="button">
          {t("users.create")}
        </Link>
      </p>

      <form method="get" action={`/${locale}/admin/users`} className={styles.filters} role="search" aria-labelledby="filters-title">
        <h2 id="filters-title" className="visually-hidden">
          {t("users.filtersTitle")}
        </h2>
        <div className={styles.filterRow}>
          <SelectField
            id="role"
            name="role"
            label={t("users.filterRole")}
            options={ROLE_VALUES.map((r) => ({ value: r, label: tRoles(r) }))}
            placeholder={t("users.allRoles")}
            defaultValue={role ?? ""}
          />
          <TextField id="q" name="q" type="search" label={t("users.search")} hint={t("users.searchHint")} defaultValue={query} maxLength={MAX_QUERY} autoComplete="off" />
          <button type="submit" className="button button--secondary">
            {t("users.applyFilters")}
          </button>
        </div>
      </form>

      <p role="status">{users.length < total ? t("users.countLimited", { shown: users.length, total }) : t("users.count", { total })}</p>
      {users.length === 0 ? (
        <p>{t("users.empty")}</p>
      ) : (
        <div className={styles.tableScroll} role="region" aria-labelledby="users-caption" tabIndex={0}>
          <table className="data">
            <caption id="users-caption">{t("users.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("users.columns.name")}</th>
                <th scope="col">{t("users.columns.email")}</th>
                <th scope="col">{t("users.columns.role")}</th>
                <th scope="col">{t("users.columns.regions")}</th>
                <th scope="col">{t("users.columns.services")}</th>
                <th scope="col">{t("users.columns.status")}</th>
                <th scope="col">{t("users.columns.created")}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link href={`/admin/users/${u.id}`}>{u.displayName}</Link>
                  </th>
                  <td>{u.email}</td>
                  <td>{tRoles(u.role)}</td>
                  <td>{u.regions.length ? u.regions.map((code) => regionName(ref, code, locale)).join(", ") : t("none")}</td>
                  <td>{u.services.length ? u.services.map((s) => serviceLabel(t, s)).join(", ") : t("none")}</td>
                  <td>
                    <strong className={u.disabled ? "tag tag--red" : "tag tag--green"}>{u.disabled ? t("users.status.disabled") : t("users.status.active")}</strong>
                  </td>
                  <td>{format.dateTime(u.createdAt, { dateStyle: "medium" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
