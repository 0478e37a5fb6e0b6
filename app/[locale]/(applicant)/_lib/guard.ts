import "server-only";
import { notFound, redirect } from "next/navigation";
import { hasLocale } from "next-intl";
import { getViewer } from "@/lib/dal/viewer";
import type { Viewer } from "@/lib/engine/types";
import { routing, type Locale } from "@/lib/i18n/routing";

/** The page's locale, or a 404 for anything else. */
export function pageLocale(locale: string): Locale {
  if (!hasLocale(routing.locales, locale)) notFound();
  return locale;
}

/**
 * The signed-in applicant, for applicant pages. Nobody signed in → sign-in, then back here; staff
 * and other roles get a 404 (these pages do not exist for them).
 */
export async function requireApplicant(locale: Locale, path: string): Promise<Viewer & { userId: string }> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/${locale}/sign-in?callbackUrl=${encodeURIComponent(`/${locale}${path}`)}`);
  if (viewer.kind !== "user" || viewer.role !== "applicant" || !viewer.userId) notFound();
  return viewer as Viewer & { userId: string };
}
