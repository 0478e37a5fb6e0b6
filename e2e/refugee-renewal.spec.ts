import { expect, test, type Page, type TestInfo } from "@playwright/test";
import common from "../lib/i18n/messages/en/common.json" with { type: "json" };
import publicMessages from "../lib/i18n/messages/en/public.json" with { type: "json" };
import rf from "../lib/i18n/messages/en/rf.json" with { type: "json" };
import { signedInPage } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { issuePreliminaryRefusal, waiveHearing } from "./support/hearing";

// Each journey signs in five roles and checks every page with axe: more than the default minute on a shared machine.
test.describe.configure({ timeout: 180_000 });

const LOCALE = "en";
const REFUGEE = "refugee@demo.kz";
const LATE_REFUGEE = "refugee2@demo.kz";
const OFFICER = "officer.almaty@demo.kz";
const MEMBER_1 = "supervisor.almaty@demo.kz";
const MEMBER_2 = "supervisor2.almaty@demo.kz";
const REVIEWER = "reviewer@demo.kz";

const staffStatus = (page: Page) => page.locator("main dl").first().locator("[data-status]");
const actionForm = (page: Page, action: string) => page.locator(`section[data-action="${action}"]`);

/** The refugee applies on the filing page; returns the new case's reference. */
async function apply(page: Page, testInfo: TestInfo): Promise<string> {
  await page.goto(`/${LOCALE}/apply/refugee-renewal`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(rf.apply.title);
  await expect(page.getByTestId("rf-window-open")).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
  const form = page.getByTestId("rf-renewal-form");
  await form.getByLabel(rf.apply.fields.city, { exact: true }).fill("Almaty");
  await form.getByLabel(rf.apply.fields.street, { exact: true }).fill("Tole bi street");
  await form.getByLabel(rf.apply.fields.building, { exact: true }).fill("45");
  await form.getByLabel(rf.apply.fields.phone, { exact: true }).fill("+7 701 555 11 22");
  // Without a statement the form answers next to the field and keeps what was typed.
  await form.getByRole("button", { name: rf.apply.submit }).click();
  await expect(page.getByTestId("error-summary")).toBeVisible();
  await expect(form.getByLabel(rf.apply.fields.street, { exact: true })).toHaveValue("Tole bi street");
  await expectNoA11yViolations(page, testInfo);
  await form.getByLabel(rf.apply.fields.statement, { exact: true }).fill("The danger in my home province has not changed; I ask to extend my status.");
  await form.getByRole("button", { name: rf.apply.submit }).click();
  await expect(page.getByTestId("rf-filed")).toBeVisible();
  const text = (await page.getByTestId("rf-filed").textContent()) ?? "";
  const reference = /RF-\d{4}-\d{6}-[A-Z]/.exec(text)?.[0];
  expect(reference, text).toBeTruthy();
  await expectNoA11yViolations(page, testInfo);
  return reference!;
}

/** The officer returns the application; the refugee corrects it from the status page, everything filed already filled in. */
async function returnAndCorrect(officer: Page, refugee: Page, reference: string, testInfo: TestInfo): Promise<void> {
  await officer.goto(`/${LOCALE}/staff/cases/${reference}`);
  const back = actionForm(officer, "return_for_correction");
  await back.getByLabel(rf.staffActions.return_for_correction.fields.reason.label).fill("Please give the flat number of your new address.");
  await back.getByRole("button", { name: rf.staffActions.return_for_correction.submit }).click();
  await expect(staffStatus(officer)).toHaveText(rf.status.returned_for_correction);

  await refugee.goto(`/${LOCALE}/applications/${reference}`);
  await refugee.getByTestId("rf-correct-link").click();
  await expect(refugee.getByRole("heading", { level: 1 })).toHaveText(rf.apply.correctTitle.replace("{reference}", reference));
  await expect(refugee.getByTestId("rf-correction-request")).toContainText("flat number");
  const form = refugee.getByTestId("rf-renewal-form");
  await expect(form.getByLabel(rf.apply.fields.street, { exact: true })).toHaveValue("Tole bi street");
  await expectNoA11yViolations(refugee, testInfo);
  await form.getByLabel(rf.apply.fields.flat, { exact: true }).fill("12");
  await form.getByRole("button", { name: rf.apply.correctSubmit }).click();
  await expect(refugee.getByText(rf.statusPage.done.resubmitted)).toBeVisible();
  await expect(refugee.getByTestId("case-status")).toHaveText(rf.status.submitted);
  await expectNoA11yViolations(refugee, testInfo);
}

/** The officer reviews and prepares the file with the country-of-origin assessment, then sends it on. */
async function prepare(page: Page, reference: string, situation: "unchanged" | "changed", testInfo: TestInfo): Promise<void> {
  await page.goto(`/${LOCALE}/staff/cases/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await expect(page.getByTestId("rf-family")).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
  await actionForm(page, "start_review").getByRole("button", { name: rf.staffActions.start_review.submit }).click();
  await expect(staffStatus(page)).toHaveText(rf.status.under_review);
  // RF-04: not to the commission without the assessment.
  await actionForm(page, "send_to_commission").getByRole("button", { name: rf.staffActions.send_to_commission.submit }).click();
  await expect(page.getByTestId("error-summary").or(page.getByText(rf.rules.rf04AssessmentMissing, { exact: false })).first()).toBeVisible();
  const assess = actionForm(page, "record_assessment");
  await assess.getByLabel(rf.staffActions.record_assessment.fields.situation.label).selectOption(situation);
  await assess.getByLabel(rf.staffActions.record_assessment.fields.justification.label).fill("Country reports for 2026 reviewed for the home province.");
  await assess.getByLabel(rf.staffActions.record_assessment.fields.sources.label).fill("UNHCR country guidance 2026; MFA note 12/2026");
  await assess.getByRole("button", { name: rf.staffActions.record_assessment.submit }).click();
  await expect(page.getByText(rf.staffActions.record_assessment.done)).toBeVisible();
  await actionForm(page, "send_to_commission").getByRole("button", { name: rf.staffActions.send_to_commission.submit }).click();
  await expect(staffStatus(page)).toHaveText(rf.status.commission_review);
  // The preparing officer has no vote.
  await expect(actionForm(page, "vote")).toHaveCount(0);
}

async function vote(page: Page, reference: string, decision: "extend" | "refuse", ground: string, testInfo: TestInfo): Promise<void> {
  await page.goto(`/${LOCALE}/staff/cases/${reference}`);
  const form = actionForm(page, "vote");
  await form.getByLabel(rf.staffActions.vote.fields.decision.label).selectOption(decision);
  await form.getByLabel(rf.staffActions.vote.fields.legalGround.label).selectOption(ground);
  await form.getByLabel(rf.staffActions.vote.fields.reason.label).fill("Decided on the assessment and the refugee's statement.");
  await form.getByRole("button", { name: rf.staffActions.vote.submit }).click();
  await expect(page.getByText(rf.staffActions.vote.done)).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
}

test("reminder → online application → returned and corrected → assessment → two commission members extend → certificate issued and verified", async ({ browser, baseURL }, testInfo) => {
  const refugee = await signedInPage(browser, baseURL, REFUGEE);
  await refugee.getByTestId("nav-notifications").click();
  await expect(refugee.getByRole("heading", { level: 1 })).toHaveText(common.notificationsPage.title);
  const reminder = refugee.locator('[data-template="rf.notifications.reminder"]');
  await expect(reminder).toHaveCount(1);
  await expect(reminder).toContainText("RFC-");
  await expect(reminder.getByText(common.notificationsPage.new)).toBeVisible();
  await expectNoA11yViolations(refugee, testInfo);
  // Opening the page marked it read.
  await refugee.reload();
  await expect(reminder.getByText(common.notificationsPage.new)).toHaveCount(0);

  const reference = await apply(refugee, testInfo);

  const officer = await signedInPage(browser, baseURL, OFFICER);
  await returnAndCorrect(officer, refugee, reference, testInfo);
  await prepare(officer, reference, "unchanged", testInfo);

  const member1 = await signedInPage(browser, baseURL, MEMBER_1);
  await vote(member1, reference, "extend", "circumstances_unchanged", testInfo);
  await expect(staffStatus(member1)).toHaveText(rf.status.commission_review);
  // RF-C2: the same member cannot vote again.
  await expect(actionForm(member1, "vote")).toHaveCount(1);

  const member2 = await signedInPage(browser, baseURL, MEMBER_2);
  await vote(member2, reference, "extend", "circumstances_unchanged", testInfo);
  await expect(staffStatus(member2)).toHaveText(rf.status.extended);
  await expect(member2.getByTestId("rf-certificate-due")).toBeVisible();
  await expect(member2.getByTestId("rf-votes").locator("tbody tr")).toHaveCount(2);

  await officer.goto(`/${LOCALE}/staff/cases/${reference}`);
  await actionForm(officer, "issue_certificate").getByRole("button", { name: rf.staffActions.issue_certificate.submit }).click();
  await expect(staffStatus(officer)).toHaveText(rf.status.certificate_issued);
  const certificates = officer.locator("#documents-title + div table tbody tr");
  await expect(certificates).toHaveCount(3);
  await expect(certificates.first()).toContainText(rf.documentTypes.refugee_certificate);
  const pdfHref = await certificates.first().locator('a[href*="/pdf"]').getAttribute("href");
  const pdf = await officer.request.get(pdfHref!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expectNoA11yViolations(officer, testInfo);

  // The QR code's address, as anyone would open it.
  const verifyHref = await certificates.first().locator('a[href*="/verify/"]').getAttribute("href");
  const publicPage = await (await browser.newContext({ baseURL })).newPage();
  await publicPage.goto(verifyHref!);
  await expect(publicPage.getByTestId("verdict")).toHaveAttribute("data-verdict", "valid");
  await expect(publicPage.locator("main")).toContainText(publicMessages.verify.types.refugee_certificate);
  await expectNoA11yViolations(publicPage, testInfo);

  await refugee.goto(`/${LOCALE}/applications/${reference}`);
  await expect(refugee.getByTestId("case-status")).toHaveText(rf.status.certificate_issued);
  await expect(refugee.getByTestId("rf-new-term")).toBeVisible();
  await expectNoA11yViolations(refugee, testInfo);
});

test("a late application refused by the commission: the complaint goes to the central reviewer, who upholds it", async ({ browser, baseURL }, testInfo) => {
  const refugee = await signedInPage(browser, baseURL, LATE_REFUGEE);
  const reference = await apply(refugee, testInfo);

  const officer = await signedInPage(browser, baseURL, OFFICER);
  await officer.goto(`/${LOCALE}/staff/cases/${reference}`);
  await expect(officer.getByTestId("rf-late-flag")).toBeVisible();
  await prepare(officer, reference, "changed", testInfo);

  // X-HEAR-03: the refugee is offered a hearing before any refusing vote; here they waive it.
  await issuePreliminaryRefusal(officer, "circumstances_changed");
  await waiveHearing(refugee, LOCALE, reference);
  const member1 = await signedInPage(browser, baseURL, MEMBER_1);
  await vote(member1, reference, "refuse", "circumstances_changed", testInfo);
  const member2 = await signedInPage(browser, baseURL, MEMBER_2);
  await vote(member2, reference, "refuse", "circumstances_changed", testInfo);
  await expect(staffStatus(member2)).toHaveText(rf.status.refused);

  await refugee.goto(`/${LOCALE}/applications/${reference}`);
  await expect(refugee.getByTestId("case-status")).toHaveText(rf.status.refused);
  await expect(refugee.getByTestId("rf-protected")).toBeVisible();
  const complaint = refugee.getByTestId("rf-complaint-form");
  await expectNoA11yViolations(refugee, testInfo);
  await complaint.getByLabel(rf.statusPage.complaintLabel).fill("My family is at particular risk; the general change does not apply to us.");
  await complaint.getByRole("button", { name: rf.statusPage.complaintSubmit }).click();
  await expect(refugee.getByTestId("case-status")).toHaveText(rf.status.complaint_filed);

  // Not back to the region: neither the officer nor the commission may decide the complaint.
  await member1.goto(`/${LOCALE}/staff/cases/${reference}`);
  await expect(actionForm(member1, "decide_complaint")).toHaveCount(0);

  const reviewer = await signedInPage(browser, baseURL, REVIEWER);
  await reviewer.goto(`/${LOCALE}/staff/cases/${reference}`);
  const decide = actionForm(reviewer, "decide_complaint");
  await decide.getByLabel(rf.staffActions.decide_complaint.fields.outcome.label).selectOption("upheld");
  await decide.getByLabel(rf.staffActions.decide_complaint.fields.reason.label).fill("Particular risk to this family is established.");
  await decide.getByRole("button", { name: rf.staffActions.decide_complaint.submit }).click();
  await expect(staffStatus(reviewer)).toHaveText(rf.status.extended);
  await expectNoA11yViolations(reviewer, testInfo);
});

test("supervisors download the monthly list to national security; clerks do not see refugee files", async ({ browser, baseURL }, testInfo) => {
  const supervisor = await signedInPage(browser, baseURL, MEMBER_1);
  await supervisor.goto(`/${LOCALE}/staff`);
  await supervisor.getByRole("link", { name: rf.lists.open }).click();
  await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText(rf.lists.title);
  const row = supervisor.getByTestId("refugee-lists").locator("tbody tr").first();
  await expect(row).toBeVisible();
  await expectNoA11yViolations(supervisor, testInfo);
  const csvHref = await row.getByRole("link", { name: /CSV/ }).getAttribute("href");
  const csv = await supervisor.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("category,certificateNumber,surname");

  const clerk = await signedInPage(browser, baseURL, "clerk.almaty@demo.kz");
  const denied = await clerk.request.get(csvHref!);
  expect(denied.status()).toBe(404);
  await clerk.goto(`/${LOCALE}/staff/queue?service=refugee_renewal`);
  await expect(clerk.locator("table.data tbody tr", { hasText: "RF-" })).toHaveCount(0);
});
