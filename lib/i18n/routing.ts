import { defineRouting } from "next-intl/routing";

export const LOCALES = ["kk", "ru", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const routing = defineRouting({
  locales: LOCALES,
  // Kazakh is the state language.
  defaultLocale: "kk",
  localePrefix: "always",
});

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}
