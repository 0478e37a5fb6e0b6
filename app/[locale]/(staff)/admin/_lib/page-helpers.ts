import "server-only";
import type { Metadata } from "next";
import { hasLocale } from "next-intl";
import { getTranslations } from "next-intl/server";
import { routing } from "@/lib/i18n/routing";
import { SCHEMA_MESSAGE_KEYS } from "./schemas";
import type { AdminTranslate } from "./action-state";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/schemas";

/** A translated page title from the "admin" namespace. */
export async function adminMetadata(params: Promise<{ locale: string }>, key: string): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: "admin" });
  return { title: t(key) };
}

/** Translations of every schema message key, for the client forms (they get no messages of their own). */
export function schemaMessages(t: AdminTranslate): Record<string, string> {
  return Object.fromEntries(SCHEMA_MESSAGE_KEYS.map((key) => [key, t(key, { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH })]));
}

/** A message key from a query string, shown only when it is one of ours. */
export function knownCode(t: { has(key: string): boolean }, prefix: string, raw: string | string[] | undefined): string | null {
  const code = typeof raw === "string" && /^[A-Za-z]{1,40}$/.test(raw) ? raw : null;
  return code && t.has(`${prefix}.${code}`) ? `${prefix}.${code}` : null;
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
