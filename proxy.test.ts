import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import proxy from "./proxy";

function forwardedHeaders(response: Response): Map<string, string> {
  const names = (response.headers.get("x-middleware-override-headers") ?? "").split(",").filter(Boolean);
  return new Map(names.map((n) => [n, response.headers.get(`x-middleware-request-${n}`) ?? ""]));
}

describe("proxy", () => {
  it("passes the nonce and CSP to rendering and strips x-middleware-subrequest (CVE-2025-29927)", () => {
    const response = proxy(
      new NextRequest("http://localhost:3000/kk/status", {
        headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware", "x-nonce": "forged" },
      }),
    );
    const forwarded = forwardedHeaders(response);
    expect(forwarded.has("x-middleware-subrequest")).toBe(false);
    const nonce = forwarded.get("x-nonce");
    expect(nonce).toBeTruthy();
    expect(nonce).not.toBe("forged");
    expect(forwarded.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    expect(response.headers.get("content-security-policy")).toBe(forwarded.get("content-security-policy"));
    expect(forwarded.get("x-next-intl-locale")).toBe("kk");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.has("strict-transport-security")).toBe(false);
  });

  it("a fresh nonce per request", () => {
    const a = forwardedHeaders(proxy(new NextRequest("http://localhost:3000/kk"))).get("x-nonce");
    const b = forwardedHeaders(proxy(new NextRequest("http://localhost:3000/kk"))).get("x-nonce");
    expect(a).not.toBe(b);
  });

  it("sends visitors without a session cookie from the staff area to sign-in, keeping where they were going", () => {
    const response = proxy(new NextRequest("http://localhost:3000/ru/staff/queue?sort=due"));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/ru/sign-in");
    expect(location.searchParams.get("callbackUrl")).toBe("/ru/staff/queue?sort=due");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("lets a request with a session cookie through (the page itself checks it) and marks it no-store", () => {
    const response = proxy(
      new NextRequest("https://migration.example.kz/kk/staff", { headers: { cookie: "__Secure-authjs.session-token=x" } }),
    );
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("strict-transport-security")).toMatch(/^max-age=/);
  });

  it("API routes skip locale routing but still get the headers; a bearer token is not redirected", () => {
    const response = proxy(
      new NextRequest("http://localhost:3000/api/v1/cases", {
        headers: { authorization: "Bearer kzm_x", "x-middleware-subrequest": "middleware" },
      }),
    );
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const forwarded = forwardedHeaders(response);
    expect(forwarded.has("x-middleware-subrequest")).toBe(false);
    expect(forwarded.get("authorization")).toBe("Bearer kzm_x");
    expect(forwarded.has("x-next-intl-locale")).toBe(false);
  });

  it("unprefixed paths are redirected to a locale by next-intl, with security headers", () => {
    const response = proxy(new NextRequest("http://localhost:3000/status"));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get("location") ?? "").pathname).toBe("/kk/status");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
  });
});
