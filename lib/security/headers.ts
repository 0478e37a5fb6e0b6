/**
 * Security headers, built as plain data so they can be unit-tested; proxy.ts applies them.
 * Pure: no Next.js imports, Web Crypto only.
 */

export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export interface CspOptions {
  nonce: string;
  https: boolean;
  /** `next dev` needs eval for React's debugging and injects styles without a nonce. */
  dev?: boolean;
}

/**
 * Nonce-based CSP as in the Next.js guide: Next reads the nonce from the request's CSP header and
 * puts it on its own scripts; 'strict-dynamic' lets those load the page's chunks. No 'unsafe-inline'
 * for scripts. Style attributes (React `style={...}`, Next's built-in error pages) cannot carry a
 * nonce, so only attributes are allowed inline; <style> elements still need the nonce.
 */
export function buildCsp({ nonce, https, dev = false }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Over plain http (localhost) upgrading would send the browser to an https port nobody serves.
  if (https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

const LOCALE_SEGMENT = "(?:kk|ru|en)";
/** Pages behind a sign-in; their responses must never be stored by a browser or a proxy. */
const PRIVATE_PAGE = new RegExp(`^/${LOCALE_SEGMENT}/(?:staff|applications|apply|admin|account|notifications)(?:/|$)`);
const SIGN_IN_PAGE = new RegExp(`^/${LOCALE_SEGMENT}/(?:sign-in|sign-up)(?:/|$)`);
const PRIVATE_API = /^\/api\/(?:v1|auth)(?:\/|$)/;

export function isPrivatePath(pathname: string): boolean {
  return PRIVATE_PAGE.test(pathname) || SIGN_IN_PAGE.test(pathname) || PRIVATE_API.test(pathname);
}

/** Pages the proxy may send to sign-in when there is no session cookie at all (a convenience only). */
export function signInRedirectFor(pathname: string): { locale: string } | null {
  const match = new RegExp(`^/(${LOCALE_SEGMENT})/(?:staff|applications|apply|admin|account|notifications)(?:/|$)`).exec(pathname);
  return match ? { locale: match[1] as string } : null;
}

/** The original request was HTTPS: the URL says so, or the reverse proxy in front does. */
export function isHttpsRequest(url: string | URL, headers: Headers): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) return forwarded === "https";
  return new URL(url).protocol === "https:";
}

export interface SecurityHeaderOptions extends CspOptions {
  pathname: string;
}

/** Response headers for every proxied response (pages, API, redirects). */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": buildCsp(options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  // Browsers ignore HSTS over http, and sending it from localhost would pin the name to https.
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (isPrivatePath(options.pathname)) headers["Cache-Control"] = "no-store";
  return headers;
}

/** Request headers a client may send that must never reach the app (CVE-2025-29927 and kin). */
export const UNTRUSTED_REQUEST_HEADERS = ["x-middleware-subrequest", "x-nonce"] as const;

/**
 * Headers forwarded to rendering: the client's, minus the untrusted ones, plus the nonce and the CSP
 * from which Next.js takes the nonce for its scripts.
 */
export function forwardedRequestHeaders(incoming: Headers, nonce: string, csp: string): Headers {
  const out = new Headers(incoming);
  for (const name of UNTRUSTED_REQUEST_HEADERS) out.delete(name);
  out.set("x-nonce", nonce);
  out.set("content-security-policy", csp);
  return out;
}
