import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import kd from "../lib/i18n/messages/en/kd.json" with { type: "json" };
import { signIn } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";

/**
 * Kandas status, across roles: a family (principal + 3 members) applies online → the akimat officer
 * drafts and the akimat supervisor grants the status → the family takes the last place of East
 * Kazakhstan's quota → both decisions verify by their QR links. A second family then finds the
 * quota full, is wait-listed and sees its position. Axe on every page on the way.
 */

const LOCALE = "en";
const REGION = "KZ-VOS";
const APPLICANT = "kandas@demo.kz";
const OFFICER = "akimat.officer@demo.kz";
const SUPERVISOR = "akimat.supervisor@demo.kz";

async function signedIn(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-GB", timezoneId: "Asia/Almaty" });
  const page = await context.newPage();
  await signIn(page, email, undefined, LOCALE);
  return page;
}

const staffStatus = (page: Page) => page.locator("main dl").first().locator("[data-status]");

/** Submits one action form of the staff case page and waits for the page to come back. */
async function act(page: Page, action: string, fields: Record<string, string> = {}) {
  const section = page.locator(`section[data-action="${action}"]`);
  for (const [name, value] of Object.entries(fields)) {
    const control = section.locator(`#${action}-${name}`);
    if ((await control.evaluate((el) => el.tagName)) === "SELECT") await control.selectOption(value);
    else await control.fill(value);
  }
  await section.getByRole("button", { name: (kd.staffActions as Record<string, { submit: string }>)[action]!.submit, exact: true }).click();
}

