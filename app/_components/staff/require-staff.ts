import "server-only";
import { notFound } from "next/navigation";
import type { Role } from "@/db/schema";
import { getViewer, hasRole } from "@/lib/dal/viewer";
import type { Viewer } from "@/lib/engine/types";
import { redirect } from "@/lib/i18n/navigation";

export { CASEWORK_ROLES } from "@/lib/auth/roles";
import { CASEWORK_ROLES } from "@/lib/auth/roles";

/**
 * The viewer of a staff page: sends someone not signed in to sign-in (coming back here after), and
 * answers "not found" to anyone else without one of the roles, so the page does not reveal itself.
 */
export async function requireStaffViewer(locale: string, callbackPath: string, roles: readonly Role[] = CASEWORK_ROLES): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) return redirect({ href: { pathname: "/sign-in", query: { callbackUrl: callbackPath } }, locale });
  if (!hasRole(viewer, roles)) notFound();
  return viewer;
}
