import { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "@/lib/i18n/routing";
import {
  buildCsp,
  forwardedRequestHeaders,
  generateNonce,
  isHttpsRequest,
  securityHeaders,
  signInRedirectFor,
} from "@/lib/security/headers";

const intl = createMiddleware(routing);

// Auth.js session cookie, plain or __Secure- prefixed (https), possibly split into chunks.
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/;

/**
 * Locale routing, a per-request CSP nonce and security headers. This is NOT an access check: the
 * redirect to sign-in is a convenience for people without any session cookie; every page, action
 * and route handler authorises through lib/dal (the proxy can be skipped, cf. CVE-2025-29927).
 */
export default function proxy(request: NextRequest): Response {
  const { pathname, search } = request.nextUrl;
  const nonce = generateNonce();
  const https = isHttpsRequest(request.url, request.headers);
  const dev = process.env.NODE_ENV === "development";
  const csp = buildCsp({ nonce, https, dev });
  const forwarded = forwardedRequestHeaders(request.headers, nonce, csp);

  let response: Response;
  const signInTarget = signInRedirectFor(pathname);
  if (pathname.startsWith("/api/")) {
    response = NextResponse.next({ request: { headers: forwarded } });
  } else if (signInTarget && !request.cookies.getAll().some((c) => SESSION_COOKIE.test(c.name))) {
    const url = new URL(`/${signInTarget.locale}/sign-in`, request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(url);
  } else {
    // next-intl forwards the headers of the request it is given; it needs no body, so the real
    // request (and a server action's payload) is left untouched.
    response = intl(new NextRequest(request.url, { method: request.method, headers: forwarded }));
  }

  for (const [name, value] of Object.entries(securityHeaders({ nonce, https, dev, pathname }))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
