import "server-only";
import { notFound } from "next/navigation";
import { getLocale } from "next-intl/server";
import { AuthzError } from "@/lib/auth/errors";
import { getViewer } from "@/lib/dal/viewer";
import type { Viewer } from "@/lib/engine/types";
import { redirect } from "@/lib/i18n/navigation";
import { isLocale, type Locale } from "@/lib/i18n/routing";

function isAdmin(viewer: Viewer): boolean {
  return viewer.kind === "user" && viewer.role === "admin";
}

/**
 * The viewer of an admin page: someone not signed in goes to sign-in (and comes back), anyone else
 * who is not an administrator gets "not found", so the page does not reveal that it exists.
 */
export async function requireAdminPage(locale: string, path: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: `/${locale}${path}` } }, locale });
  if (!isAdmin(viewer)) notFound();
  return viewer;
}

/** Server actions are public endpoints: each one checks again, whatever the page did. */
export async function requireAdminAction(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AuthzError("unauthenticated");
  if (!isAdmin(viewer)) throw new AuthzError("forbidden");
  return viewer;
}

/** The interface language a form was posted from (a hidden field), else the request's. */
export async function localeFrom(formData: FormData): Promise<Locale> {
  const raw = formData.get("locale");
  if (typeof raw === "string" && isLocale(raw)) return raw;
  const current = await getLocale();
  return isLocale(current) ? current : "kk";
}
