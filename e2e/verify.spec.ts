import { expect, test } from "@playwright/test";
import en from "../lib/i18n/messages/en/public.json" with { type: "json" };
import portalEn from "../lib/i18n/messages/en/portal.json" with { type: "json" };
import { signIn } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { addDays, kzToday } from "./support/dates";
import { formatCaseReference } from "../lib/rules/case-reference";

/**
 * Document verification as the public uses it, in every language: by the QR address and by the
 * document number with the holder's date of birth, the latter also without JavaScript. The pages
 * show the verdict and the type only; the holder's name, passport number and birth date never.
 */

const HOLDER = { surname: "KARIMOV", givenNames: "AZIZ", passport: "FA1234567", birthDate: "1990-05-14" };
const PERSONAL = [HOLDER.surname, HOLDER.givenNames, HOLDER.passport, HOLDER.birthDate, "14.05.1990", "K****** A***"];

test("a registration slip verifies by its QR address and by number + date of birth, in kk, ru and en, without any personal data", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  // The demo applicant's first case is registered and has a slip.
  const reference = formatCaseReference("TR", Number(addDays(kzToday(), -2).slice(0, 4)), 1);
  await signIn(page, "applicant@demo.kz", undefined, "en");
  await page.goto(`/en/applications/${reference}`);
  const href = (await page.locator('a[href*="/verify/"]').first().getAttribute("href"))!;
  const token = href.split("/verify/")[1]!;
  const number = /TRS-\d{4}-\d{6}-[A-Z]/.exec((await page.locator("main").textContent()) ?? "")![0];

  const context = await browser.newContext();
  const visitor = await context.newPage();
  try {
    for (const locale of ["kk", "ru", "en"]) {
      await visitor.goto(`/${locale}/verify/${token}`);
      await expect(visitor.getByTestId("verdict")).toHaveAttribute("data-verdict", "valid");
      const main = (await visitor.locator("main").textContent()) ?? "";
      for (const value of PERSONAL) expect(main, `${locale} QR page`).not.toContain(value);
      await expectNoA11yViolations(visitor, testInfo);

      await visitor.goto(`/${locale}/verify`);
      const form = visitor.getByTestId("verify-by-number");
      await form.locator("#number").fill(number.toLowerCase());
      await form.locator("#birthDate").fill(HOLDER.birthDate);
      await form.locator('button[type="submit"]').click();
      await expect(visitor.getByTestId("verdict")).toHaveAttribute("data-verdict", "valid");
      // The answer takes the focus, so a screen reader reads it out.
      await expect(visitor.locator("#verdict")).toBeFocused();
      const answered = (await visitor.locator("main").textContent()) ?? "";
      // The typed number is still in its field; the answer itself repeats nothing personal.
      for (const value of PERSONAL) expect((await visitor.getByTestId("verdict").textContent()) ?? "", `${locale} number form`).not.toContain(value);
      expect(answered).not.toContain(HOLDER.surname);
      await expectNoA11yViolations(visitor, testInfo);
    }

    // A wrong date of birth is "not found", the same as a wrong number.
    await visitor.goto("/en/verify");
    const form = visitor.getByTestId("verify-by-number");
    await form.locator("#number").fill(number);
    await form.locator("#birthDate").fill("1990-05-15");
    await form.locator('button[type="submit"]').click();
    await expect(visitor.getByTestId("verdict")).toHaveAttribute("data-verdict", "not_found");
    await expect(visitor.getByTestId("verdict").getByRole("heading")).toHaveText(en.verify.verdict.not_found.title);

    // A missing date: the error summary links to the field, and the number typed is kept.
    await form.locator("#birthDate").fill("");
    await form.locator('button[type="submit"]').click();
    await expect(visitor.getByTestId("error-summary")).toContainText(portalEn.verify.errors.birthDateRequired);
    await expect(form.locator("#number")).toHaveValue(number);
  } finally {
    await context.close();
  }

  // Without JavaScript the form posts and the server renders the verdict.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noScript.newPage();
  try {
    await plain.goto("/en/verify");
    const form = plain.getByTestId("verify-by-number");
    await form.locator("#number").fill(number);
    await form.locator("#birthDate").fill(HOLDER.birthDate);
    await form.locator('button[type="submit"]').click();
    await expect(plain.getByTestId("verdict")).toHaveAttribute("data-verdict", "valid");
    expect((await plain.locator("main").textContent()) ?? "").not.toContain(HOLDER.surname);
  } finally {
    await noScript.close();
  }
});
