import { expect, test } from "@playwright/test";
import portalEn from "../lib/i18n/messages/en/portal.json" with { type: "json" };
import portalKk from "../lib/i18n/messages/kk/portal.json" with { type: "json" };
import portalRu from "../lib/i18n/messages/ru/portal.json" with { type: "json" };
import { expectNoA11yViolations } from "./support/axe";
import { addDays, kzToday } from "./support/dates";

/**
 * The public pages of every service, in all three languages: refugee
 * renewal with its eligibility check, simplified citizenship for kandas, and the home page that
 * leads to each service. Axe on every page.
 */

const PORTAL = { en: portalEn, ru: portalRu, kk: portalKk } as const;

test("every service has a public page reachable from the home page, in kk, ru and en", async ({ page }, testInfo) => {
  for (const locale of ["kk", "ru", "en"] as const) {
    await page.goto(`/${locale}`);
    for (const path of ["temporary-registration", "household-permit", "refugee-renewal", "kandas"]) {
      await expect(page.locator(`main a[href="/${locale}/services/${path}"]`)).toHaveCount(1);
    }
    await expectNoA11yViolations(page, testInfo);

    await page.goto(`/${locale}/services/refugee-renewal`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PORTAL[locale].rf.title);
    await expectNoA11yViolations(page, testInfo);

    await page.goto(`/${locale}/services/kandas/citizenship`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(PORTAL[locale].kc.title);
    await expectNoA11yViolations(page, testInfo);

    await page.goto(`/${locale}/services/kandas`);
    await expect(page.getByRole("heading", { name: PORTAL[locale].kd.termsTitle })).toBeVisible();
    await expectNoA11yViolations(page, testInfo);
  }
});

test("RF-05: the refugee renewal check tells who can apply now, from the status end date, with and without JavaScript", async ({ page, browser }, testInfo) => {
  const today = kzToday();
  const cases: [string, string][] = [
    [addDays(today, 40), "open"],
    [addDays(today, 10), "late"],
    [addDays(today, 120), "not_yet"],
    [addDays(today, -1), "ended"],
  ];
  for (const [endsOn, kind] of cases) {
    await page.goto("/ru/services/refugee-renewal/check");
    await page.locator("#endsOn").fill(endsOn);
    await page.getByRole("button", { name: portalRu.rf.check.submit }).click();
    await expect(page.getByTestId("rf-check-result")).toHaveAttribute("data-result", kind);
    await expectNoA11yViolations(page, testInfo);
  }
  await page.goto("/en/services/refugee-renewal/check?endsOn=");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(portalEn.rf.check.title);
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page.locator("#endsOn")).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page, testInfo);

  // A plain form: the same answer without JavaScript.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  try {
    const plain = await noScript.newPage();
    await plain.goto("/kk/services/refugee-renewal/check");
    await plain.locator("#endsOn").fill(addDays(today, 40));
    await plain.getByRole("button", { name: portalKk.rf.check.submit }).click();
    await expect(plain.getByTestId("rf-check-result")).toHaveAttribute("data-result", "open");
  } finally {
    await noScript.close();
  }
});
