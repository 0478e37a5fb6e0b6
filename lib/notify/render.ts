import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { isLocale, routing } from "@/lib/i18n/routing";

const INTL_LOCALES: Record<string, string> = { kk: "kk-KZ", ru: "ru-RU", en: "en-GB" };
const CIVIL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Civil dates in the params ("2026-03-05") as the reader writes them ("5 March 2026"). */
function readable(params: Record<string, unknown>, locale: string): Record<string, unknown> {
  const format = new Intl.DateTimeFormat(INTL_LOCALES[locale] ?? locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === "string" && CIVIL_DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ? format.format(new Date(`${v}T00:00:00Z`)) : v]),
  );
}

export interface RenderedMessage {
  subject: string;
  body: string;
}

/**
 * A notification in its recipient's language. The template is a message key; an optional
 * "<key>Subject" sibling gives the email subject, otherwise the application's name does.
 */
export async function renderNotification(template: string, params: Record<string, unknown>, locale: string): Promise<RenderedMessage> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const t = createTranslator({ locale: lang, messages: await loadMessages(lang) });
  const has = (key: string) => t.has(key as never);
  const values = readable(params, lang);
  const body = has(template) ? t(template as never, values as never) : template;
  const subject = has(`${template}Subject`) ? t(`${template}Subject` as never, values as never) : t("common.appName" as never);
  return { subject, body };
}

/** Text messages are short: a longer one would be split into many paid parts. */
export const SMS_MAX_LENGTH = 300;

/**
 * A text message in its recipient's language: the template's "<key>Sms" sibling, a short text
 * written for SMS (the event's long text is never cut into one).
 */
export async function renderSms(template: string, params: Record<string, unknown>, locale: string): Promise<string> {
  const lang = isLocale(locale) ? locale : routing.defaultLocale;
  const t = createTranslator({ locale: lang, messages: await loadMessages(lang) });
  const key = `${template}Sms`;
  if (!t.has(key as never)) throw new Error(`No SMS text for ${template}`);
  return t(key as never, readable(params, lang) as never).slice(0, SMS_MAX_LENGTH);
}

/** Whether an event goes by SMS too: only templates with a short "<key>Sms" text do. */
export async function hasSmsText(template: string): Promise<boolean> {
  const t = createTranslator({ locale: "en", messages: await loadMessages("en") });
  return t.has(`${template}Sms` as never);
}
