import { expect, test, type Browser, type Page } from "@playwright/test";
import common from "../lib/i18n/messages/en/common.json" with { type: "json" };
import contact from "../lib/i18n/messages/en/contact.json" with { type: "json" };
import drafts from "../lib/i18n/messages/en/drafts.json" with { type: "json" };
import hp from "../lib/i18n/messages/en/hp.json" with { type: "json" };
import tr from "../lib/i18n/messages/en/tr.json" with { type: "json" };
import { signIn } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { addDays, kzToday } from "./support/dates";

/**
 * Drafts kept on the server: an application started in one browser is continued in another (same
 * account, no shared storage), and a submit whose response is lost, then sent again, files one
 * application. A single-page form is saved for later, resumed and discarded.
 */

const PASSWORD = "Drafts-Password-2026!";
const F = tr.form.fields;
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const heading = (page: Page) => page.getByRole("heading", { level: 1 });
const continueStep = (page: Page) => page.getByRole("button", { name: common.actions.continue }).click();

async function signUp(page: Page): Promise<string> {
  const email = `drafts-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
  await page.goto("/en/sign-up");
  const form = page.locator("form").filter({ has: page.locator('input[name="confirmPassword"]') });
  await form.locator('input[name="displayName"]').fill("Aziz Karimov");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.locator('input[name="confirmPassword"]').fill(PASSWORD);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/en\/applications$/);
  return email;
}

/** A second browser: its own cookies and storage, as on another device. */
async function otherDevice(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: "en-GB", timezoneId: "Asia/Almaty" });
  const page = await context.newPage();
  await signIn(page, email, PASSWORD, "en");
  return page;
}

test("a temporary registration started on one device is continued on another, and a retried submit files it once", async ({ page, browser }, testInfo) => {
  const email = await signUp(page);
  await page.goto("/en/apply/temporary-registration");
  await expect(page.getByText(drafts.wizard.savedOnServer)).toBeVisible();
  await field(page, F.person.surname.label).fill("KARIMOV");
  await field(page, F.person.givenNames.label).fill("AZIZ");
  await field(page, F.person.birthDate.label).fill("1990-05-14");
  await page.getByRole("radio", { name: tr.sexes.M, exact: true }).check();
  await field(page, F.person.citizenship.label).selectOption({ label: "Uzbekistan" });
  await continueStep(page);
  await field(page, F.passport.passportType.label).selectOption("national");
  await field(page, F.passport.passportNumber.label).fill("FA7654321");
  await field(page, F.passport.passportExpiresOn.label).fill("2031-01-01");
  await continueStep(page);
  await expect(heading(page)).toHaveText(tr.form.pages.stay.title);

  // Device B: My applications lists the unsent application; Continue opens it on the stay step.
  const phone = await otherDevice(browser, email);
  await phone.goto("/en/applications");
  const draft = phone.getByTestId("draft");
  await expect(draft).toHaveCount(1);
  await expect(draft).toContainText(tr.serviceName);
  await expectNoA11yViolations(phone, testInfo);
  await draft.getByRole("link", { name: new RegExp(`^${drafts.my.continue}`) }).click();
  await expect(heading(phone)).toHaveText(tr.form.pages.stay.title);
  await expect(phone.getByText("Step 3 of 5")).toBeVisible();
  await phone.getByRole("button", { name: common.actions.back }).click();
  await expect(field(phone, F.passport.passportNumber.label)).toHaveValue("FA7654321");
  await continueStep(phone);

  const today = kzToday();
  await field(phone, F.stay.entryDate.label).fill(addDays(today, -1));
  await field(phone, F.stay.purpose.label).selectOption("private_visit");
  await field(phone, F.stay.requestedEndDate.label).fill(addDays(today, 20));
  await continueStep(phone);
  await field(phone, F.address.region.label).selectOption("KZ-ALA");
  await field(phone, F.address.city.label).fill("Almaty");
  await field(phone, F.address.street.label).fill("Abay avenue");
  await field(phone, F.address.building.label).fill("10");
  await continueStep(phone);
  await phone.getByRole("radio", { name: tr.hostKinds.individual }).check();
  await field(phone, F.host.identifier.label).fill("850412300016");
  await field(phone, F.host.name.label).fill("Serik Akhmetov");
  await field(phone, F.host.phone.label).fill("+7 701 123 45 67");
  await continueStep(phone);
  await expect(heading(phone)).toHaveText(tr.form.pages.check.title);

  // The first submit reaches the server and files, but its response never arrives.
  let lost = 0;
  await phone.route("**/en/apply/temporary-registration", async (route) => {
    const request = route.request();
    if (lost === 0 && request.method() === "POST" && request.headers()["next-action"] && request.postData()?.includes("idempotencyKey")) {
      lost++;
      await route.fetch();
      await route.abort("connectionreset");
      return;
    }
    await route.continue();
  });
  await phone.getByRole("button", { name: tr.form.submit }).click();
  await expect(phone.getByTestId("error-summary")).toContainText(common.errors.genericTitle);
  expect(lost).toBe(1);
  // The applicant tries again: the same draft id finds the application already filed.
  await phone.getByRole("button", { name: tr.form.submit }).click();
  await expect(phone).toHaveURL(/\/en\/applications\/TR-\d{4}-\d{6}-[A-Z]\/confirmation$/);
  const reference = (await phone.getByTestId("case-reference").textContent())!.trim();

  // Both devices see one application and no draft.
  for (const device of [phone, page]) {
    await device.goto("/en/applications");
    await expect(device.locator("table.data tbody tr")).toHaveCount(1);
    await expect(device.locator("table.data tbody tr").first()).toContainText(reference);
    await expect(device.getByTestId("draft")).toHaveCount(0);
  }
  await phone.context().close();
});

test("a household permit application is saved for later, resumed on another device and discarded", async ({ page, browser }, testInfo) => {
  const email = await signUp(page);
  await page.goto("/en/apply/household-permit");
  const form = page.getByTestId("hp-apply-form");
  await form.locator('[name="person.surname"]').fill("TOSHMATOV");
  await form.locator('[name="passport.passportNumber"]').fill("FA1112223");
  await expectNoA11yViolations(page, testInfo);
  await page.getByTestId("save-later").click();
  await expect(page).toHaveURL(/\/en\/applications\?draft=saved$/);
  await expect(page.getByTestId("draft-outcome")).toHaveText(drafts.my.outcome.saved);
  await expect(page.getByTestId("draft")).toContainText(hp.serviceName);
  await expectNoA11yViolations(page, testInfo);

  const phone = await otherDevice(browser, email);
  await phone.goto("/en/apply/household-permit");
  await expect(phone.getByTestId("draft-resumed")).toBeVisible();
  const resumed = phone.getByTestId("hp-apply-form");
  await expect(resumed.locator('[name="person.surname"]')).toHaveValue("TOSHMATOV");
  await expect(resumed.locator('[name="passport.passportNumber"]')).toHaveValue("FA1112223");
  await phone.context().close();

  await page.getByTestId("draft").getByRole("button", { name: new RegExp(`^${drafts.my.discard}`) }).click();
  await expect(page.getByTestId("draft-outcome")).toHaveText(drafts.my.outcome.discarded);
  await expect(page.getByTestId("draft")).toHaveCount(0);
  await page.goto("/en/apply/household-permit");
  await expect(page.getByTestId("hp-apply-form").locator('[name="person.surname"]')).toHaveValue("");
});

test("the kandas form saves itself as you type and opens with those answers on another device", async ({ page, browser }) => {
  const email = await signUp(page);
  await page.goto("/en/apply/kandas");
  const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/en/apply/kandas") && r.ok());
  await page.locator("#principal-surname").fill("ZHUMABAYEV");
  await page.locator("#principal-givenNames").fill("NURLAN");
  await saved;

  const phone = await otherDevice(browser, email);
  await phone.goto("/en/apply/kandas");
  await expect(phone.getByTestId("draft-resumed")).toBeVisible();
  await expect(phone.locator("#principal-surname")).toHaveValue("ZHUMABAYEV");
  await expect(phone.locator("#principal-givenNames")).toHaveValue("NURLAN");
  await phone.locator("#principal-birthDate").fill("1975-02-03");
  await phone.getByTestId("save-later").click();
  await expect(phone).toHaveURL(/\/en\/applications\?draft=saved$/);
  await phone.context().close();

  await page.goto("/en/apply/kandas");
  await expect(page.locator("#principal-birthDate")).toHaveValue("1975-02-03");
});

test("an applicant gives a mobile number for SMS reminders; a wrong one is refused next to the field and kept", async ({ page }, testInfo) => {
  await signUp(page);
  await page.goto("/en/account");
  await expectNoA11yViolations(page, testInfo);
  const number = page.getByLabel(contact.phone);
  await number.fill("12345");
  await page.getByRole("button", { name: contact.save }).click();
  await expect(page.locator("#phone-error")).toContainText(contact.invalid);
  await expect(number).toHaveValue("12345");
  await expectNoA11yViolations(page, testInfo);
  await number.fill("8 701 123 45 67");
  await page.getByRole("button", { name: contact.save }).click();
  await expect(page.getByText(contact.saved)).toBeVisible();
  await expect(number).toHaveValue("+77011234567");
  await page.reload();
  await expect(page.getByLabel(contact.phone)).toHaveValue("+77011234567");
});
