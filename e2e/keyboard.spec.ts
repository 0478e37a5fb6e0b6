import { expect, test, type Locator, type Page, type TestInfo } from "@playwright/test";
import applicant from "../lib/i18n/messages/en/applicant.json" with { type: "json" };
import common from "../lib/i18n/messages/en/common.json" with { type: "json" };
import hp from "../lib/i18n/messages/en/hp.json" with { type: "json" };
import kd from "../lib/i18n/messages/en/kd.json" with { type: "json" };
import rf from "../lib/i18n/messages/en/rf.json" with { type: "json" };
import tr from "../lib/i18n/messages/en/tr.json" with { type: "json" };
import { DEMO_PASSWORD } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { addDays, kzToday } from "./support/dates";

/**
 * An applicant completes an application of each service with the keyboard alone: Tab and Shift+Tab
 * to move, typing, arrow keys in selects and radio groups, Space for checkboxes, Enter to submit.
 * No mouse and no click() anywhere. Every control reached must show where the focus is, and every
 * page passes axe.
 */

test.describe.configure({ timeout: 240_000 });

const LOCALE = "en";
const PASSWORD = "Keyboard-Password-2026!";

/** Where `target` lies from the focused element: reached, forwards or backwards in the tab order. */
async function whereIs(page: Page, target: Locator, sameGroup: boolean): Promise<"here" | "forward" | "back"> {
  const handle = await target.elementHandle();
  return page.evaluate(
    ([el, group]) => {
      const active = document.activeElement as HTMLInputElement | null;
      const input = el as HTMLInputElement;
      if (active === el) return "here";
      // A radio group is one tab stop: being on any radio of the group is being there.
      if (group && active?.type === "radio" && active.name === input.name) return "here";
      if (!active || active === document.body) return "forward";
      return active.compareDocumentPosition(el!) & Node.DOCUMENT_POSITION_FOLLOWING ? "forward" : "back";
    },
    [handle, sameGroup] as const,
  );
}

/** The focused element shows a visible focus indicator (the :focus-visible outline of the design). */
async function expectFocusVisible(page: Page): Promise<void> {
  const shown = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "nothing focused";
    const style = getComputedStyle(el);
    const visible = el.matches(":focus-visible") && (style.outlineStyle !== "none" && style.outlineWidth !== "0px" || style.boxShadow !== "none");
    return visible ? "ok" : `no visible focus on ${el.tagName}#${el.id}`;
  });
  expect(shown).toBe("ok");
}

/** Moves the focus to `target` with Tab / Shift+Tab only. */
async function tabTo(page: Page, target: Locator, sameGroup = false): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const where = await whereIs(page, target, sameGroup);
    if (where === "here") {
      await expectFocusVisible(page);
      return;
    }
    await page.keyboard.press(where === "forward" ? "Tab" : "Shift+Tab");
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

async function type(page: Page, target: Locator, value: string): Promise<void> {
  await tabTo(page, target);
  const kind = await target.evaluate((el) => (el as HTMLInputElement).type);
  if (kind === "date") {
    // Typed segment by segment as shown by the browser's date field: month first in Chromium's
    // default English, day first in most other languages.
    const [y, m, d] = value.split("-");
    await page.keyboard.type(`${m}${d}${y}`);
    if ((await target.inputValue()) !== value) {
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.press("ArrowLeft");
      await page.keyboard.type(`${d}${m}${y}`);
    }
  } else {
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(value);
  }
  await expect(target).toHaveValue(value);
}

/** Picks an option of a closed select with the arrow keys, as a keyboard user does. */
async function choose(page: Page, target: Locator, value: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press("Home");
  const count = await target.locator("option").count();
  for (let i = 0; i < count && (await target.inputValue()) !== value; i++) await page.keyboard.press("ArrowDown");
  await expect(target).toHaveValue(value);
}

/** Tabs into the radio group and moves to the option with the arrow keys (Space on a first, unchecked stop). */
async function pick(page: Page, radio: Locator): Promise<void> {
  await tabTo(page, radio, true);
  for (let i = 0; i < 12 && !(await radio.isChecked()); i++) {
    const focusedChecked = await page.evaluate(() => (document.activeElement as HTMLInputElement).checked);
    await page.keyboard.press(focusedChecked ? "ArrowDown" : "Space");
  }
  await expect(radio).toBeChecked();
}

