import { expect, test, type Page, type TestInfo } from "@playwright/test";
import common from "../lib/i18n/messages/en/common.json" with { type: "json" };
import applicant from "../lib/i18n/messages/en/applicant.json" with { type: "json" };
import tr from "../lib/i18n/messages/en/tr.json" with { type: "json" };
import { expectNoA11yViolations } from "./support/axe";
import { addDays, kzToday as almatyToday } from "./support/dates";

/**
 * Temporary registration, applicant side (domain §2.1, §3.1), in English: a new account files an
 * application through the wizard, sees the confirmation, its list and the status page; a TR-07
 * violation sends the applicant back to the end date with everything they typed still there.
 */

const PASSWORD = "Journey-Password-2026!";
const F = tr.form.fields;

function longDate(date: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}

async function signUpNewApplicant(page: Page, testInfo: TestInfo): Promise<void> {
  const email = `tr-journey-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
  await page.goto("/en/sign-up");
  await expectNoA11yViolations(page, testInfo);
  const form = page.locator("form").filter({ has: page.locator('input[name="confirmPassword"]') });
  await form.locator('input[name="displayName"]').fill("Aziz Karimov");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.locator('input[name="confirmPassword"]').fill(PASSWORD);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/en\/applications$/);
}

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const heading = (page: Page) => page.getByRole("heading", { level: 1 });

async function continueWithKeyboard(page: Page): Promise<void> {
  await page.getByRole("button", { name: common.actions.continue }).focus();
  await page.keyboard.press("Enter");
}

interface Answers {
  citizenship: string;
  passportNumber: string;
  entryDate: string;
  endDate: string;
}

async function fillPersonAndPassport(page: Page, a: Answers, testInfo: TestInfo): Promise<void> {
  await expect(heading(page)).toHaveText(tr.form.pages.person.title);
  await expect(page.getByText("Step 1 of 5")).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
  await field(page, F.person.surname.label).fill("KARIMOV");
  await field(page, F.person.givenNames.label).fill("AZIZ");
  await field(page, F.person.birthDate.label).fill("1990-05-14");
  await page.getByRole("radio", { name: tr.sexes.M, exact: true }).check();
  await field(page, F.person.citizenship.label).selectOption({ label: a.citizenship });
  await continueWithKeyboard(page);

  await expect(heading(page)).toHaveText(tr.form.pages.passport.title);
  await expect(page.getByText("Step 2 of 5")).toBeVisible();
  // The new step's heading has the focus, so a screen reader announces where the user is.
  await expect(heading(page)).toBeFocused();
  await expectNoA11yViolations(page, testInfo);
  await field(page, F.passport.passportType.label).selectOption("national");
  await field(page, F.passport.passportNumber.label).fill(a.passportNumber);
  await field(page, F.passport.passportExpiresOn.label).fill("2031-01-01");
  await continueWithKeyboard(page);
}

async function fillStay(page: Page, a: Answers, testInfo: TestInfo): Promise<void> {
  await expect(heading(page)).toHaveText(tr.form.pages.stay.title);
  // The TR-02 hint carries the deadlines from the rule parameters.
  await expect(page.locator("#stay-entryDate-hint")).toContainText("5 calendar days");
  await expect(page.locator("#stay-entryDate-hint")).toContainText("30 days");
  await expectNoA11yViolations(page, testInfo);
  await field(page, F.stay.entryDate.label).fill(a.entryDate);
  await field(page, F.stay.purpose.label).selectOption("private_visit");
  await field(page, F.stay.requestedEndDate.label).fill(a.endDate);
  await continueWithKeyboard(page);
}

async function fillAddressAndHost(page: Page, testInfo: TestInfo): Promise<void> {
  await expect(heading(page)).toHaveText(tr.form.pages.address.title);
  await expectNoA11yViolations(page, testInfo);
  await field(page, F.address.region.label).selectOption("KZ-ALA");
  await field(page, F.address.city.label).fill("Almaty");
  await field(page, F.address.street.label).fill("Abay avenue");
  await field(page, F.address.building.label).fill("10");
  await field(page, F.address.flat.label).fill("5");
  await continueWithKeyboard(page);

  await expect(heading(page)).toHaveText(tr.form.pages.host.title);
  await expectNoA11yViolations(page, testInfo);
  await page.getByRole("radio", { name: tr.hostKinds.individual }).check();
  await field(page, F.host.identifier.label).fill("850412300016");
  await field(page, F.host.name.label).fill("Serik Akhmetov");
  await field(page, F.host.phone.label).fill("+7 701 123 45 67");
  // Enter in a text field submits the step, as in any form.
  await field(page, F.host.phone.label).press("Enter");
}

test("an applicant signs up, files a temporary registration and follows it", async ({ page }, testInfo) => {
  const today = almatyToday();
  const answers: Answers = { citizenship: "Uzbekistan", passportNumber: "FA7654321", entryDate: addDays(today, -1), endDate: addDays(today, 28) };

  await signUpNewApplicant(page, testInfo);
  await expect(heading(page)).toHaveText(applicant.my.title);
  await expect(page.getByTestId("my-applications-empty")).toHaveText(applicant.my.empty);
  await expectNoA11yViolations(page, testInfo);

  await page.getByRole("link", { name: tr.my.apply }).click();
  await expect(page).toHaveURL(/\/en\/apply\/temporary-registration$/);
  await fillPersonAndPassport(page, answers, testInfo);

  // A reload loses nothing: the wizard comes back on the same step with the answers.
  await page.reload();
  await expect(heading(page)).toHaveText(tr.form.pages.stay.title);
  await page.getByRole("button", { name: common.actions.back }).click();
  await expect(field(page, F.passport.passportNumber.label)).toHaveValue(answers.passportNumber);
  await continueWithKeyboard(page);

  await fillStay(page, answers, testInfo);
  await fillAddressAndHost(page, testInfo);

  await expect(heading(page)).toHaveText(tr.form.pages.check.title);
  await expect(page.getByText("KARIMOV", { exact: true })).toBeVisible();
  await expect(page.getByText(longDate(answers.endDate), { exact: true })).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
  // A double click must not file twice (the idempotency key is the same for both).
  await page.getByRole("button", { name: tr.form.submit }).dblclick();

  await expect(page).toHaveURL(/\/en\/applications\/TR-\d{4}-\d{6}-[A-Z]\/confirmation$/);
  const reference = (await page.getByTestId("case-reference").textContent())!.trim();
  expect(reference).toMatch(/^TR-\d{4}-\d{6}-[A-Z]$/);
  await expect(heading(page)).toHaveText(tr.apply.confirmation.title);
  await expect(page.getByTestId("decision-due")).toContainText("A decision is due by");
  await expectNoA11yViolations(page, testInfo);

  await page.goto("/en/applications");
  const rows = page.locator("table.data tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(reference);
  await expect(rows.first()).toContainText(tr.status.submitted);
  await expectNoA11yViolations(page, testInfo);

  await rows.first().getByRole("link", { name: reference }).click();
  await expect(heading(page)).toHaveText(`Application ${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText(tr.status.submitted);
  const timeline = page.getByTestId("timeline");
  await expect(timeline.locator("li")).toHaveCount(2);
  await expect(timeline.locator("li").nth(1)).toContainText(tr.actions.submit);
  await expect(timeline.locator("time").first()).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(page.getByRole("heading", { name: applicant.statusPage.withdraw.title })).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
});

