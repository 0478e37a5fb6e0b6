import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { isLocale, routing } from "@/lib/i18n/routing";

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
  const body = has(template) ? t(template as never, params as never) : template;
  const subject = has(`${template}Subject`) ? t(`${template}Subject` as never, params as never) : t("common.appName" as never);
  return { subject, body };
}
