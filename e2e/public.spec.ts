import { expect, test, type Page } from "@playwright/test";
import { formatCaseReference } from "../lib/rules/case-reference";
import en from "../lib/i18n/messages/en/public.json" with { type: "json" };
import kk from "../lib/i18n/messages/kk/public.json" with { type: "json" };
import { signIn } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { addDays, kzToday as todayInAlmaty } from "./support/dates";

async function checkEligibility(page: Page, citizenship: string, entryDate: string, eaeuWorker: "yes" | "no") {
  await page.goto("/en/services/temporary-registration/check");
  await page.locator("#citizenship").selectOption(citizenship);
  await page.locator("#entryDate").fill(entryDate);
  await page.locator(`#eaeuWorker-${eaeuWorker}`).check();
  await page.locator("form").getByRole("button", { name: en.check.submit }).click();
  await expect(page).toHaveURL(/citizenship=/);
  return page.getByTestId("eligibility-result");
}

test.describe("temporary registration service page", () => {
  test("explains the service with numbers from the rule parameters, in Kazakh, without axe violations", async ({ page }, testInfo) => {
    await page.goto("/kk/services/temporary-registration");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(kk.service.title);
    // The seeded parameter is 5 days (TR-02); the text quotes it.
    await expect(page.getByText(/5 күнтізбелік күн ішінде/).first()).toBeVisible();
    await expect(page.getByRole("link", { name: kk.service.start })).toHaveAttribute("href", "/kk/apply/temporary-registration");
    await expectNoA11yViolations(page, testInfo);
  });
});

test.describe("eligibility check", () => {
  const today = todayInAlmaty();

  test("TR-02: an Uzbek visitor who entered today must register within 5 days", async ({ page }, testInfo) => {
    const result = await checkEligibility(page, "UZB", today, "no");
    await expect(result).toHaveAttribute("data-outcome", "required");
    await expect(result.locator("time")).toHaveAttribute("datetime", addDays(today, 5));
    await expect(result).toContainText("TR-02");
    await expectNoA11yViolations(page, testInfo);
  });

  test("TR-01: a citizen of Kazakhstan does not need to register", async ({ page }) => {
    const result = await checkEligibility(page, "KAZ", today, "no");
    await expect(result).toHaveAttribute("data-outcome", "citizen");
    await expect(result.getByRole("heading")).toHaveText(en.check.result.citizen.title);
  });

  test("TR-05: a Kyrgyz worker need not register yet, with the last day 30 days after entry", async ({ page }) => {
    const result = await checkEligibility(page, "KGZ", today, "yes");
    await expect(result).toHaveAttribute("data-outcome", "notYetRequired");
    await expect(result.locator("time")).toHaveAttribute("datetime", addDays(today, 30));
    await expect(result).toContainText("TR-05");
  });

  test("TR-09: entry ten days ago is late", async ({ page }) => {
    const result = await checkEligibility(page, "UZB", addDays(today, -10), "no");
    await expect(result).toHaveAttribute("data-outcome", "late");
    await expect(result.locator("time")).toHaveAttribute("datetime", addDays(today, -5));
  });

  test("an empty form shows an error summary linking to each field", async ({ page }, testInfo) => {
    await page.goto("/en/services/temporary-registration/check?citizenship=&entryDate=");
    const summary = page.getByTestId("error-summary");
    await expect(summary.getByRole("link")).toHaveCount(3);
    await expect(summary.getByRole("link").first()).toHaveAttribute("href", "#citizenship");
    await expect(page.getByTestId("eligibility-result")).toHaveCount(0);
    await expectNoA11yViolations(page, testInfo);
  });
});