test("TR-07: a stay longer than the visa-free period is refused next to the end date, and nothing typed is lost", async ({ page }, testInfo) => {
  const today = almatyToday();
  const entryDate = addDays(today, -1);
  // Türkiye, national passport: 30 days visa-free, the day of entry being day 1.
  const answers: Answers = { citizenship: "Türkiye", passportNumber: "U12345678", entryDate, endDate: addDays(entryDate, 44) };

  await signUpNewApplicant(page, testInfo);
  await page.goto("/en/apply/temporary-registration");
  await fillPersonAndPassport(page, answers, testInfo);
  await fillStay(page, answers, testInfo);
  await fillAddressAndHost(page, testInfo);
  await expect(heading(page)).toHaveText(tr.form.pages.check.title);
  await page.getByRole("button", { name: tr.form.submit }).click();

  // Back on the stay step, with the rule message next to the end date and in the error summary.
  await expect(heading(page)).toHaveText(tr.form.pages.stay.title);
  const error = page.locator("#stay-requestedEndDate-error");
  await expect(error).toContainText("(TR-07)");
  await expect(error).toContainText(longDate(addDays(entryDate, 29)));
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#stay-requestedEndDate");
  await expect(field(page, F.stay.requestedEndDate.label)).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page, testInfo);

  await expect(field(page, F.stay.entryDate.label)).toHaveValue(entryDate);
  await expect(field(page, F.stay.requestedEndDate.label)).toHaveValue(answers.endDate);
  await expect(field(page, F.stay.purpose.label)).toHaveValue("private_visit");

  // Correcting the date leads straight back to the check page, with all other answers intact.
  await field(page, F.stay.requestedEndDate.label).fill(addDays(entryDate, 29));
  await continueWithKeyboard(page);
  await expect(heading(page)).toHaveText(tr.form.pages.check.title);
  await expect(page.getByText(answers.passportNumber, { exact: true })).toBeVisible();
  await expect(page.getByText("Serik Akhmetov", { exact: true })).toBeVisible();
  await expect(page.getByText("850412300016", { exact: true })).toBeVisible();
});
