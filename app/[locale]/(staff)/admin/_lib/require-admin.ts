import "server-only";
import { notFound } from "next/navigation";
import { AuthzError } from "@/lib/auth/errors";
import { getViewer } from "@/lib/dal/viewer";
import type { Viewer } from "@/lib/engine/types";
import { redirect } from "@/lib/i18n/navigation";

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
