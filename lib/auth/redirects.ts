import { STAFF_ROLES } from "./roles";

/** Where someone lands after signing in when no (usable) callbackUrl was given. */
export function homePathFor(role: string, locale: string): string {
  if (role === "quota_planner") return `/${locale}/quotas`;
  return STAFF_ROLES.has(role) ? `/${locale}/staff` : `/${locale}/applications`;
}

const ORIGIN = "http://callback.invalid";

/**
 * A callbackUrl limited to a path on this site: "/kk/staff?q=1" passes; "https://evil.test",
 * "//evil.test", "/\\evil.test", "javascript:…" and API paths do not (null).
 */
export function safeCallbackPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return null;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.includes("\\")) return null;
  // Control characters could smuggle a different URL past the checks above once a browser strips them.
  if (/[\u0000-\u001f\u007f]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== ORIGIN) return null;
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return null;
  return url.pathname + url.search + url.hash;
}
