import { expect, test } from "@playwright/test";
import admin from "../lib/i18n/messages/en/admin.json" with { type: "json" };
import { signIn } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { kzDate } from "./support/dates";

const LOCALE = "en";
const ADMIN = "admin@demo.kz";
const KEY = "tr_decision_working_days";

test("admin: a parameter change is refused for today, then scheduled from a later date, listed, and withdrawn", async ({ page }, testInfo) => {
  await signIn(page, ADMIN, undefined, LOCALE);
  await page.goto(`/${LOCALE}/admin/parameters`);
  const section = page.locator(`#param-${KEY}`);
  await section.getByRole("link", { name: new RegExp(admin.parameters.scheduleLink) }).click();
  await expect(page).toHaveURL(new RegExp(`/${LOCALE}/admin/parameters/${KEY}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(admin.parameters.names[KEY]);

  // Today is refused: the rules already applied today keep their value. What was typed stays.
  await page.getByLabel(admin.parameters.fields.value).fill("2");
  await page.getByLabel(admin.parameters.fields.effectiveFrom).fill(kzDate(0));
  await page.getByLabel(admin.parameters.fields.reason).fill("Order of the Minister of Internal Affairs, test");
  await page.getByRole("button", { name: admin.parameters.key.submit }).click();
  const summary = page.getByTestId("error-summary");
  await expect(summary).toContainText(admin.errors.effectiveFromNotFuture);
  await expect(summary.getByRole("link", { name: admin.errors.effectiveFromNotFuture })).toHaveAttribute("href", "#effectiveFrom");
  await expect(page.getByLabel(admin.parameters.fields.value)).toHaveValue("2");
  await expect(page.getByLabel(admin.parameters.fields.reason)).toHaveValue("Order of the Minister of Internal Affairs, test");
  await expectNoA11yViolations(page, testInfo);

  const from = kzDate(400);
  await page.getByLabel(admin.parameters.fields.effectiveFrom).fill(from);
  await page.getByRole("button", { name: admin.parameters.key.submit }).click();
  await expect(page).toHaveURL(/done=scheduled/);
  await expect(page.getByRole("status").filter({ hasText: admin.parameters.done.scheduled })).toBeVisible();

  const periods = page.getByTestId("parameter-periods");
  const scheduled = periods.locator("tbody tr").first();
  await expect(scheduled.locator("td").first()).toHaveText("2");
  await expect(scheduled.locator(`time[datetime="${from}"]`)).toBeVisible();
  await expect(scheduled).toContainText(admin.parameters.state.scheduled);
  await expect(scheduled).toContainText("Order of the Minister of Internal Affairs, test");
  // The value in force today did not change; the previous period now ends the day before.
  const previous = periods.locator("tbody tr").nth(1);
  await expect(previous).toContainText(admin.parameters.state.inForce);
  await expect(previous.locator(`time[datetime="${kzDate(399)}"]`)).toBeVisible();

  // The overview lists it too.
  await page.goto(`/${LOCALE}/admin/parameters`);
  await expect(page.locator(`#param-${KEY} time[datetime="${from}"]`)).toBeVisible();

  // Withdraw it again, so the demo data stay as seeded.
  await page.goto(`/${LOCALE}/admin/parameters/${KEY}`);
  await page.getByRole("button", { name: new RegExp(admin.parameters.cancel) }).click();
  await expect(page).toHaveURL(/done=cancelled/);
  await expect(page.getByTestId("parameter-periods").locator(`time[datetime="${from}"]`)).toHaveCount(0);
});

test("admin: every admin page has one heading and no axe violations", async ({ page }, testInfo) => {
  await signIn(page, ADMIN, undefined, LOCALE);
  const pages: [string, string][] = [
    ["/admin", admin.landing.heading],
    ["/admin/users", admin.users.heading],
    ["/admin/users?role=officer", admin.users.heading],
    ["/admin/users/new", admin.users.new.heading],
    ["/admin/parameters", admin.parameters.heading],
    [`/admin/parameters/${KEY}`, admin.parameters.names[KEY]],
    ["/admin/visa-regimes", admin.visaRegimes.heading],
    ["/admin/visa-regimes?country=TUR", admin.visaRegimes.heading],
    ["/admin/visa-regimes/new", admin.visaRegimes.new.heading],
    ["/admin/calendar", admin.calendar.heading],
    ["/admin/calendar?year=2027", admin.calendar.heading],
  ];
  for (const [path, heading] of pages) {
    const response = await page.goto(`/${LOCALE}${path}`);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByRole("heading", { level: 1 }), path).toContainText(heading);
    await expectNoA11yViolations(page, testInfo);
  }

  // The administrator's own account page and its password page.
  await page.goto(`/${LOCALE}/admin/users?q=${encodeURIComponent(ADMIN)}`);
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  await expect(page.getByText(admin.errors.cannotDisableSelf)).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
  await page.getByRole("link", { name: admin.users.detail.setPassword }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
});

test("admin: form errors are listed, linked to their fields and accessible", async ({ page }, testInfo) => {
  await signIn(page, ADMIN, undefined, LOCALE);

  await page.goto(`/${LOCALE}/admin/users/new`);
  await page.getByRole("button", { name: admin.users.new.submit }).click();
  await expect(page.getByTestId("error-summary")).toContainText(admin.errors.emailRequired);
  await expectNoA11yViolations(page, testInfo);

  await page.goto(`/${LOCALE}/admin/visa-regimes/new`);
  await page.getByRole("button", { name: admin.visaRegimes.new.submit }).click();
  await expect(page.getByTestId("error-summary")).toContainText(admin.errors.countryRequired);
  await expectNoA11yViolations(page, testInfo);

  // A moved working day must be a Saturday or Sunday: the server says so next to the date.
  let weekday = 10;
  while ([0, 6].includes(new Date(`${kzDate(weekday)}T12:00:00Z`).getUTCDay())) weekday += 1;
  await page.goto(`/${LOCALE}/admin/calendar`);
  await page.getByLabel(admin.calendar.fields.kindWorkingDay).check();
  await page.getByLabel(admin.calendar.fields.day, { exact: true }).fill(kzDate(weekday));
  await page.getByLabel(admin.calendar.fields.name, { exact: true }).fill("Test transfer");
  await page.getByRole("button", { name: admin.calendar.submit }).click();
  await expect(page.getByTestId("error-summary")).toContainText(admin.errors.workingDayMustBeWeekend);
  await expect(page.getByLabel(admin.calendar.fields.name, { exact: true })).toHaveValue("Test transfer");
  await expectNoA11yViolations(page, testInfo);
});

test("admin: creates a staff account, changes its access, ends its sessions and disables it", async ({ page }, testInfo) => {
  await signIn(page, ADMIN, undefined, LOCALE);
  const email = `clerk.e2e.${Date.now()}@demo.kz`;
  await page.goto(`/${LOCALE}/admin/users/new`);
  await page.getByLabel(admin.users.fields.email).fill(email);
  await page.getByLabel(admin.users.fields.displayName).fill("Clerk E2E");
  await page.getByLabel(admin.users.fields.role, { exact: true }).selectOption("clerk");
  await page.getByLabel(admin.users.fields.initialPassword).fill("a long initial password");
  // A clerk without a region is refused by the server, and nothing typed is lost (but the password).
  await page.getByRole("button", { name: admin.users.new.submit }).click();
  await expect(page.getByTestId("error-summary")).toContainText(admin.errors.regionsRequired);
  await expect(page.getByLabel(admin.users.fields.email)).toHaveValue(email);
  await expectNoA11yViolations(page, testInfo);

  await page.locator("#regions").getByLabel("Almaty", { exact: true }).check();
  await page.locator("#services-temporary_registration").check();
  await page.getByLabel(admin.users.fields.initialPassword).fill("a long initial password");
  await page.getByRole("button", { name: admin.users.new.submit }).click();
  await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}\?done=created$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Clerk E2E");
  await expect(page.getByRole("status").filter({ hasText: admin.users.done.created })).toBeVisible();

  await page.locator("#regions").getByLabel("Astana", { exact: true }).check();
  await page.getByRole("button", { name: admin.users.detail.saveAccess }).click();
  await expect(page).toHaveURL(/done=accessUpdated/);
  await expect(page.locator("main dl")).toContainText("Almaty, Astana");

  await page.getByRole("button", { name: admin.users.detail.signOutEverywhere }).click();
  await expect(page).toHaveURL(/done=signedOut/);

  await page.getByRole("button", { name: admin.users.detail.disable }).click();
  await expect(page).toHaveURL(/done=disabled/);
  await expect(page.locator("main dl")).toContainText(admin.users.status.disabled);
  await page.goto(`/${LOCALE}/admin/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("table").getByRole("row").nth(1)).toContainText(admin.users.status.disabled);
});

test("admin pages in Kazakh have no axe violations", async ({ page }, testInfo) => {
  await signIn(page, ADMIN, undefined, "kk");
  for (const path of ["/admin", "/admin/users", "/admin/parameters", "/admin/visa-regimes/new", "/admin/calendar"]) {
    const response = await page.goto(`/kk${path}`);
    expect(response?.status(), path).toBe(200);
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expectNoA11yViolations(page, testInfo);
  }
});

test("admin pages answer 404 to staff who are not administrators", async ({ page }) => {
  await signIn(page, "officer.almaty@demo.kz", undefined, LOCALE);
  for (const path of ["/admin", "/admin/users", "/admin/parameters", "/admin/visa-regimes", "/admin/calendar"]) {
    const response = await page.goto(`/${LOCALE}${path}`);
    expect(response?.status(), path).toBe(404);
  }
});
