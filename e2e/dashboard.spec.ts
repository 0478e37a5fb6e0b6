import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import reports from "../lib/i18n/messages/en/reports.json" with { type: "json" };
import { signedInPage } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";

const LOCALE = "en";
const SUPERVISOR = "supervisor.almaty@demo.kz";
const OFFICER = "officer.almaty@demo.kz";

test("a supervisor opens the dashboard: charts with table alternatives, filters in the URL, no axe violations", async ({ browser, baseURL }, testInfo) => {
  const page = await signedInPage(browser, baseURL, SUPERVISOR, { acceptDownloads: true });
  await page.goto(`/${LOCALE}/staff`);
  await page.getByTestId("nav-dashboard").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reports.dashboard.title);
  await expect(page.getByTestId("dashboard-counts").locator("li")).toHaveCount(5);
  await expectNoA11yViolations(page, testInfo);

  // Every chart has a text summary and a real table behind a disclosure.
  const teams = page.locator('[data-chart="chart-teams"]');
  await expect(teams.getByRole("img", { name: reports.dashboard.teams.caption })).toBeVisible();
  await teams.getByText(reports.dashboard.table).click();
  const table = teams.getByRole("table", { name: reports.dashboard.teams.caption });
  await expect(table).toBeVisible();
  await expect(table.locator("tbody tr").first()).toBeVisible();
  for (const figure of await page.locator("figure[data-chart]").all()) {
    const summary = figure.locator("summary");
    if (await summary.count()) await summary.click();
  }
  await expectNoA11yViolations(page, testInfo);

  // Filters are a GET form: the view is a shareable URL.
  const region = page.getByRole("combobox", { name: reports.filters.region, exact: true });
  await region.selectOption("KZ-ALA");
  await page.getByRole("button", { name: reports.filters.apply }).click();
  await expect(page).toHaveURL(/[?&]region=KZ-ALA/);
  await expect(page.getByRole("combobox", { name: reports.filters.region, exact: true })).toHaveValue("KZ-ALA");
});

test("a supervisor downloads a report as CSV with the rows of the screen; an officer gets neither", async ({ browser, baseURL }, testInfo) => {
  const page = await signedInPage(browser, baseURL, SUPERVISOR, { acceptDownloads: true });
  await page.goto(`/${LOCALE}/staff/reports`);
  await page.getByRole("link", { name: reports.titles.registrations }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(reports.titles.registrations);
  await expectNoA11yViolations(page, testInfo);
  const shownRows = await page.getByTestId("report-table").locator("tbody tr").count();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^registrations-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  // Headers with a comma are quoted (RFC 4180).
  const quoted = (h: string) => (h.includes(",") ? `"${h}"` : h);
  const { month, region, registrations, late, lateTierA, lateTierB, lateShare } = reports.columns;
  expect(lines[0]).toBe([month, region, registrations, late, lateTierA, lateTierB, lateShare].map(quoted).join(","));
  expect(lines.length - 1).toBe(shownRows);

  const officer = await signedInPage(browser, baseURL, OFFICER, { acceptDownloads: true });
  const denied = await officer.request.get(`/api/reports/registrations?format=csv&locale=${LOCALE}`);
  expect(denied.status()).toBe(404);
  const response = await officer.goto(`/${LOCALE}/staff/dashboard`);
  expect(response?.status()).toBe(404);
});
