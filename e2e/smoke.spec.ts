import { expect, test } from "@playwright/test";
import kk from "../lib/i18n/messages/kk/common.json" with { type: "json" };
import ru from "../lib/i18n/messages/ru/common.json" with { type: "json" };
import en from "../lib/i18n/messages/en/common.json" with { type: "json" };
import { expectNoA11yViolations } from "./support/axe";

const COMMON = { kk, ru, en } as const;
const SWITCHER_LABELS = { kk: "Қазақша", ru: "Русский", en: "English" } as const;

for (const locale of ["kk", "ru", "en"] as const) {
  test(`home page in ${locale}: language attribute, app name, no axe violations`, async ({ page }, testInfo) => {
    const response = await page.goto(`/${locale}`);
    expect(response?.status()).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page).toHaveTitle(new RegExp(COMMON[locale].appName));
    await expect(page.getByRole("banner").getByRole("link", { name: COMMON[locale].appName })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(COMMON[locale].home.title);
    await expectNoA11yViolations(page, testInfo);
  });
}

test("the root address leads to the Kazakh home page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/kk\/?$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
});

test("the language switcher changes the interface language", async ({ page }) => {
  await page.goto("/kk");
  const switcher = page.getByRole("navigation", { name: COMMON.kk.language });

  await switcher.getByRole("link", { name: SWITCHER_LABELS.ru }).click();
  await expect(page).toHaveURL(/\/ru\/?$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COMMON.ru.home.title);

  await page.getByRole("navigation", { name: COMMON.ru.language }).getByRole("link", { name: SWITCHER_LABELS.en }).click();
  await expect(page).toHaveURL(/\/en\/?$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COMMON.en.home.title);
  await expect(page.getByRole("navigation", { name: COMMON.en.language }).getByRole("link", { name: SWITCHER_LABELS.en })).toHaveAttribute(
    "aria-current",
    "true",
  );
});

test("GET /api/health answers 200 with the database kind", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toMatchObject({ status: "ok", db: process.env.DATABASE_URL ? "postgres" : "pglite" });
});