async function tick(page: Page, checkbox: Locator): Promise<void> {
  await tabTo(page, checkbox);
  if (!(await checkbox.isChecked())) await page.keyboard.press("Space");
  await expect(checkbox).toBeChecked();
}

async function press(page: Page, button: Locator): Promise<void> {
  await tabTo(page, button);
  await page.keyboard.press("Enter");
}

/** Opens a page and enters its content through the skip link, the first stop of every page. */
async function open(page: Page, path: string, testInfo: TestInfo): Promise<void> {
  await page.goto(`/${LOCALE}${path}`);
  await page.keyboard.press("Tab");
  await expect(page.locator(".skip-link")).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expectNoA11yViolations(page, testInfo);
}

async function signUp(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await open(page, "/sign-up", testInfo);
  const form = page.locator("form").filter({ has: page.locator('input[name="confirmPassword"]') });
  await type(page, form.locator('input[name="displayName"]'), name);
  await type(page, form.locator('input[name="email"]'), `kbd-${Date.now()}-${Math.floor(Math.random() * 1e6)}@e2e.test`);
  await type(page, form.locator('input[name="password"]'), PASSWORD);
  await type(page, form.locator('input[name="confirmPassword"]'), PASSWORD);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/en\/applications$/);
}

async function signIn(page: Page, email: string, testInfo: TestInfo): Promise<void> {
  await open(page, "/sign-in", testInfo);
  const form = page.locator("form").filter({ has: page.locator('input[name="password"]') });
  await type(page, form.locator('input[name="email"]'), email);
  await type(page, form.locator('input[name="password"]'), DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  // The skip link left "#main" in the address: wait until the sign-in page is left altogether.
  await expect(page).not.toHaveURL(/\/sign-in/);
}

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/** The application shows in My applications, reached and opened from the keyboard. */
async function findInMyApplications(page: Page, reference: string, testInfo: TestInfo): Promise<void> {
  await open(page, "/applications", testInfo);
  const link = page.getByRole("link", { name: reference, exact: true });
  await press(page, link);
  await expect(h1(page)).toHaveText(applicant.statusPage.title.replace("{reference}", reference));
  await expectNoA11yViolations(page, testInfo);
}

test("temporary registration: the five-step wizard with the keyboard alone", async ({ page }, testInfo) => {
  const today = kzToday();
  await signUp(page, testInfo, "Aziz Karimov");
  await open(page, "/apply/temporary-registration", testInfo);
  const F = tr.form.fields;
  const next = page.getByRole("button", { name: common.actions.continue });

  await expect(h1(page)).toHaveText(tr.form.pages.person.title);
  await type(page, byId(page, "person-surname"), "KARIMOV");
  await type(page, byId(page, "person-givenNames"), "AZIZ");
  await type(page, byId(page, "person-birthDate"), "1990-05-14");
  await pick(page, page.getByRole("radio", { name: tr.sexes.M, exact: true }));
  await choose(page, byId(page, "person-citizenship"), "UZB");
  await press(page, next);

  // The new step's heading takes the focus, so the user hears where they are.
  await expect(h1(page)).toHaveText(tr.form.pages.passport.title);
  await expect(h1(page)).toBeFocused();
  await expectNoA11yViolations(page, testInfo);
  await choose(page, byId(page, "passport-passportType"), "national");
  await type(page, byId(page, "passport-passportNumber"), "FA5550001");
  await type(page, byId(page, "passport-passportExpiresOn"), "2031-01-01");
  await press(page, next);

  await expect(h1(page)).toHaveText(tr.form.pages.stay.title);
  await expectNoA11yViolations(page, testInfo);
  await type(page, byId(page, "stay-entryDate"), addDays(today, -1));
  await choose(page, byId(page, "stay-purpose"), "private_visit");
  // An end date before the entry: the error summary takes the focus and links to the field.
  await type(page, byId(page, "stay-requestedEndDate"), addDays(today, -3));
  await press(page, next);
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expectNoA11yViolations(page, testInfo);
  await press(page, summary.getByRole("link").first());
  await expect(byId(page, "stay-requestedEndDate")).toBeFocused();
  await type(page, byId(page, "stay-requestedEndDate"), addDays(today, 20));
  await press(page, next);

  await expect(h1(page)).toHaveText(tr.form.pages.address.title);
  await expectNoA11yViolations(page, testInfo);
  await choose(page, byId(page, "address-region"), "KZ-ALA");
  await type(page, byId(page, "address-city"), "Almaty");
  await type(page, byId(page, "address-street"), "Abay avenue");
  await type(page, byId(page, "address-building"), "10");
  await press(page, next);

  await expect(h1(page)).toHaveText(tr.form.pages.host.title);
  await expectNoA11yViolations(page, testInfo);
  await pick(page, page.getByRole("radio", { name: tr.hostKinds.individual }));
  await type(page, page.getByLabel(F.host.identifier.label, { exact: true }), "850412300016");
  await type(page, page.getByLabel(F.host.name.label, { exact: true }), "Serik Akhmetov");
  await type(page, page.getByLabel(F.host.phone.label, { exact: true }), "+7 701 123 45 67");
  await press(page, next);

  await expect(h1(page)).toHaveText(tr.form.pages.check.title);
  await expectNoA11yViolations(page, testInfo);
  await press(page, page.getByRole("button", { name: tr.form.submit }));
  await expect(page).toHaveURL(/\/en\/applications\/TR-\d{4}-\d{6}-[A-Z]\/confirmation$/);
  const reference = (await page.getByTestId("case-reference").textContent())!.trim();
  await expectNoA11yViolations(page, testInfo);
  await findInMyApplications(page, reference, testInfo);
});

test("household permit: the one-page form with the keyboard alone", async ({ page }, testInfo) => {
  const today = kzToday();
  const entry = addDays(today, -3);
  await signUp(page, testInfo, "Bobur Toshmatov");
  await open(page, "/apply/household-permit", testInfo);
  await expect(h1(page)).toHaveText(hp.apply.title);

  const text: [string, string][] = [
    ["person-surname", "TOSHMATOV"],
    ["person-givenNames", "BOBUR"],
    ["person-birthDate", "1992-07-21"],
    ["passport-passportNumber", `FA${Math.floor(1_000_000 + Math.random() * 8_999_999)}`],
    ["passport-passportExpiresOn", "2031-01-01"],
    ["stay-entryDate", entry],
    ["insurance-insurer", "Halyk Insurance"],
    ["insurance-policyNumber", "MED-778899"],
    ["insurance-validFrom", entry],
    ["insurance-validUntil", addDays(entry, 360)],
    ["certificates-criminalRecordNumber", "CR-UZB-55821"],
    ["certificates-criminalRecordIssuedOn", addDays(today, -20)],
    ["certificates-medicalNumber", "MC-1042"],
    ["certificates-medicalIssuedOn", today],
    // A householder of its own, so the permit journey's counts of the demo householder stay as they are.
    ["employer-iin", "680808309096"],
    ["employer-name", "Marat Kenzhebayev"],
    ["employer-phone", "+7 701 314 03 14"],
    ["employer-address", "Almaty, Dostyk avenue 210"],
  ];
  const selects: [string, string][] = [
    ["person-sex", "M"],
    ["person-citizenship", "UZB"],
    ["work-category", "construction_repair"],
    ["work-termMonths", "6"],
    ["work-region", "KZ-ALA"],
    ["certificates-medicalCategory", "construction_repair"],
    ["employer-region", "KZ-ALA"],
  ];
  // In the order of the form, so the focus moves forwards as a person's would.
  const controls = [...text.map(([id, v]) => ({ id, v, select: false })), ...selects.map(([id, v]) => ({ id, v, select: true }))];
  const order = await page.evaluate((ids) => ids.sort((a, b) => (document.getElementById(a)!.compareDocumentPosition(document.getElementById(b)!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1)), controls.map((c) => c.id));
  for (const id of order) {
    const c = controls.find((x) => x.id === id)!;
    if (c.select) await choose(page, byId(page, id), c.v);
    else await type(page, byId(page, id), c.v);
  }
  await press(page, page.getByRole("button", { name: hp.apply.submit }));
  await expect(page).toHaveURL(/\/en\/applications\/HP-\d{4}-\d{6}-[A-Z]\?done=filed$/);
  await expectNoA11yViolations(page, testInfo);
  const reference = /HP-\d{4}-\d{6}-[A-Z]/.exec(page.url())![0];
  await findInMyApplications(page, reference, testInfo);
});

test("refugee status renewal: the renewal form with the keyboard alone", async ({ page }, testInfo) => {
  await signIn(page, "refugee3@demo.kz", testInfo);
  await open(page, "/apply/refugee-renewal", testInfo);
  await expect(h1(page)).toHaveText(rf.apply.title);
  const form = page.getByTestId("rf-renewal-form");
  await type(page, form.getByLabel(rf.apply.fields.city, { exact: true }), "Almaty");
  await type(page, form.getByLabel(rf.apply.fields.street, { exact: true }), "Tole bi street");
  await type(page, form.getByLabel(rf.apply.fields.building, { exact: true }), "45");
  await type(page, form.getByLabel(rf.apply.fields.phone, { exact: true }), "+7 701 555 11 22");
  // Submitted without a statement: the summary takes the focus, its link leads to the field.
  await press(page, form.getByRole("button", { name: rf.apply.submit }));
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expectNoA11yViolations(page, testInfo);
  await press(page, summary.getByRole("link").first());
  const statement = form.getByLabel(rf.apply.fields.statement, { exact: true });
  await expect(statement).toBeFocused();
  await type(page, statement, "Nothing has changed in my home country; I ask to extend my status.");
  await press(page, form.getByRole("button", { name: rf.apply.submit }));
  await expect(page.getByTestId("rf-filed")).toBeVisible();
  await expectNoA11yViolations(page, testInfo);
  const reference = /RF-\d{4}-\d{6}-[A-Z]/.exec((await page.getByTestId("rf-filed").textContent()) ?? "")![0];
  await findInMyApplications(page, reference, testInfo);
});

test("kandas status: a family application with the keyboard alone", async ({ page }, testInfo) => {
  const suffix = String(Date.now()).slice(-6);
  await signUp(page, testInfo, "Nurbol Zhakypbek");
  await open(page, "/apply/kandas", testInfo);
  await expect(h1(page)).toHaveText(kd.apply.title);

  await type(page, byId(page, "principal-surname"), "ZHAKYPBEK");
  await type(page, byId(page, "principal-givenNames"), "NURBOL");
  await type(page, byId(page, "principal-birthDate"), "1975-04-02");
  await pick(page, byId(page, "principal-sex-M"));
  await choose(page, byId(page, "principal-citizenship"), "MNG");
  await type(page, byId(page, "principal-documentNumber"), `MN${suffix}0`);
  await choose(page, byId(page, "principal-birthCountry"), "MNG");
  await tick(page, byId(page, "principal-ethnicKazakh"));

  // Adding a member moves the focus into the new member's first field.
  await press(page, page.getByRole("button", { name: kd.apply.addMember }));
  await expect(byId(page, "members-0-surname")).toBeFocused();
  await choose(page, byId(page, "members-0-relationship"), "spouse");
  await type(page, byId(page, "members-0-surname"), "ZHAKYPBEK");
  await type(page, byId(page, "members-0-givenNames"), "GULMIRA");
  await type(page, byId(page, "members-0-birthDate"), "1980-03-01");
  await pick(page, byId(page, "members-0-sex-F"));
  await choose(page, byId(page, "members-0-citizenship"), "MNG");
  await type(page, byId(page, "members-0-documentNumber"), `MN${suffix}1`);

  await pick(page, byId(page, "origin-basis-resident_abroad_at_cutoff"));
  await choose(page, byId(page, "origin-residenceOnCutoff"), "MNG");
  await pick(page, byId(page, "origin-familyHistory-abroad_for_generations"));
  await choose(page, byId(page, "origin-currentCountry"), "MNG");
  await choose(page, byId(page, "qualifications-education"), "vocational");
  await type(page, byId(page, "qualifications-qualification"), "Veterinarian");
  await choose(page, byId(page, "qualifications-sector"), "agriculture");
  await type(page, byId(page, "qualifications-yearsOfExperience"), "8");
  await choose(page, byId(page, "resettlement-region"), "KZ-MAN");
  await type(page, byId(page, "resettlement-phone"), "+976 99 112233");
  for (const code of ["identity_document", "ethnicity_proof", "residence_abroad_proof", "family_documents", "education_proof", "employment_record"]) {
    await tick(page, byId(page, `documents-${code}`));
  }
  await expectNoA11yViolations(page, testInfo);
  await press(page, page.getByRole("button", { name: kd.apply.submit }));
  await expect(page).toHaveURL(/\/en\/applications\/KD-\d{4}-\d{6}-[A-Z]$/);
  await expectNoA11yViolations(page, testInfo);
  const reference = /KD-\d{4}-\d{6}-[A-Z]/.exec(page.url())![0];
  await findInMyApplications(page, reference, testInfo);
});
