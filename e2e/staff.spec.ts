import { expect, test, type Page } from "@playwright/test";
import common from "../lib/i18n/messages/en/common.json" with { type: "json" };
import staff from "../lib/i18n/messages/en/staff.json" with { type: "json" };
import tr from "../lib/i18n/messages/en/tr.json" with { type: "json" };
import approvals from "../lib/i18n/messages/en/approvals.json" with { type: "json" };
import hearing from "../lib/i18n/messages/en/hearing.json" with { type: "json" };
import { signIn, signedInPage } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { kzDate } from "./support/dates";
import { issuePreliminaryRefusal, staffAction } from "./support/hearing";

const LOCALE = "en";
const OFFICER_ALMATY = "officer.almaty@demo.kz";
const SUPERVISOR_ALMATY = "supervisor.almaty@demo.kz";
const OFFICER_ASTANA = "officer.astana@demo.kz";
const CLERK_ALMATY = "clerk.almaty@demo.kz";

let filed = 0;

/**
 * Files and submits a fresh Almaty case through the JSON API with the page's session cookie, so
 * every test starts from a submitted case of its own whatever the seed or earlier tests left.
 */
async function fileAlmatyCase(page: Page): Promise<{ id: string; reference: string; passportNumber: string }> {
  filed += 1;
  const passportNumber = `E${String(Date.now()).slice(-8)}${filed}`;
  const response = await page.request.post("/api/v1/applications", {
    data: {
      service: "temporary_registration",
      data: {
        person: { surname: "TESTOV", givenNames: "TIMUR", birthDate: "1990-05-14", sex: "M", citizenship: "UZB" },
        passport: { passportType: "national", passportNumber, passportExpiresOn: kzDate(1000) },
        stay: { entryDate: kzDate(-1), purpose: "private_visit", requestedEndDate: kzDate(20), eaeuWorker: false },
        address: { region: "KZ-ALA", city: "Almaty", street: "Abay avenue", building: "10", flat: "5" },
        host: { kind: "individual", identifier: "850412300016", name: "Serik Akhmetov", phone: "+7 701 123 45 67" },
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const body = (await response.json()) as { id: string; reference: string };
  return { ...body, passportNumber };
}

/** The status tag in the case summary (the first list on the page). */
const caseStatus = (page: Page) => page.locator("main dl").first().locator("[data-status]");
const startReviewButton = (page: Page) => page.getByRole("button", { name: tr.staffActions.start_review.submit, exact: true });

test("officer: the queue is sorted by due date, search by reference finds the case, review and registration issue a slip", async ({ page }, testInfo) => {
  await signIn(page, OFFICER_ALMATY, undefined, LOCALE);
  const created = await fileAlmatyCase(page);

  await page.goto(`/${LOCALE}/staff`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(staff.landing.title);
  await expect(page.locator('[data-count="submitted"]')).toContainText(staff.landing.counts.submitted);
  await expectNoA11yViolations(page, testInfo);

  await page.getByRole("link", { name: staff.landing.openQueue }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(staff.queue.title);
  const dueDates = await page.locator("table.data tbody tr td:first-child time").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("datetime") ?? ""));
  expect(dueDates.length).toBeGreaterThan(0);
  expect(dueDates).toEqual([...dueDates].sort());
  await expectNoA11yViolations(page, testInfo);

  // The filter is a plain GET form: its state is in the address.
  await page.locator('input[name="q"]').fill(created.reference);
  await page.getByRole("button", { name: staff.queue.apply }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${created.reference}`));
  const rows = page.locator("table.data tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(page.getByTestId("queue-total")).toHaveText("1 case");

  // The passport number finds it too.
  await page.goto(`/${LOCALE}/staff/queue?q=${created.passportNumber}`);
  await expect(rows).toHaveCount(1);
  await rows.getByRole("link", { name: created.reference }).click();

  await expect(page.getByRole("heading", { level: 1 })).toContainText(created.reference);
  await expect(caseStatus(page)).toHaveText(tr.status.submitted);
  await expect(page.getByRole("button", { name: tr.staffActions.register.submit })).toHaveCount(0);
  await expectNoA11yViolations(page, testInfo);

  await startReviewButton(page).click();
  await expect(page.getByText(tr.staffActions.start_review.done)).toBeVisible();
  await expect(caseStatus(page)).toHaveText(tr.status.under_review);

  await page.getByRole("button", { name: tr.staffActions.register.submit }).click();
  await expect(page.getByText(tr.staffActions.register.done)).toBeVisible();
  await expect(caseStatus(page)).toHaveText(tr.status.registered);
  const slips = page.locator("#documents-title + div table tbody tr");
  await expect(slips).toHaveCount(1);
  await expect(slips.first()).toContainText(tr.documentTypes.registration_slip);
  await expect(slips.first()).toContainText(staff.case.documentStatus.valid);
  await expect(page.locator("ol.timeline li")).toHaveCount(4);
  await expectNoA11yViolations(page, testInfo);
});

test("X-HEAR-03: a preliminary refusal needs grounds and a text (what was typed stays); the refusal waits for the hearing or a waiver, then takes effect when a supervisor approves it", async ({ page, browser, baseURL }) => {
  await signIn(page, OFFICER_ALMATY, undefined, LOCALE);
  const created = await fileAlmatyCase(page);
  await page.goto(`/${LOCALE}/staff/cases/${created.id}`);
  await startReviewButton(page).click();
  await expect(caseStatus(page)).toHaveText(tr.status.under_review);

  const preliminary = staffAction(page, "preliminary_refuse");
  await preliminary.getByLabel(hearing.staffActions.preliminary_refuse.fields.explanation.label).fill("Too short");
  await preliminary.getByRole("button", { name: hearing.staffActions.preliminary_refuse.submit }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(preliminary.getByLabel(hearing.staffActions.preliminary_refuse.fields.explanation.label)).toHaveValue("Too short");
  await expect(caseStatus(page)).toHaveText(tr.status.under_review);
  await issuePreliminaryRefusal(page, "address_not_confirmed");
  await expect(caseStatus(page)).toHaveText(tr.status.preliminary_refusal);

  const refuse = staffAction(page, "refuse");
  await refuse.getByLabel(tr.staffActions.refuse.fields.reasonCode.label).selectOption("address_not_confirmed");
  await refuse.getByLabel(tr.staffActions.refuse.fields.reason.label).fill("The host denied that the applicant lives at the address.");
  await refuse.getByRole("button", { name: tr.staffActions.refuse.submit }).click();
  await expect(page.getByTestId("error-summary")).toContainText("X-HEAR-03");
  await expect(caseStatus(page)).toHaveText(tr.status.preliminary_refusal);

  // The applicant, at the front desk, says in writing that they need no hearing.
  const clerk = await signedInPage(browser, baseURL, CLERK_ALMATY);
  await clerk.goto(`/${LOCALE}/staff/cases/${created.id}`);
  await staffAction(clerk, "waive_hearing").getByRole("button", { name: hearing.staffActions.waive_hearing.submit }).click();
  await expect(clerk.getByText(hearing.staffActions.waive_hearing.done)).toBeVisible();

  await page.reload();
  await refuse.getByLabel(tr.staffActions.refuse.fields.reasonCode.label).selectOption("address_not_confirmed");
  await refuse.getByLabel(tr.staffActions.refuse.fields.reason.label).fill("The host denied that the applicant lives at the address.");
  await refuse.getByRole("button", { name: tr.staffActions.refuse.submit }).click();
  // Four-eyes: the refusal is a proposal until a supervisor approves it.
  await expect(page.getByTestId("workbench-notice")).toHaveText(approvals.outcome.requested);
  await expect(caseStatus(page)).toHaveText(tr.status.preliminary_refusal);
  await expect(page.getByTestId("pending-approval")).toContainText(tr.refusalReasons.address_not_confirmed);

  const supervisor = await signedInPage(browser, baseURL, SUPERVISOR_ALMATY);
  try {
    await supervisor.goto(`/${LOCALE}/staff/cases/${created.id}`);
    await supervisor.getByTestId("pending-approval").getByRole("button", { name: approvals.inbox.approve }).click();
    await expect(caseStatus(supervisor)).toHaveText(tr.status.refused);
    await expect(supervisor.locator("#decisions-title + div table tbody tr").first()).toContainText(tr.refusalReasons.address_not_confirmed);
  } finally {
    await supervisor.context().close();
  }
});

test("two people start the same review: exactly one wins, the other is told and sees the new state", async ({ browser, baseURL }) => {
  const first = await signedInPage(browser, baseURL, OFFICER_ALMATY);
  const second = await signedInPage(browser, baseURL, SUPERVISOR_ALMATY);
  try {
    const created = await fileAlmatyCase(first);
    const url = `/${LOCALE}/staff/cases/${created.id}`;
    await first.goto(url);
    await second.goto(url);
    await expect(startReviewButton(first)).toBeVisible();
    await expect(startReviewButton(second)).toBeVisible();

    await startReviewButton(first).click();
    await expect(first.getByText(tr.staffActions.start_review.done)).toBeVisible();

    await startReviewButton(second).click();
    const notice = second.getByTestId("conflict-notice");
    await expect(notice).toContainText(common.errors.versionConflict);
    await expect(notice).toBeFocused();
    await expect(caseStatus(second)).toHaveText(tr.status.under_review);
    await expect(startReviewButton(second)).toHaveCount(0);
    // One start_review in the history, not two.
    await expect(second.locator("ol.timeline li").filter({ hasText: tr.actions.start_review })).toHaveCount(1);
  } finally {
    await first.context().close();
    await second.context().close();
  }
});

test("an officer of another region gets the not-found page for an Almaty case", async ({ browser, baseURL }) => {
  const almaty = await signedInPage(browser, baseURL, OFFICER_ALMATY);
  const astana = await signedInPage(browser, baseURL, OFFICER_ASTANA);
  try {
    const created = await fileAlmatyCase(almaty);
    const response = await astana.goto(`/${LOCALE}/staff/cases/${created.id}`);
    expect(response?.status()).toBe(404);
    await expect(astana.getByRole("heading", { level: 1 })).toHaveText(common.errors.notFoundTitle);
    await expect(astana.getByText(created.reference)).toHaveCount(0);

    // Nor does the queue list it.
    await astana.goto(`/${LOCALE}/staff/queue?q=${created.reference}`);
    await expect(astana.getByText(staff.queue.empty)).toBeVisible();
  } finally {
    await almaty.context().close();
    await astana.context().close();
  }
});

test("an auditor pages through every region's cases and reads a case without any action", async ({ page }, testInfo) => {
  await signIn(page, "auditor@demo.kz", undefined, LOCALE);
  await page.goto(`/${LOCALE}/staff/queue`);
  const total = Number((await page.getByTestId("queue-total").textContent())?.match(/\d+/)?.[0]);
  // The e2e seed alone has 40 cases over several regions: more than one page of 25.
  expect(total).toBeGreaterThan(25);
  const references = () => page.locator("table.data tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-reference") ?? ""));
  const firstPage = await references();
  expect(firstPage).toHaveLength(25);

  await page.getByRole("link", { name: staff.queue.nextPage }).click();
  await expect(page).toHaveURL(/[?&]cursor=/);
  await expect(page.getByRole("link", { name: staff.queue.firstPage })).toBeVisible();
  const secondPage = await references();
  expect(secondPage.length).toBeGreaterThan(0);
  expect(secondPage.filter((r) => firstPage.includes(r))).toEqual([]);
  await expect(page.getByTestId("queue-total")).toHaveText(`${total} cases`);

  // Whatever service the first case belongs to, the auditor reads it and can do nothing to it.
  const opened = secondPage[0]!;
  await page.locator("table.data tbody tr th a").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(opened);
  await expect(page.getByText(staff.case.readOnly)).toBeVisible();
  await expect(page.locator("section[data-action]")).toHaveCount(0);
  await expectNoA11yViolations(page, testInfo);
});

test("an applicant cannot open the staff area", async ({ page }) => {
  await signIn(page, "applicant@demo.kz", undefined, LOCALE);
  const response = await page.goto(`/${LOCALE}/staff/queue`);
  expect(response?.status()).toBe(404);
});
