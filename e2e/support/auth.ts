import { expect, type Browser, type Page } from "@playwright/test";

/** Password the e2e seed gives every demo account. */
export const DEMO_PASSWORD = process.env.E2E_PASSWORD ?? "Demo-Password-2026!";

/**
 * Signs in through the real form. Inputs are located by name, not by label, so the helper works
 * in every interface language.
 */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD, locale = "kk"): Promise<void> {
  await page.goto(`/${locale}/sign-in`);
  const form = page.locator("form").filter({ has: page.locator('input[name="password"]') });
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(password);
  await form.locator('button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in(\?|$)/);
}

const BROWSER_LOCALES: Record<string, string> = { en: "en-GB", kk: "kk-KZ", ru: "ru-RU" };

/** A page in a browser context of its own (Almaty time, the interface language's browser locale), signed in as this account. */
export async function signedInPage(
  browser: Browser,
  baseURL: string | undefined,
  email: string,
  options: { locale?: string; acceptDownloads?: boolean } = {},
): Promise<Page> {
  const locale = options.locale ?? "en";
  const context = await browser.newContext({ baseURL, locale: BROWSER_LOCALES[locale] ?? locale, timezoneId: "Asia/Almaty", acceptDownloads: options.acceptDownloads });
  const page = await context.newPage();
  await signIn(page, email, undefined, locale);
  return page;
}
