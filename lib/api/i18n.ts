import "server-only";
import { getTranslations } from "next-intl/server";
import { LOCALES, type Locale } from "@/lib/i18n/routing";
import type { ApiTranslate } from "./http";

/** Integrations get English unless they ask for Kazakh or Russian (the pages default to Kazakh). */
export const API_DEFAULT_LOCALE: Locale = "en";

/** The best of kk/ru/en for an Accept-Language header ("ru-RU,ru;q=0.9,en;q=0.8" → "ru"). */
export function apiLocale(acceptLanguage: string | null): Locale {
  if (!acceptLanguage) return API_DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split("-")[0] ?? "", q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.q > 0 && (LOCALES as readonly string[]).includes(r.lang))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.lang as Locale | undefined) ?? API_DEFAULT_LOCALE;
}

export interface ApiI18n {
  locale: Locale;
  t: ApiTranslate;
}

/** A root translator in the caller's language: engine messages are full keys such as "rules.tr07VisaRequired". */
export async function apiTranslator(request: Request): Promise<ApiI18n> {
  const locale = apiLocale(request.headers.get("accept-language"));
  const translate = await getTranslations({ locale });
  // Keys come from the engine and the service schemas at run time, so they cannot be typed here.
  const t = ((key: string, values?: Record<string, string | number>) => translate(key as never, values as never)) as ApiTranslate;
  t.has = (key: string) => translate.has(key as never);
  return { locale, t };
}
