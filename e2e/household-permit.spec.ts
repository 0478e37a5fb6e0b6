import { expect, test, type Page, type TestInfo } from "@playwright/test";
import common from "../lib/i18n/messages/en/common.json" with { type: "json" };
import hp from "../lib/i18n/messages/en/hp.json" with { type: "json" };
import hpKk from "../lib/i18n/messages/kk/hp.json" with { type: "json" };
import publicMessages from "../lib/i18n/messages/en/public.json" with { type: "json" };
import { signIn } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { addDays, kzToday } from "./support/dates";

/**
 * Household labour permits (domain §2.2, §3.2), in English: an immigrant files online, an officer
 * approves, the fee is paid, the permit PDF is downloaded and verified through the address its QR
 * code carries, and the householder sees the new worker among their places. An EAEU citizen is told
 * that no permit is needed. Every page of the journey is checked with axe.
 */

const PASSWORD = "Journey-Password-2026!";
const EMPLOYER = { email: "employer@demo.kz", iin: "750314300121" };
const OFFICER = "officer.almaty@demo.kz";

async function signUp(page: Page, testInfo: TestInfo): Promise<void> {
  const email = `hp-journey-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`;
  await page.goto("/en/sign-up");
  const form = page.locator("form").filter({ has: page.locator('input[name="confirmPassword"]') });
  await form.locator('input[name="displayName"]').fill("Bobur Toshmatov");
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="password"]').fill(PASSWORD);
  await form.locator('input[name="confirmPassword"]').fill(PASSWORD);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/en\/applications$/);
  await expectNoA11yViolations(page, testInfo);
}

const byName = (page: Page, name: string) => page.locator(`[name="${name}"]`);

async function fillApplication(page: Page, employerRegion: string): Promise<void> {
  const today = kzToday();
  const entry = addDays(today, -3);
  const text: Record<string, string> = {
    "person.surname": "TOSHMATOV",
    "person.givenNames": "BOBUR",
    "person.birthDate": "1992-07-21",
    "passport.passportNumber": `FA${Math.floor(1_000_000 + Math.random() * 8_999_999)}`,
    "passport.passportExpiresOn": "2031-01-01",
    "stay.entryDate": entry,
    "insurance.insurer": "Halyk Insurance",
    "insurance.policyNumber": "MED-778899",
    "insurance.validFrom": entry,
    "insurance.validUntil": addDays(entry, 360),
    "certificates.criminalRecordNumber": "CR-UZB-55821",
    "certificates.criminalRecordIssuedOn": addDays(today, -20),
    "certificates.medicalNumber": "MC-1042",
    "certificates.medicalIssuedOn": today,
    "employer.iin": EMPLOYER.iin,
    "employer.name": "Bolat Tulegenov",
    "employer.phone": "+7 701 314 03 14",
    "employer.address": "Almaty, Dostyk avenue 210",
  };
  for (const [name, value] of Object.entries(text)) await byName(page, name).fill(value);
  const selects: Record<string, string> = {
    "person.sex": "M",
    "person.citizenship": "UZB",
    "work.category": "construction_repair",
    "work.termMonths": "6",
    "work.region": "KZ-ALA",
    "certificates.medicalCategory": "construction_repair",
    "employer.region": employerRegion,
  };
  for (const [name, value] of Object.entries(selects)) await byName(page, name).selectOption(value);
}