async function openCase(page: Page, reference: string, testInfo: TestInfo) {
  await page.goto(`/${LOCALE}/staff/cases/${reference}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
  await expectNoA11yViolations(page, testInfo);
}

/** The officer drafts a grant, the supervisor approves it, the officer opens the quota review. */
async function grantStatus(officer: Page, supervisor: Page, reference: string, testInfo: TestInfo) {
  await openCase(officer, reference, testInfo);
  await act(officer, "start_review");
  await expect(staffStatus(officer)).toHaveText(kd.status.under_review);
  await act(officer, "propose_decision", { outcome: "grant", reason: "Residence in Mongolia on 16 December 1991 is documented." });
  await expect(staffStatus(officer)).toHaveText(kd.status.decision_pending);

  await openCase(supervisor, reference, testInfo);
  await act(supervisor, "approve_decision");
  await expect(staffStatus(supervisor)).toHaveText(kd.status.status_granted);

  await officer.goto(`/${LOCALE}/staff/cases/${reference}`);
  await act(officer, "start_quota_review");
  await expect(staffStatus(officer)).toHaveText(kd.status.quota_review);
}

function family(members: number, documentSuffix: string) {
  return {
    principal: { surname: "ZHAKYPBEK", givenNames: "NURBOL", birthDate: "1975-04-02", sex: "M", citizenship: "MNG", documentType: "passport_national", documentNumber: `MN${documentSuffix}0`, ethnicKazakh: true, birthCountry: "MNG" },
    members: Array.from({ length: members }, (_, i) => ({
      surname: "ZHAKYPBEK",
      givenNames: ["GULMIRA", "ARMAN", "AIDANA"][i] ?? "ASKAR",
      birthDate: `${2005 + i}-03-01`,
      sex: i === 0 ? "F" : "M",
      citizenship: "MNG",
      documentType: "passport_national",
      documentNumber: `MN${documentSuffix}${i + 1}`,
      relationship: i === 0 ? "spouse" : "child",
    })),
    origin: { basis: "resident_abroad_at_cutoff", residenceOnCutoff: "MNG", parentEthnicKazakh: false, familyHistory: "abroad_for_generations", currentCountry: "MNG" },
    qualifications: { education: "vocational", qualification: "Veterinarian", sector: "agriculture", yearsOfExperience: 8 },
    resettlement: { region: REGION, needsCentrePlace: false, phone: "+976 99 112233" },
    documents: ["identity_document", "ethnicity_proof", "residence_abroad_proof", "family_documents", "education_proof", "employment_record"],
  };
}

test("public kandas pages explain the rules and show the free quota places", async ({ page }, testInfo) => {
  await page.goto(`/${LOCALE}/services/kandas`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kd.public.title);
  await expectNoA11yViolations(page, testInfo);

  await page.getByRole("link", { name: kd.public.checkLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kd.public.check.title);
  await expectNoA11yViolations(page, testInfo);
  await page.locator("#birthDate").fill("1970-01-01");
  await page.locator("#ethnicKazakh-yes").check();
  await page.locator("#basis-resident_abroad_at_cutoff").check();
  await page.locator("#residenceOnCutoff").selectOption("KAZ");
  await page.locator("#familyHistory-abroad_for_generations").check();
  await page.getByRole("button", { name: kd.public.check.submit }).click();
  await expect(page.getByTestId("eligibility-result")).toHaveAttribute("data-outcome", "ineligible");
  await expect(page.getByTestId("eligibility-result")).toContainText("KD-01");
  await expectNoA11yViolations(page, testInfo);

  await page.goto(`/${LOCALE}/services/kandas/quotas`);
  await expect(page.locator(`tr[data-region="${REGION}"] td`).nth(2)).toHaveText("1");
  await expectNoA11yViolations(page, testInfo);
});

test("a family of four applies online, gets the status and the last quota place; a second family is wait-listed and sees its position", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(240_000);
  await signIn(page, APPLICANT, undefined, LOCALE);
  await page.goto(`/${LOCALE}/apply/kandas`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kd.apply.title);
  await expectNoA11yViolations(page, testInfo);

  const data = family(3, String(Date.now()).slice(-6));
  const p = data.principal;
  await page.locator("#principal-surname").fill(p.surname);
  await page.locator("#principal-givenNames").fill(p.givenNames);
  await page.locator("#principal-birthDate").fill(p.birthDate);
  await page.locator("#principal-sex-M").check();
  await page.locator("#principal-citizenship").selectOption(p.citizenship);
  await page.locator("#principal-documentNumber").fill(p.documentNumber);
  await page.locator("#principal-birthCountry").selectOption(p.birthCountry);
  await page.locator("#principal-ethnicKazakh").check();

  for (const [i, m] of data.members.entries()) {
    await page.getByRole("button", { name: kd.apply.addMember }).click();
    await expect(page.locator(`#members-${i}-surname`)).toBeFocused();
    await page.locator(`#members-${i}-relationship`).selectOption(m.relationship);
    await page.locator(`#members-${i}-surname`).fill(m.surname);
    await page.locator(`#members-${i}-givenNames`).fill(m.givenNames);
    await page.locator(`#members-${i}-birthDate`).fill(m.birthDate);
    await page.locator(`#members-${i}-sex-${m.sex}`).check();
    await page.locator(`#members-${i}-citizenship`).selectOption(m.citizenship);
    await page.locator(`#members-${i}-documentNumber`).fill(m.documentNumber);
  }
  // A member added by mistake is removed again, and the others keep what was typed.
  await page.getByRole("button", { name: kd.apply.addMember }).click();
  await page.getByRole("button", { name: kd.apply.removeMember.replace("{number}", "4") }).click();
  await expect(page.getByTestId("family-member")).toHaveCount(3);
  await expect(page.locator("#members-2-givenNames")).toHaveValue("AIDANA");
  await expectNoA11yViolations(page, testInfo);

  await page.locator("#origin-basis-resident_abroad_at_cutoff").check();
  await page.locator("#origin-residenceOnCutoff").selectOption("MNG");
  await page.locator("#origin-familyHistory-abroad_for_generations").check();
  await page.locator("#origin-currentCountry").selectOption("MNG");
  await page.locator("#qualifications-education").selectOption("vocational");
  await page.locator("#qualifications-qualification").fill("Veterinarian");
  await page.locator("#qualifications-sector").selectOption("agriculture");
  await page.locator("#qualifications-yearsOfExperience").fill("8");
  await page.locator("#resettlement-region").selectOption(REGION);
  await page.locator("#resettlement-phone").fill("+976 99 112233");

  // Without the documents the form says which rule refuses it (KD-17) and keeps every answer.
  await page.getByRole("button", { name: kd.apply.submit }).click();
  await expect(page.getByTestId("error-summary")).toContainText("KD-17");
  await expect(page.locator("#members-1-givenNames")).toHaveValue("ARMAN");
  await expectNoA11yViolations(page, testInfo);
  for (const code of data.documents) await page.locator(`#documents-${code}`).check();
  await page.getByRole("button", { name: kd.apply.submit }).click();

  await expect(page).toHaveURL(/\/en\/applications\/KD-\d{4}-\d{6}-[A-Z]$/);
  const reference = page.url().split("/").pop()!;
  await expect(page.getByTestId("case-status")).toHaveText(kd.status.submitted);
  await expect(page.getByTestId("family-table").locator("tbody tr")).toHaveCount(3);
  await expectNoA11yViolations(page, testInfo);

  const officer = await signedIn(browser, baseURL, OFFICER);
  const supervisor = await signedIn(browser, baseURL, SUPERVISOR);
  await grantStatus(officer, supervisor, reference, testInfo);
  await act(officer, "include_in_quota");
  await expect(staffStatus(officer)).toHaveText(kd.status.in_quota);
  await expectNoA11yViolations(officer, testInfo);

  // The family sees both decisions and each verifies by its QR link.
  await page.reload();
  await expect(page.getByTestId("case-status")).toHaveText(kd.status.in_quota);
  await expectNoA11yViolations(page, testInfo);
  const verifyLinks = page.locator('a[href*="/verify/"]');
  await expect(verifyLinks).toHaveCount(2);
  for (const href of await verifyLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
    await page.goto(href);
    await expect(page.getByTestId("verdict")).toHaveAttribute("data-verdict", "valid");
    await expectNoA11yViolations(page, testInfo);
  }
  await page.goto(`/${LOCALE}/applications/${reference}`);
  for (const href of await page.locator('a[href^="/api/documents/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href")!))) {
    const pdf = await page.request.get(href);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
  }

  // East Kazakhstan is now full: the second family is refused a place (KD-04) and wait-listed.
  const second = await page.request.post("/api/v1/applications", { data: { service: "kandas_status", data: family(1, String(Date.now()).slice(-6)) } });
  expect(second.status(), await second.text()).toBe(201);
  const secondRef = ((await second.json()) as { reference: string }).reference;
  await grantStatus(officer, supervisor, secondRef, testInfo);
  await act(officer, "include_in_quota");
  await expect(officer.getByTestId("error-summary")).toContainText("KD-04");
  await expectNoA11yViolations(officer, testInfo);
  await act(officer, "place_on_waitlist");
  await expect(staffStatus(officer)).toHaveText(kd.status.waitlisted);

  await page.goto(`/${LOCALE}/applications/${secondRef}`);
  await expect(page.getByTestId("case-status")).toHaveText(kd.status.waitlisted);
  await expect(page.getByTestId("waitlist-position")).toHaveAttribute("data-position", "1");
  await expectNoA11yViolations(page, testInfo);
});

