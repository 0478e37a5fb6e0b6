import "server-only";
import { getLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/routing";

/** A posted text field; "" when it is missing or a file. Not trimmed. */
export function formText(formData: FormData, name: string): string {
  const v = formData.get(name);
  return typeof v === "string" ? v : "";
}

/** Every posted value of a repeated field (a checkbox group), files left out. */
export function formList(formData: FormData, name: string): string[] {
  return formData.getAll(name).filter((v): v is string => typeof v === "string");
}

/** The interface language a form was posted from (a hidden field), else the request's, else Kazakh. */
export async function formLocale(formData: FormData): Promise<Locale> {
  const raw = formText(formData, "locale");
  if (isLocale(raw)) return raw;
  const current = await getLocale();
  return isLocale(current) ? current : "kk";
}
