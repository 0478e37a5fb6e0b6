import "server-only";
import { createTranslator } from "next-intl";
import enApi from "@/lib/i18n/messages/en/api.json";
import type { FieldIssue, PerformResult, RuleViolation } from "@/lib/engine/types";
import { toActionResult } from "./dto";
import type { ApprovalRequestedBody, RuleViolationBody, ValidationFailedBody, VersionConflictBody } from "./schemas";

/**
 * JSON API responses. Every error has a stable `error` code, a `message` in the caller's language
 * and the `messageKey` behind it, for clients that translate themselves.
 */

/** A root translator (next-intl `getTranslations({ locale })` without a namespace). */
export interface ApiTranslate {
  (key: string, values?: Record<string, string | number>): string;
  has?: (key: string) => boolean;
}

type Path = (string | number)[];

let english: ApiTranslate | undefined;

/** For callers without a request translator: English API messages (other keys get the generic message). */
export function englishApiTranslator(): ApiTranslate {
  if (!english) {
    const translate = createTranslator({ locale: "en", messages: { api: enApi } });
    const t = ((key: string, values?: Record<string, string | number>) => translate(key as never, values as never)) as ApiTranslate;
    t.has = (key: string) => translate.has(key as never);
    english = t;
  }
  return english;
}

export function json(body: unknown, init: number | ResponseInit = 200): Response {
  const base: ResponseInit = typeof init === "number" ? { status: init } : init;
  const headers = new Headers(base.headers);
  headers.set("content-type", "application/json; charset=utf-8");
  headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(body), { ...base, headers });
}

const FALLBACK_KEY = "api.errors.invalidValue";
// Engine and schema messages are keys like "rules.validation.required"; zod's own defaults are prose.
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/;

/** The message for a key, and the key to report: unknown keys still reach the client, prose does not. */
export function translated(t: ApiTranslate, key: string, values?: Record<string, string | number>): { message: string; messageKey: string } {
  const messageKey = MESSAGE_KEY.test(key) ? key : FALLBACK_KEY;
  const known = t.has ? t.has(messageKey) : true;
  try {
    return { message: t(known ? messageKey : FALLBACK_KEY, known ? values : undefined), messageKey };
  } catch {
    return { message: messageKey, messageKey };
  }
}

export function apiError(t: ApiTranslate, status: number, error: string, messageKey: string, extra: { values?: Record<string, string | number>; body?: Record<string, unknown>; headers?: HeadersInit } = {}): Response {
  return json({ error, ...translated(t, messageKey, extra.values), ...extra.body }, { status, headers: extra.headers });
}

export const unauthorized = (t: ApiTranslate = englishApiTranslator()) =>
  apiError(t, 401, "unauthorized", "api.errors.unauthorized", { headers: { "www-authenticate": 'Bearer realm="api"' } });
export const forbidden = (t: ApiTranslate = englishApiTranslator()) => apiError(t, 403, "forbidden", "api.errors.forbidden");
export const notFound = (t: ApiTranslate = englishApiTranslator()) => apiError(t, 404, "not_found", "api.errors.notFound");
export const badRequest = (t: ApiTranslate = englishApiTranslator()) => apiError(t, 400, "bad_request", "api.errors.badRequest");
export const payloadTooLarge = (t: ApiTranslate = englishApiTranslator()) => apiError(t, 413, "payload_too_large", "api.errors.payloadTooLarge");
export const unsupportedMediaType = (t: ApiTranslate = englishApiTranslator()) => apiError(t, 415, "unsupported_media_type", "api.errors.unsupportedMediaType");
export const internalError = (t: ApiTranslate = englishApiTranslator()) => apiError(t, 500, "internal_error", "api.errors.internal");
export const tooManyRequests = (t: ApiTranslate, retryAfterSeconds: number) =>
  apiError(t, 429, "too_many_requests", "api.errors.tooManyRequests", {
    values: { seconds: retryAfterSeconds },
    body: { retryAfterSeconds },
    headers: { "retry-after": String(retryAfterSeconds) },
  });

export function validationFailed(t: ApiTranslate, issues: FieldIssue[], prefix: Path = []): Response {
  const body: ValidationFailedBody = {
    error: "validation_failed",
    ...translated(t, "api.errors.validationFailed"),
    issues: issues.map((i) => ({ path: [...prefix, ...i.path], ...translated(t, i.message) })),
  };
  return json(body, 422);
}

export function ruleViolation(t: ApiTranslate, violations: RuleViolation[], prefix: Path = []): Response {
  const shown = violations.map((v) => ({ rule: v.rule, ...translated(t, v.messageKey, v.values), ...(v.path ? { path: [...prefix, ...v.path] } : {}) }));
  const [first] = shown;
  const body: RuleViolationBody = {
    error: "rule_violation",
    rule: first?.rule ?? "",
    message: first?.message ?? translated(t, FALLBACK_KEY).message,
    messageKey: first?.messageKey ?? FALLBACK_KEY,
    violations: shown,
  };
  return json(body, 422);
}

export function versionConflict(t: ApiTranslate, currentVersion?: number): Response {
  const body: VersionConflictBody = { error: "version_conflict", ...translated(t, "api.errors.versionConflict"), ...(currentVersion !== undefined ? { currentVersion } : {}) };
  return json(body, 409);
}

export interface ResultResponseOptions<T> {
  /** Status of a success (default 200). */
  status?: number;
  /** Where the engine's input sits in the request body, e.g. ["data"]; prefixed to issue paths. */
  pathPrefix?: Path;
  headers?: (body: T) => HeadersInit;
}

type Ok = Extract<PerformResult, { ok: true }>;

/** The engine's outcome as an HTTP response; `ok` is rendered by the caller's mapper. */
export function performResultResponse<T>(t: ApiTranslate, result: PerformResult, ok: (r: Ok) => T, options: ResultResponseOptions<T> = {}): Response {
  if (result.ok) {
    const body = ok(result);
    return json(body, { status: options.status ?? 200, headers: options.headers?.(body) });
  }
  switch (result.error) {
    case "validation_failed":
      return validationFailed(t, result.issues, options.pathPrefix);
    case "rule_violation":
      return ruleViolation(t, result.violations, options.pathPrefix);
    case "version_conflict":
      return versionConflict(t, result.currentVersion);
    case "forbidden":
      return forbidden(t);
    case "not_found":
      return notFound(t);
    case "approval_requested": {
      const body: ApprovalRequestedBody = { outcome: "approval_requested", ...translated(t, "api.outcomes.approvalRequested"), approvalId: result.approvalId, case: toActionResult(result.case) };
      return json(body, 202);
    }
  }
}

/** 100 KiB: an application is a few kilobytes; anything far larger is a mistake or an attack. */
export const MAX_BODY_BYTES = 100 * 1024;

async function readLimited(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function isJsonType(contentType: string | null): boolean {
  const type = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/** The request body as parsed JSON, or the response to send instead (400, 413 or 415). */
export async function readJson(request: Request, t: ApiTranslate): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  // HTML forms cannot send application/json cross-site without a CORS preflight, which is never
  // granted: with cookie sessions this keeps other sites from posting on a signed-in user's behalf.
  if (!isJsonType(request.headers.get("content-type"))) return { ok: false, response: unsupportedMediaType(t) };
  // Stops reading at the limit: a missing or false Content-Length does not let a huge body through.
  const raw = await readLimited(request, MAX_BODY_BYTES);
  if (raw === null) return { ok: false, response: payloadTooLarge(t) };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false, response: badRequest(t) };
  }
}
