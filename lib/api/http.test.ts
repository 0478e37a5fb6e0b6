import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/routing";
import { apiLocale } from "./i18n";
import { readJson, tooManyRequests, translated, unauthorized, type ApiTranslate } from "./http";

async function translator(locale: Locale): Promise<ApiTranslate> {
  const translate = createTranslator({ locale, messages: await loadMessages(locale) });
  const t = ((key: string, values?: Record<string, string | number>) => translate(key as never, values as never)) as ApiTranslate;
  t.has = (key) => translate.has(key as never);
  return t;
}

describe("apiLocale", () => {
  it.each([
    [null, "en"],
    ["", "en"],
    ["ru-RU,ru;q=0.9,en;q=0.8", "ru"],
    ["en;q=0.5, KK-kz;q=0.8", "kk"],
    ["de-DE, fr;q=0.9", "en"],
    ["ru;q=0, kk;q=0.1", "kk"],
    ["de, ru;q=0.3, en;q=0.3", "ru"],
  ])("%j → %s", (header, locale) => {
    expect(apiLocale(header)).toBe(locale);
  });
});

describe("API messages", () => {
  it("translates known keys, keeps unknown keys for the client, and never passes zod's prose on as a key", async () => {
    const t = await translator("en");
    expect(translated(t, "api.errors.forbidden")).toEqual({ message: "You are not allowed to do this.", messageKey: "api.errors.forbidden" });
    expect(translated(t, "rules.noSuchMessageYet")).toEqual({ message: "This value is not valid.", messageKey: "rules.noSuchMessageYet" });
    expect(translated(t, "Invalid input: expected boolean, received undefined")).toEqual({ message: "This value is not valid.", messageKey: "api.errors.invalidValue" });
  });

  it("429 says when to retry, with Russian plural forms", async () => {
    const ru = await translator("ru");
    const res = tooManyRequests(ru, 3);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("3");
    expect(((await res.json()) as { message: string }).message).toContain("3 секунды");
    expect(((await tooManyRequests(ru, 21).json()) as { message: string }).message).toContain("21 секунду");
  });

  it("without a request translator, errors are in English with their key", async () => {
    const res = unauthorized();
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: "unauthorized",
      message: "Sign in, or send a valid API token in the Authorization header.",
      messageKey: "api.errors.unauthorized",
    });
  });
});

describe("readJson", () => {
  const post = (body: BodyInit, type = "application/json") => new Request("http://localhost/x", { method: "POST", headers: { "content-type": type }, body });

  it("parses JSON bodies, also with a charset or a +json type", async () => {
    const t = await translator("en");
    expect(await readJson(post('{"a":1}'), t)).toEqual({ ok: true, value: { a: 1 } });
    expect(await readJson(post("[1]", "application/json; charset=utf-8"), t)).toEqual({ ok: true, value: [1] });
    expect(await readJson(post("{}", "application/merge-patch+json"), t)).toEqual({ ok: true, value: {} });
  });

  it("refuses bodies over 100 KiB even without a Content-Length", async () => {
    const t = await translator("en");
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request("http://localhost/x", { method: "POST", headers: { "content-type": "application/json" }, body: stream, duplex: "half" } as RequestInit);
    expect(request.headers.get("content-length")).toBeNull();
    const result = await readJson(request, t);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(413);
  });
});