test("an immigrant applies online, the officer approves, the fee is paid, the permit is verified and the householder sees the worker", async ({ page, browser, baseURL }, testInfo) => {
  // Four people, eleven pages, each checked with axe, on a machine shared with other builds.
  test.setTimeout(240_000);
  await signUp(page, testInfo);

  await page.goto("/en/apply/household-permit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hp.apply.title);
  await expectNoA11yViolations(page, testInfo);

  // HP-10 first: a household in another region is refused next to its field, and nothing typed is lost.
  await fillApplication(page, "KZ-AST");
  await page.getByRole("button", { name: hp.apply.submit }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(page.locator("#employer-region-error")).toContainText("HP-10");
  await expect(byName(page, "person.surname")).toHaveValue("TOSHMATOV");
  await expect(byName(page, "certificates.medicalNumber")).toHaveValue("MC-1042");
  await expectNoA11yViolations(page, testInfo);

  await byName(page, "employer.region").selectOption("KZ-ALA");
  await page.getByRole("button", { name: hp.apply.submit }).click();
  await expect(page).toHaveURL(/\/en\/applications\/HP-\d{4}-\d{6}-[A-Z]\?done=filed$/);
  const reference = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("case-status")).toHaveText(hp.status.submitted);
  await expectNoA11yViolations(page, testInfo);

  // The officer reviews and approves; the case page shows the employer's other contracts and the stay so far.
  const officerContext = await browser.newContext({ baseURL });
  const officer = await officerContext.newPage();
  await signIn(officer, OFFICER, undefined, "en");
  await officer.goto(`/en/staff/cases/${reference}`);
  await expect(officer.getByTestId("hp-stay-total")).toContainText("4 days");
  await expect(officer.getByTestId("hp-employer-places")).toHaveText("3 of 5 active contracts");
  await expect(officer.getByTestId("hp-employer-others").locator("li")).toHaveCount(3);
  await expectNoA11yViolations(officer, testInfo);
  await officer.locator('section[data-action="start_review"]').getByRole("button", { name: hp.staffActions.start_review.submit }).click();
  await expect(officer.locator("main dl").first().locator("[data-status]")).toHaveText(hp.status.under_review);
  await officer.locator('section[data-action="approve"]').getByRole("button", { name: hp.staffActions.approve.submit }).click();
  await expect(officer.locator("main dl").first().locator("[data-status]")).toHaveText(hp.status.approved_awaiting_payment);
  await expectNoA11yViolations(officer, testInfo);

  // HP-14: the applicant sees the amount (6 months × 10,000 tenge in Almaty) before paying.
  await page.goto(`/en/applications/${reference}`);
  await expect(page.getByTestId("hp-fee")).toContainText("60,000 tenge");
  await expectNoA11yViolations(page, testInfo);
  const pay = page.getByTestId("hp-form-confirm_payment");
  await pay.locator('[name="paymentReference"]').fill("KZ-E2E-000123");
  await pay.getByRole("button", { name: hp.permit.paySubmit }).click();
  await expect(page).toHaveURL(/done=paid/);
  // The contract named at filing starts with the permit.
  await expect(page.getByTestId("case-status")).toHaveText(hp.status.active);
  await expect(page.getByTestId("hp-contracts")).toContainText("Bolat Tulegenov");
  await expectNoA11yViolations(page, testInfo);

  const pdfLink = page.getByTestId("hp-permit-pdf-en");
  const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The QR code carries the public verification address; anyone can open it without signing in.
  const verifyHref = await page.locator('a[href*="/verify/"]').first().getAttribute("href");
  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();
  await visitor.goto(verifyHref!);
  await expect(visitor.getByTestId("verdict")).toHaveAttribute("data-verdict", "valid");
  await expect(visitor.getByText(publicMessages.verify.types.household_permit)).toBeVisible();
  await expectNoA11yViolations(visitor, testInfo);
  await visitorContext.close();

  // The householder sees the new worker and four of five places used.
  const employerContext = await browser.newContext({ baseURL });
  const employer = await employerContext.newPage();
  await signIn(employer, EMPLOYER.email, undefined, "en");
  // A householder with a verified IIN finds the page from the site's navigation.
  await employer.getByRole("link", { name: common.nav.employer }).click();
  await expect(employer).toHaveURL(/\/en\/employer$/);
  await expect(employer.getByTestId("hp-places")).toHaveText("4 of 5 places used");
  await expect(employer.getByTestId("hp-workers")).toContainText("TOSHMATOV BOBUR");
  await expectNoA11yViolations(employer, testInfo);

  // The householder ends that contract: the place is free again and the permit waits for a new contract.
  const row = employer.getByTestId("hp-workers").getByRole("row", { name: /TOSHMATOV BOBUR/ });
  await expect(row).toHaveCount(1);
  await employer.getByText(hp.employerPage.endTitle.replace("{name}", "TOSHMATOV BOBUR")).click();
  const endForm = employer.locator("details[open] form");
  await endForm.locator('[name="reason"]').fill("The repair of the house is finished.");
  await endForm.getByRole("button", { name: hp.employerPage.endSubmit }).click();
  await expect(employer.getByTestId("hp-done")).toHaveText(hp.employerPage.ended);
  await expect(employer.getByTestId("hp-places")).toHaveText("3 of 5 places used");
  await expectNoA11yViolations(employer, testInfo);
  await employerContext.close();

  await page.goto(`/en/applications/${reference}`);
  await expect(page.getByTestId("case-status")).toHaveText(hp.status.issued);
  await officerContext.close();
});

test("an applicant from an EAEU country is told that no permit is needed; the service page reads the parameters", async ({ page }, testInfo) => {
  await page.goto("/en/services/household-permit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hp.public.title);
  await expect(page.getByText("at least 90 days")).toBeVisible();
  await expectNoA11yViolations(page, testInfo);

  await page.goto("/en/services/household-permit/check");
  await expectNoA11yViolations(page, testInfo);
  await page.getByLabel(hp.public.check.citizenship, { exact: true }).selectOption("KGZ");
  await page.getByRole("button", { name: hp.public.check.submit }).click();
  await expect(page.getByTestId("eligibility-result")).toHaveAttribute("data-outcome", "not_required");
  await expect(page.getByTestId("eligibility-result")).toContainText(hp.public.check.not_required.title);
  await expectNoA11yViolations(page, testInfo);

  await page.getByLabel(hp.public.check.citizenship, { exact: true }).selectOption("TUR");
  await page.getByRole("button", { name: hp.public.check.submit }).click();
  await expect(page.getByTestId("eligibility-result")).toHaveAttribute("data-outcome", "ineligible");
});

test("an EAEU citizen who files anyway gets the outcome 'no permit required'", async ({ page }, testInfo) => {
  await signUp(page, testInfo);
  await page.goto("/en/apply/household-permit");
  await fillApplication(page, "KZ-ALA");
  await byName(page, "person.citizenship").selectOption("KGZ");
  await page.getByRole("button", { name: hp.apply.submit }).click();
  await expect(page).toHaveURL(/done=filed/);
  await expect(page.getByTestId("case-status")).toHaveText(hp.status.not_required);
  await expect(page.getByTestId("hp-not-required")).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
});

test("the householder's page in Kazakh shows the places used from the parameters", async ({ page }, testInfo) => {
  await signIn(page, EMPLOYER.email, undefined, "kk");
  await page.goto("/kk/employer");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(hpKk.employerPage.title);
  await expect(page.getByTestId("hp-places")).toHaveText(hpKk.employerPage.placesUsed.replace("{used}", "3").replace("{max}", "5"));
  await expectNoA11yViolations(page, testInfo);
});
