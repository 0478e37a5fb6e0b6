import "server-only";
import type { FieldIssue, PerformResult, RuleViolation } from "@/lib/engine/types";

/** JSON API responses. Errors have a stable `error` code; messages are English, keys are included for clients that translate. */

type Translate = (key: string, values?: Record<string, string | number>) => string;

export function json(body: unknown, init: number | ResponseInit = 200): Response {
  const base: ResponseInit = typeof init === "number" ? { status: init } : init;
  const headers = new Headers(base.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...base, headers });
}

export const unauthorized = () => json({ error: "unauthorized" }, { status: 401, headers: { "www-authenticate": 'Bearer realm="api"' } });
export const forbidden = () => json({ error: "forbidden" }, 403);
export const notFound = () => json({ error: "not_found" }, 404);
export const tooManyRequests = (retryAfterSeconds: number) =>
  json({ error: "too_many_requests", retryAfterSeconds }, { status: 429, headers: { "retry-after": String(retryAfterSeconds) } });

export function validationFailed(t: Translate, issues: FieldIssue[]): Response {
  return json({ error: "validation_failed", issues: issues.map((i) => ({ path: i.path, message: safeT(t, i.message), messageKey: i.message })) }, 422);
}

function safeT(t: Translate, key: string, values?: Record<string, string | number>): string {
  try {
    return t(key, values);
  } catch {
    return key;
  }
}

export function ruleViolation(t: Translate, violations: RuleViolation[]): Response {
  const [first] = violations;
  return json(
    {
      error: "rule_violation",
      rule: first?.rule,
      message: first ? safeT(t, first.messageKey, first.values) : undefined,
      violations: violations.map((v) => ({ rule: v.rule, message: safeT(t, v.messageKey, v.values), messageKey: v.messageKey, path: v.path })),
    },
    422,
  );
}

/** The engine's outcome as an HTTP response; `ok` is rendered by the caller's mapper. */
export function performResultResponse<T>(t: Translate, result: PerformResult, ok: (r: Extract<PerformResult, { ok: true }>) => T, okStatus = 200): Response {
  if (result.ok) return json(ok(result), okStatus);
  switch (result.error) {
    case "validation_failed":
      return validationFailed(t, result.issues);
    case "rule_violation":
      return ruleViolation(t, result.violations);
    case "version_conflict":
      return json({ error: "version_conflict", currentVersion: result.currentVersion }, 409);
    case "forbidden":
      return forbidden();
    case "not_found":
      return notFound();
  }
}