test.describe("public status check", () => {
  // The e2e seed files the demo applicant's cases first, the first one with passport FA1234567.
  const reference = formatCaseReference("TR", Number(addDays(todayInAlmaty(), -2).slice(0, 4)), 1);

  test("answers a wrong passport number with the generic not-found, and is marked noindex", async ({ page }, testInfo) => {
    await page.goto("/en/status");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await page.locator("#reference").fill(reference);
    await page.locator("#documentNumber").fill("ZZ0000000");
    await page.getByRole("button", { name: en.status.submit }).click();
    await expect(page.getByTestId("status-not-found")).toContainText(en.status.notFound.title);
    await expect(page.getByTestId("status-result")).toHaveCount(0);
    // Nothing typed is lost, and the passport number never goes into the address.
    await expect(page.locator("#documentNumber")).toHaveValue("ZZ0000000");
    expect(page.url()).not.toContain("ZZ0000000");
    await expectNoA11yViolations(page, testInfo);
  });

  test("shows only the status of a case found by reference and passport number", async ({ page }) => {
    await page.goto("/en/status");
    await page.locator("#reference").fill(reference.toLowerCase());
    await page.locator("#documentNumber").fill("fa 1234567");
    await page.getByRole("button", { name: en.status.submit }).click();
    const result = page.getByTestId("status-result");
    await expect(result).toContainText(reference);
    await expect(result).toContainText(en.status.result.status);
    await expect(result).not.toContainText("FA1234567");
    await expect(result).not.toContainText("KARIMOV");
  });

  test("a mistyped reference is caught by its check character", async ({ page }) => {
    const wrong = reference.slice(0, -1) + (reference.endsWith("A") ? "B" : "A");
    await page.goto("/en/status");
    await page.locator("#reference").fill(wrong);
    await page.locator("#documentNumber").fill("FA1234567");
    await page.getByRole("button", { name: en.status.submit }).click();
    await expect(page.getByTestId("error-summary")).toContainText(en.status.errors.referenceMistyped);
    await expect(page.getByTestId("status-not-found")).toHaveCount(0);
  });

  test("works with JavaScript disabled", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto("/en/status");
      await page.locator("#reference").fill(reference);
      await page.locator("#documentNumber").fill("ZZ0000000");
      await page.getByRole("button", { name: en.status.submit }).click();
      await expect(page.getByTestId("status-not-found")).toContainText(en.status.notFound.title);
      await expect(page.locator("#documentNumber")).toHaveValue("ZZ0000000");

      await page.locator("#reference").fill("");
      await page.getByRole("button", { name: en.status.submit }).click();
      await expect(page.getByTestId("error-summary")).toContainText(en.status.errors.referenceRequired);
    } finally {
      await context.close();
    }
  });
});

test.describe("document verification", () => {
  test("a junk token shows no document found, marked noindex", async ({ page }, testInfo) => {
    await page.goto("/en/verify/junk-token");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "not_found");
    await expect(page.getByTestId("verdict").getByRole("heading")).toHaveText(en.verify.verdict.not_found.title);
    await expectNoA11yViolations(page, testInfo);
  });

  test("a well-formed but unknown token pasted as an address is looked up and not found", async ({ page }, testInfo) => {
    const token = "A".repeat(42) + "A";
    await page.goto("/en/verify");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    await expectNoA11yViolations(page, testInfo);
    await page.locator("#code").fill(`https://example.kz/kk/verify/${token}`);
    await page.getByRole("button", { name: en.verify.submit, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/en/verify/${token}$`));
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "not_found");
  });

  test("the QR page of an issued registration slip says Valid and shows no passport number or full name", async ({ page, browser }, testInfo) => {
    // The demo applicant's first case is registered, so it has a slip; their case page links to its QR page.
    const reference = formatCaseReference("TR", Number(addDays(todayInAlmaty(), -2).slice(0, 4)), 1);
    await signIn(page, "applicant@demo.kz", undefined, "en");
    await page.goto(`/en/applications/${reference}`);
    const href = await page.locator('a[href*="/verify/"]').first().getAttribute("href");
    expect(href).toMatch(/\/verify\/[A-Za-z0-9_-]{43}$/);

    // Whoever scans the code is not signed in.
    const context = await browser.newContext();
    const anonymous = await context.newPage();
    try {
      await anonymous.goto(href!);
      const verdict = anonymous.getByTestId("verdict");
      await expect(verdict).toHaveAttribute("data-verdict", "valid");
      await expect(verdict.getByRole("heading")).toHaveText(en.verify.verdict.valid.title);
      const main = anonymous.locator("main");
      await expect(main).toContainText(en.verify.types.registration_slip);
      // Only the verdict and the type: not even a masked name.
      await expect(main).not.toContainText("K****** A***");
      await expect(main).not.toContainText("KARIMOV");
      await expect(main).not.toContainText("FA1234567");
      await expectNoA11yViolations(anonymous, testInfo);
    } finally {
      await context.close();
    }
  });

  test("the verify form rejects something that is not a code", async ({ page }) => {
    await page.goto("/en/verify?code=hello");
    await expect(page.getByTestId("error-summary")).toContainText(en.verify.errors.malformed);
  });
});

test("an unknown page inside a locale answers 404", async ({ page }) => {
  const response = await page.goto("/en/no-such-page");
  expect(response?.status()).toBe(404);
});