test("the quota planner splits the national quota and sees the centres' occupancy", async ({ page }, testInfo) => {
  await signIn(page, "quota.planner@demo.kz", undefined, LOCALE);
  await page.goto(`/${LOCALE}/quotas`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(kd.planner.title);
  await expectNoA11yViolations(page, testInfo);
  await page.locator("#families").fill("2000");
  await page.getByRole("button", { name: kd.planner.saveNational }).click();
  await expect(page.getByTestId("quota-summary")).toContainText(/2,?000/);
  await page.locator("#share-region").selectOption("KZ-ZHA");
  await page.locator("#share-families").fill("100000");
  await page.getByRole("button", { name: kd.planner.saveRegion }).click();
  await expect(page.getByTestId("error-summary")).toContainText("KD-04");
  await expectNoA11yViolations(page, testInfo);
  await page.locator("#share-families").fill("5");
  await page.getByRole("button", { name: kd.planner.saveRegion }).click();
  await expect(page.locator('tr[data-region="KZ-ZHA"] td').first()).toHaveText("5");

  await page.getByRole("link", { name: kd.planner.centresLink }).click();
  await expect(page.getByTestId("centre-occupancy").locator("tbody tr")).toHaveCount(4);
  await expectNoA11yViolations(page, testInfo);
});
