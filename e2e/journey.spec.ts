import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import kkCommon from "../lib/i18n/messages/kk/common.json" with { type: "json" };
import kkPublic from "../lib/i18n/messages/kk/public.json" with { type: "json" };
import kkStaff from "../lib/i18n/messages/kk/staff.json" with { type: "json" };
import kkTr from "../lib/i18n/messages/kk/tr.json" with { type: "json" };
import ruCommon from "../lib/i18n/messages/ru/common.json" with { type: "json" };
import ruPublic from "../lib/i18n/messages/ru/public.json" with { type: "json" };
import ruStaff from "../lib/i18n/messages/ru/staff.json" with { type: "json" };
import ruTr from "../lib/i18n/messages/ru/tr.json" with { type: "json" };
import { signIn } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { kzDate } from "./support/dates";

/**
 * The foundation's end-to-end journey, across roles: an applicant files a temporary registration
 * online → an officer of the region registers it → the applicant sees "registered" and downloads
 * the slip → the QR verification page says the slip is valid. Once in Kazakh (the state language)
 * and once in Russian; axe on every page of the journey.
 */

const MESSAGES = {
  kk: { common: kkCommon, tr: kkTr, staff: kkStaff, public: kkPublic },
  ru: { common: ruCommon, tr: ruTr, staff: ruStaff, public: ruPublic },
} as const;

async function newPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, timezoneId: "Asia/Almaty" });
  return context.newPage();
}

