import { expect, test, type Page } from "@playwright/test";
import applicant from "../lib/i18n/messages/en/applicant.json" with { type: "json" };
import approvals from "../lib/i18n/messages/en/approvals.json" with { type: "json" };
import deadlines from "../lib/i18n/messages/en/deadlines.json" with { type: "json" };
import hearing from "../lib/i18n/messages/en/hearing.json" with { type: "json" };
import tr from "../lib/i18n/messages/en/tr.json" with { type: "json" };
import { signedInPage } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { kzDate } from "./support/dates";
import { issuePreliminaryRefusal, staffAction } from "./support/hearing";

const LOCALE = "en";
const OFFICER = "officer.almaty@demo.kz";
const SUPERVISOR = "supervisor.almaty@demo.kz";
const SUPERVISOR_2 = "supervisor2.almaty@demo.kz";
const APPLICANT = "applicant@demo.kz";
const CLERK = "clerk.almaty@demo.kz";

let filed = 0;

/** A fresh Almaty case filed through the JSON API with the page's session (an applicant's is theirs). */
async function fileCase(page: Page): Promise<{ id: string; reference: string }> {
  filed += 1;
  const response = await page.request.post("/api/v1/applications", {
    data: {
      service: "temporary_registration",
      data: {
        person: { surname: "APPROVOV", givenNames: "ALI", birthDate: "1991-02-03", sex: "M", citizenship: "UZB" },
        passport: { passportType: "national", passportNumber: `A${String(Date.now()).slice(-8)}${filed}`, passportExpiresOn: kzDate(1000) },
        stay: { entryDate: kzDate(-1), purpose: "private_visit", requestedEndDate: kzDate(20), eaeuWorker: false },
        address: { region: "KZ-ALA", city: "Almaty", street: "Abay avenue", building: "10", flat: "5" },
        host: { kind: "individual", identifier: "850412300016", name: "Serik Akhmetov", phone: "+7 701 123 45 67" },
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; reference: string };
}

const caseStatus = (page: Page) => page.locator("main dl").first().locator("[data-status]");

test("four-eyes: a supervisor's own refusal waits for another supervisor, who sends it back with a reason", async ({ browser, baseURL }, testInfo) => {
  const proposer = await signedInPage(browser, baseURL, SUPERVISOR);
  const approver = await signedInPage(browser, baseURL, SUPERVISOR_2);
  try {
    const created = await fileCase(proposer);
    await proposer.goto(`/${LOCALE}/staff/cases/${created.id}`);
    await proposer.getByRole("button", { name: tr.staffActions.start_review.submit, exact: true }).click();
    await expect(caseStatus(proposer)).toHaveText(tr.status.under_review);
    // The right to be heard first (X-HEAR-03): a preliminary refusal, which the applicant waives at the front desk.
    await issuePreliminaryRefusal(proposer, "address_not_confirmed");
    const clerk = await signedInPage(browser, baseURL, CLERK);
    try {
      await clerk.goto(`/${LOCALE}/staff/cases/${created.id}`);
      await staffAction(clerk, "waive_hearing").locator('button[type="submit"]').click();
      await expect(clerk.getByText(hearing.staffActions.waive_hearing.done)).toBeVisible();
    } finally {
      await clerk.context().close();
    }
    await proposer.reload();
    const refuse = proposer.locator('section[data-action="refuse"]');
    await refuse.getByLabel(tr.staffActions.refuse.fields.reasonCode.label).selectOption("address_not_confirmed");
    await refuse.getByLabel(tr.staffActions.refuse.fields.reason.label).fill("The host denied that the applicant lives at the address.");
    await refuse.getByRole("button", { name: tr.staffActions.refuse.submit }).click();
    await expect(proposer.getByTestId("workbench-notice")).toHaveText(approvals.outcome.requested);
    // While it waits, no second refusal is offered.
    await expect(proposer.locator('section[data-action="refuse"]')).toHaveCount(0);

    // The proposer sees it in the inbox as theirs: they may withdraw it, never approve it.
    await proposer.goto(`/${LOCALE}/staff/approvals`);
    const own = proposer.locator(`[data-reference="${created.reference}"]`);
    await expect(own).toContainText(approvals.inbox.yours);
    await expect(own.getByRole("button", { name: approvals.inbox.approve })).toHaveCount(0);
    await expect(own.getByRole("button", { name: approvals.inbox.withdraw })).toBeVisible();

    // The other supervisor: the header counts it, the inbox shows the decision in words.
    await approver.goto(`/${LOCALE}/staff/approvals`);
    await expect(approver.getByTestId("nav-approvals")).toContainText(/\(\d+\)/);
    const item = approver.locator(`[data-reference="${created.reference}"]`);
    await expect(item).toContainText(tr.staffActions.refuse.title);
    await expect(item).toContainText(tr.refusalReasons.address_not_confirmed);
    await expectNoA11yViolations(approver, testInfo);

    // Sending back needs a reason; the typed reason is kept after the error.
    await item.getByRole("button", { name: approvals.inbox.reject }).click();
    await expect(item.getByText(approvals.errors.reasonRequired)).toBeVisible();
    await item.getByLabel(approvals.inbox.rejectReason).fill("Ask the host again before refusing.");
    await item.getByRole("button", { name: approvals.inbox.reject }).click();
    await expect(approver.getByTestId("approval-done")).toHaveText(approvals.inbox.rejected);
    await expect(approver.locator(`[data-reference="${created.reference}"]`)).toHaveCount(0);

    await proposer.goto(`/${LOCALE}/staff/cases/${created.id}`);
    await expect(caseStatus(proposer)).toHaveText(tr.status.preliminary_refusal);
    await expect(proposer.getByTestId("pending-approval")).toHaveCount(0);
    await expect(proposer.locator('section[data-action="refuse"]')).toHaveCount(1);
    // The proposer is told why, on their next page view.
    await expect(proposer.getByTestId("staff-notices")).toContainText("Ask the host again before refusing.");
    await expect(proposer.locator("ol.timeline")).toContainText("Ask the host again before refusing.");
  } finally {
    await proposer.context().close();
    await approver.context().close();
  }
});

test("deadline: a supervisor extends it with a reason; officer and applicant see the same date and state", async ({ browser, baseURL }, testInfo) => {
  const owner = await signedInPage(browser, baseURL, APPLICANT);
  const supervisor = await signedInPage(browser, baseURL, SUPERVISOR);
  const officer = await signedInPage(browser, baseURL, OFFICER);
  try {
    const created = await fileCase(owner);
    await supervisor.goto(`/${LOCALE}/staff/cases/${created.id}`);
    const form = supervisor.getByTestId("extend-deadline");
    // A reason is required; the date typed stays.
    const newDueOn = kzDate(7);
    await form.getByLabel(deadlines.extend.newDueOn).fill(newDueOn);
    await form.getByRole("button", { name: deadlines.extend.submit }).click();
    await expect(supervisor.getByTestId("error-summary")).toBeVisible();
    await expect(form.getByLabel(deadlines.extend.newDueOn)).toHaveValue(newDueOn);
    await form.getByLabel(deadlines.extend.reason).fill("The host's confirmation is requested from the akimat.");
    await form.getByRole("button", { name: deadlines.extend.submit }).click();
    await expect(supervisor.getByTestId("workbench-notice")).toHaveText(deadlines.extend.done);
    await expect(supervisor.getByTestId("deadline-history")).toContainText("The host's confirmation is requested from the akimat.");
    await expectNoA11yViolations(supervisor, testInfo);

    // The same state on the officer's case page and, in plain words, on the applicant's status page.
    await officer.goto(`/${LOCALE}/staff/cases/${created.id}`);
    const staffState = await officer.getByTestId("deadline-state").getAttribute("data-deadline-state");
    expect(["on_time", "due_soon"]).toContain(staffState);
    await expect(officer.getByTestId("extend-deadline")).toHaveCount(0);

    await owner.goto(`/${LOCALE}/applications/${created.reference}`);
    await expect(owner.getByRole("heading", { level: 1 })).toHaveText(applicant.statusPage.title.replace("{reference}", created.reference));
    const mine = owner.getByTestId("deadline-state");
    await expect(mine).toHaveAttribute("data-deadline-state", staffState!);
    await expect(mine).toContainText(deadlines.state[staffState as "on_time"]);
    await expect(owner.locator("main")).toContainText("The host's confirmation is requested from the akimat.");
    await expectNoA11yViolations(owner, testInfo);
  } finally {
    await owner.context().close();
    await supervisor.context().close();
    await officer.context().close();
  }
});
