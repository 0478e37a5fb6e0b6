import { expect, test, type Page, type TestInfo } from "@playwright/test";
import hearingKk from "../lib/i18n/messages/kk/hearing.json" with { type: "json" };
import hearingRu from "../lib/i18n/messages/ru/hearing.json" with { type: "json" };
import trKk from "../lib/i18n/messages/kk/tr.json" with { type: "json" };
import trRu from "../lib/i18n/messages/ru/tr.json" with { type: "json" };
import approvalsKk from "../lib/i18n/messages/kk/approvals.json" with { type: "json" };
import approvalsRu from "../lib/i18n/messages/ru/approvals.json" with { type: "json" };
import { signedInPage } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { kzDate, kzToday } from "./support/dates";
import { applicantStep, issuePreliminaryRefusal, staffAction } from "./support/hearing";

const APPLICANT = "applicant@demo.kz";
const OFFICER = "officer.almaty@demo.kz";
const SUPERVISOR = "supervisor.almaty@demo.kz";
const MESSAGES = { kk: { hearing: hearingKk, tr: trKk, approvals: approvalsKk }, ru: { hearing: hearingRu, tr: trRu, approvals: approvalsRu } } as const;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");

/** The applicant files a registration through the JSON API with their own session, so the case is theirs. */
async function fileOwnCase(page: Page, tag: string): Promise<{ id: string; reference: string }> {
  const response = await page.request.post("/api/v1/applications", {
    data: {
      service: "temporary_registration",
      data: {
        person: { surname: "KARIMOV", givenNames: "AZIZ", birthDate: "1990-05-14", sex: "M", citizenship: "UZB" },
        passport: { passportType: "national", passportNumber: `H${String(Date.now()).slice(-7)}${tag}`, passportExpiresOn: kzDate(1000) },
        stay: { entryDate: kzDate(-1), purpose: "private_visit", requestedEndDate: kzDate(20), eaeuWorker: false },
        address: { region: "KZ-ALA", city: "Almaty", street: "Abay avenue", building: "10", flat: "5" },
        host: { kind: "individual", identifier: "850412300016", name: "Serik Akhmetov", phone: "+7 701 123 45 67" },
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; reference: string };
}

const staffStatus = (page: Page) => page.locator("main dl").first().locator("[data-status]");

for (const locale of ["kk", "ru"] as const) {
  const { hearing, tr, approvals } = MESSAGES[locale];

  test(`${locale}: a request for information answered with a document, a preliminary refusal, a hearing, minutes, and a verifiable refusal letter (X-HEAR-01…07)`, async ({ browser, baseURL }, testInfo: TestInfo) => {
    const applicant = await signedInPage(browser, baseURL, APPLICANT, { locale });
    const officer = await signedInPage(browser, baseURL, OFFICER, { locale });
    const { id, reference } = await fileOwnCase(applicant, locale === "kk" ? "1" : "2");

    // The officer asks for a document: the case waits and its clock stops.
    await officer.goto(`/${locale}/staff/cases/${id}`);
    await staffAction(officer, "start_review").locator('button[type="submit"]').click();
    await expect(staffStatus(officer)).toHaveText(tr.status.under_review);
    const ask = staffAction(officer, "request_information");
    await ask.locator('textarea[name="items"]').fill("Жалға алу шартының көшірмесі / копия договора аренды.");
    await ask.locator('button[type="submit"]').click();
    await expect(staffStatus(officer)).toHaveText(tr.status.awaiting_information);
    await expectNoA11yViolations(officer, testInfo);

    // The applicant sees the request, tries a file that is not a PDF, then sends a real one.
    await applicant.goto(`/${locale}/applications/${reference}`);
    await expect(applicant.getByTestId("case-status")).toHaveText(tr.status.awaiting_information);
    await expect(applicant.getByTestId("information-request")).toContainText("договора аренды");
    await expectNoA11yViolations(applicant, testInfo);
    const answer = applicantStep(applicant, "answer_information");
    await answer.locator('textarea[name="answer"]').fill("Шарттың көшірмесі қоса берілді.");
    await answer.locator('input[name="files"]').setInputFiles({ name: "contract.pdf", mimeType: "application/pdf", buffer: Buffer.from("this is not a pdf") });
    await answer.locator('button[type="submit"]').click();
    await expect(answer.locator("#files-error")).toContainText("contract.pdf");
    await expect(answer.locator('textarea[name="answer"]')).toHaveValue("Шарттың көшірмесі қоса берілді.");
    await expectNoA11yViolations(applicant, testInfo);
    await answer.locator('input[name="files"]').setInputFiles({ name: "contract.pdf", mimeType: "application/pdf", buffer: PDF });
    await answer.locator('button[type="submit"]').click();
    await expect(applicant.getByText(hearing.applicant.done.answer_information)).toBeVisible();
    await expect(applicant.getByTestId("case-status")).toHaveText(tr.status.under_review);

    // The officer intends to refuse: the applicant is told the grounds and asks for a hearing in person.
    await officer.reload();
    await issuePreliminaryRefusal(officer, "address_not_confirmed", "Үй иесі сіздің осы мекенжайда тұрмайтыныңызды айтты.");
    await applicant.goto(`/${locale}/applications/${reference}`);
    await expect(applicant.getByTestId("case-status")).toHaveText(tr.status.preliminary_refusal);
    await expect(applicant.getByTestId("preliminary-grounds")).toHaveText(tr.refusalReasons.address_not_confirmed);
    await expectNoA11yViolations(applicant, testInfo);
    const ask4hearing = applicantStep(applicant, "request_hearing");
    await ask4hearing.getByLabel(hearing.applicant.modeInPerson).check();
    await ask4hearing.locator('button[type="submit"]').click();
    await expect(applicant.getByText(hearing.applicant.done.request_hearing)).toBeVisible();
    await expect(applicant.getByTestId("hearing-requested")).toBeVisible();

    // The final refusal is refused by the engine until the hearing took place.
    await officer.reload();
    const refuse = staffAction(officer, "refuse");
    await refuse.locator('select[name="reasonCode"]').selectOption("address_not_confirmed");
    await refuse.locator('textarea[name="reason"]').fill("The host denied that the applicant lives at the address.");
    await refuse.locator('button[type="submit"]').click();
    await expect(officer.getByTestId("error-summary")).toContainText("X-HEAR-03");

    const schedule = staffAction(officer, "schedule_hearing");
    await schedule.locator('input[name="date"]').fill(kzToday());
    await schedule.locator('input[name="time"]').fill("10:00");
    await schedule.locator('textarea[name="place"]').fill("Абай даңғылы 10, 12-кабинет");
    await schedule.locator('button[type="submit"]').click();
    await expect(officer.getByTestId("staff-conversation")).toContainText("Абай даңғылы 10");
    const minutes = staffAction(officer, "record_hearing_minutes");
    await minutes.locator('textarea[name="minutes"]').fill("Өтініш беруші келді, үй иесінің қателескенін айтты; жаңа құжат ұсынылмады.");
    await minutes.locator('input[name="attended"]').check();
    await minutes.locator('button[type="submit"]').click();
    await expect(officer.getByTestId("staff-conversation")).toContainText("үй иесінің қателескенін");
    await refuse.locator('select[name="reasonCode"]').selectOption("address_not_confirmed");
    await refuse.locator('textarea[name="reason"]').fill("The host denied that the applicant lives at the address.");
    await refuse.locator('button[type="submit"]').click();
    // Four-eyes: the refusal takes effect when a supervisor approves it.
    await expect(officer.getByTestId("pending-approval")).toBeVisible();
    await expectNoA11yViolations(officer, testInfo);
    const supervisor = await signedInPage(browser, baseURL, SUPERVISOR, { locale });
    try {
      await supervisor.goto(`/${locale}/staff/cases/${id}`);
      await supervisor.getByTestId("pending-approval").getByRole("button", { name: approvals.inbox.approve }).click();
      await expect(staffStatus(supervisor)).toHaveText(tr.status.refused);
    } finally {
      await supervisor.context().close();
    }

    // The applicant sees the decision, the minutes, and a refusal letter anyone can verify.
    await applicant.goto(`/${locale}/applications/${reference}`);
    await expect(applicant.getByTestId("case-status")).toHaveText(tr.status.refused);
    await expect(applicant.getByTestId("hearing-minutes")).toContainText("үй иесінің қателескенін");
    await expect(applicant.getByTestId("timeline")).toContainText("үй иесінің қателескенін");
    const letter = applicant.locator("li.card").filter({ hasText: tr.documentTypes.refusal_decision });
    await expect(letter).toHaveCount(1);
    await expectNoA11yViolations(applicant, testInfo);
    const pdf = await applicant.request.get((await letter.locator('a[href*="/pdf"]').getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await letter.locator('a[href*="/verify/"]').click();
    await expect(applicant.getByTestId("verdict")).toHaveAttribute("data-verdict", "valid");
    await expectNoA11yViolations(applicant, testInfo);
  });
}