for (const locale of ["kk", "ru"] as const) {
  const m = MESSAGES[locale];
  const F = m.tr.form.fields;
  const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
  const heading = (page: Page) => page.getByRole("heading", { level: 1 });
  const next = (page: Page) => page.getByRole("button", { name: m.common.actions.continue }).click();

  async function fileOnline(page: Page, testInfo: TestInfo, passportNumber: string): Promise<string> {
    await page.goto(`/${locale}/apply/temporary-registration`);
    await expect(heading(page)).toHaveText(m.tr.form.pages.person.title);
    await expectNoA11yViolations(page, testInfo);
    await field(page, F.person.surname.label).fill("RAKHIMOV");
    await field(page, F.person.givenNames.label).fill("BOBUR");
    await field(page, F.person.birthDate.label).fill("1988-11-02");
    await page.getByRole("radio", { name: m.tr.sexes.M, exact: true }).check();
    await field(page, F.person.citizenship.label).selectOption("UZB");
    await next(page);

    await expect(heading(page)).toHaveText(m.tr.form.pages.passport.title);
    await expectNoA11yViolations(page, testInfo);
    await field(page, F.passport.passportType.label).selectOption("national");
    await field(page, F.passport.passportNumber.label).fill(passportNumber);
    await field(page, F.passport.passportExpiresOn.label).fill(kzDate(900));
    await next(page);

    await expect(heading(page)).toHaveText(m.tr.form.pages.stay.title);
    await expectNoA11yViolations(page, testInfo);
    await field(page, F.stay.entryDate.label).fill(kzDate(-2));
    await field(page, F.stay.purpose.label).selectOption("business");
    await field(page, F.stay.requestedEndDate.label).fill(kzDate(25));
    await next(page);

    await expect(heading(page)).toHaveText(m.tr.form.pages.address.title);
    await expectNoA11yViolations(page, testInfo);
    await field(page, F.address.region.label).selectOption("KZ-ALA");
    await field(page, F.address.city.label).fill("Алматы");
    await field(page, F.address.street.label).fill("Достық даңғылы");
    await field(page, F.address.building.label).fill("85");
    await next(page);

    await expect(heading(page)).toHaveText(m.tr.form.pages.host.title);
    await expectNoA11yViolations(page, testInfo);
    await page.getByRole("radio", { name: m.tr.hostKinds.individual }).check();
    await field(page, F.host.identifier.label).fill("850412300016");
    await field(page, F.host.name.label).fill("Серік Ахметов");
    await field(page, F.host.phone.label).fill("+7 701 555 44 33");
    await next(page);

    await expect(heading(page)).toHaveText(m.tr.form.pages.check.title);
    await expectNoA11yViolations(page, testInfo);
    await page.getByRole("button", { name: m.tr.form.submit }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/applications/TR-\\d{4}-\\d{6}-[A-Z]/confirmation$`));
    await expectNoA11yViolations(page, testInfo);
    return (await page.getByTestId("case-reference").textContent())!.trim();
  }

  test(`${locale}: applicant files online, an officer registers, the applicant downloads the slip and its QR page says valid`, async ({ page, browser, baseURL }, testInfo) => {
    test.setTimeout(180_000);
    const passportNumber = `J${locale.toUpperCase()}${String(Date.now()).slice(-7)}`;

    // The applicant, signed in, files in their language.
    await signIn(page, "applicant2@demo.kz", undefined, locale);
    const reference = await fileOnline(page, testInfo, passportNumber);
    await page.goto(`/${locale}/applications/${reference}`);
    await expect(page.getByTestId("case-status")).toHaveText(m.tr.status.submitted);
    await expectNoA11yViolations(page, testInfo);

    // The officer of Almaty finds it by reference and registers it.
    const officer = await newPage(browser, baseURL);
    await signIn(officer, "officer.almaty@demo.kz", undefined, locale);
    await officer.goto(`/${locale}/staff/queue?q=${reference}`);
    await expectNoA11yViolations(officer, testInfo);
    await officer.locator("table.data tbody tr").getByRole("link", { name: reference }).click();
    await expect(heading(officer)).toContainText(reference);
    await expectNoA11yViolations(officer, testInfo);
    await officer.getByRole("button", { name: m.tr.staffActions.start_review.submit, exact: true }).click();
    await expect(officer.getByText(m.tr.staffActions.start_review.done)).toBeVisible();
    await officer.getByRole("button", { name: m.tr.staffActions.register.submit }).click();
    await expect(officer.getByText(m.tr.staffActions.register.done)).toBeVisible();
    await expectNoA11yViolations(officer, testInfo);
    await officer.context().close();

    // The applicant sees the decision and downloads the slip.
    await page.reload();
    await expect(page.getByTestId("case-status")).toHaveText(m.tr.status.registered);
    await expect(page.getByText(m.tr.statusNext.registered)).toBeVisible();
    await expectNoA11yViolations(page, testInfo);
    const pdfLink = page.locator('a[href^="/api/documents/"]');
    await expect(pdfLink).toHaveCount(1);
    const pdf = await page.request.get((await pdfLink.getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    // The QR leads to the public verification page, which anyone can open without signing in.
    const verifyHref = await page.locator(`a[href*="/verify/"]`).first().getAttribute("href");
    const visitor = await newPage(browser, baseURL);
    await visitor.goto(verifyHref!);
    await expect(visitor.getByTestId("verdict")).toHaveAttribute("data-verdict", "valid");
    await expect(visitor.getByTestId("verdict")).toContainText(m.public.verify.verdict.valid.title);
    const text = await visitor.locator("main").innerText();
    expect(text).not.toContain(passportNumber);
    expect(text).not.toContain("Достық");
    await expectNoA11yViolations(visitor, testInfo);
    await visitor.context().close();
  });
}

test("applicant B gets the not-found page for applicant A's case, and cannot withdraw it", async ({ page, browser, baseURL }) => {
  await signIn(page, "applicant@demo.kz", undefined, "en");
  await page.goto("/en/applications");
  const reference = (await page.locator("table.data tbody tr a").first().textContent())!.trim();
  expect(reference).toMatch(/^TR-\d{4}-\d{6}-[A-Z]$/);

  const other = await newPage(browser, baseURL);
  await signIn(other, "applicant2@demo.kz", undefined, "en");
  const response = await other.goto(`/en/applications/${reference}`);
  expect(response?.status()).toBe(404);
  const api = await other.request.get(`/api/v1/applications/${reference}`);
  expect(api.status()).toBe(404);
  await other.context().close();
});
