import { describe, expect, it } from "vitest";
import {
  buildCsp,
  forwardedRequestHeaders,
  generateNonce,
  isHttpsRequest,
  isPrivatePath,
  securityHeaders,
  signInRedirectFor,
} from "./headers";

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name as string, values];
    }),
  );
}

describe("Content-Security-Policy", () => {
  it("carries the nonce for scripts and styles, strict-dynamic, and no unsafe-inline for scripts", () => {
    const csp = directives(buildCsp({ nonce: "abc123==", https: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("forbids framing, plugins, foreign forms and base URLs", () => {
    const csp = directives(buildCsp({ nonce: "n", https: true }));
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
  });

  it("upgrades insecure requests only over https", () => {
    expect(directives(buildCsp({ nonce: "n", https: true })).has("upgrade-insecure-requests")).toBe(true);
    expect(directives(buildCsp({ nonce: "n", https: false })).has("upgrade-insecure-requests")).toBe(false);
  });

  it("adds eval only in development", () => {
    expect(buildCsp({ nonce: "n", https: false })).not.toContain("unsafe-eval");
    expect(directives(buildCsp({ nonce: "n", https: false, dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("nonces are fresh, 128-bit, and in the form Next.js extracts", () => {
    const a = generateNonce();
    expect(a).not.toBe(generateNonce());
    expect(atob(a)).toHaveLength(16);
    expect(`'nonce-${a}'`).toMatch(/^'nonce-([A-Za-z0-9+/_-]+={0,2})'$/);
  });
});

describe("security response headers", () => {
  it("sends the fixed hardening headers everywhere", () => {
    const h = securityHeaders({ nonce: "n", https: false, pathname: "/kk" });
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["Permissions-Policy"]).toContain("camera=()");
    expect(h["Content-Security-Policy"]).toContain("'nonce-n'");
  });

  it("sends HSTS only for https requests", () => {
    expect(securityHeaders({ nonce: "n", https: true, pathname: "/kk" })["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
    expect(securityHeaders({ nonce: "n", https: false, pathname: "/kk" })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("marks private areas no-store and leaves public pages cacheable", () => {
    for (const p of ["/kk/staff", "/ru/staff/cases/1", "/en/applications", "/kk/apply/tr", "/kk/admin/tokens", "/api/v1/cases", "/api/auth/session", "/kk/sign-in"]) {
      expect(securityHeaders({ nonce: "n", https: false, pathname: p })["Cache-Control"], p).toBe("no-store");
    }
    for (const p of ["/kk", "/ru/status", "/en/services/tr", "/kk/staffing", "/api/public/verify"]) {
      expect(isPrivatePath(p), p).toBe(false);
    }
  });

  it("recognises https from the URL or from X-Forwarded-Proto", () => {
    expect(isHttpsRequest("https://example.kz/kk", new Headers())).toBe(true);
    expect(isHttpsRequest("http://localhost:3000/kk", new Headers())).toBe(false);
    expect(isHttpsRequest("http://localhost:3000/kk", new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest("http://localhost:3000/kk", new Headers({ "x-forwarded-proto": "http" }))).toBe(false);
  });
});

describe("forwarded request headers", () => {
  it("drops x-middleware-subrequest and a client-sent nonce, adds ours and the CSP", () => {
    const incoming = new Headers({ "x-middleware-subrequest": "middleware:middleware:middleware", "x-nonce": "evil", cookie: "a=b" });
    const out = forwardedRequestHeaders(incoming, "good", "script-src 'nonce-good'");
    expect(out.has("x-middleware-subrequest")).toBe(false);
    expect(out.get("x-nonce")).toBe("good");
    expect(out.get("content-security-policy")).toBe("script-src 'nonce-good'");
    expect(out.get("cookie")).toBe("a=b");
  });
});

describe("sign-in redirect convenience", () => {
  it("applies to staff and applicant areas only", () => {
    expect(signInRedirectFor("/ru/staff/queue")).toEqual({ locale: "ru" });
    expect(signInRedirectFor("/kk/applications")).toEqual({ locale: "kk" });
    expect(signInRedirectFor("/en/admin/tokens")).toEqual({ locale: "en" });
    expect(signInRedirectFor("/kk/sign-in")).toBeNull();
    expect(signInRedirectFor("/kk/status")).toBeNull();
    expect(signInRedirectFor("/api/v1/cases")).toBeNull();
  });
});
