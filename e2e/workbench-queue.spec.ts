import { expect, test, type Page } from "@playwright/test";
import staff from "../lib/i18n/messages/en/staff.json" with { type: "json" };
import wb from "../lib/i18n/messages/en/workbench.json" with { type: "json" };
import { signedInPage } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { kzDate } from "./support/dates";

const LOCALE = "en";
const OFFICER = { email: "officer.almaty@demo.kz", name: "Daulet Serikbayev" };
const SUPERVISOR = { email: "supervisor.almaty@demo.kz", name: "Gulnara Abenova" };
const SUPERVISOR_2 = { name: "Yerlan Mukanov" };
const VIEWS = ["all", "mine", "unassigned", "team", "overdue", "due_soon", "waiting"] as const;

/** A surname no other case has, so a search for it shows exactly this test's cases. */
function uniqueSurname(): string {
  const letters = Array.from({ length: 9 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
  return `Q${letters}`;
}

let filed = 0;

/** Files and submits an Almaty temporary registration through the JSON API with the page's session. */
async function fileCase(page: Page, surname: string): Promise<string> {
  filed += 1;
  const response = await page.request.post("/api/v1/applications", {
    data: {
      service: "temporary_registration",
      data: {
        person: { surname, givenNames: "TIMUR", birthDate: "1990-05-14", sex: "M", citizenship: "UZB" },
        passport: { passportType: "national", passportNumber: `W${String(Date.now()).slice(-8)}${filed}`, passportExpiresOn: kzDate(1000) },
        stay: { entryDate: kzDate(-1), purpose: "private_visit", requestedEndDate: kzDate(20), eaeuWorker: false },
        address: { region: "KZ-ALA", city: "Almaty", street: "Abay avenue", building: "10", flat: "5" },
        host: { kind: "individual", identifier: "850412300016", name: "Serik Akhmetov", phone: "+7 701 123 45 67" },
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { reference: string }).reference;
}

const references = (page: Page) => page.locator("table.data tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-reference") ?? ""));
const total = async (page: Page) => Number((await page.getByTestId("queue-total").textContent())?.match(/\d+/)?.[0] ?? 0);

test("a supervisor reassigns three cases in bulk and the officer sees exactly them in My work", async ({ browser, baseURL }, testInfo) => {
  const officer = await signedInPage(browser, baseURL, OFFICER.email);
  const supervisor = await signedInPage(browser, baseURL, SUPERVISOR.email);
  try {
    const surname = uniqueSurname();
    const filedRefs = [await fileCase(officer, surname), await fileCase(officer, surname), await fileCase(officer, surname)];

    await officer.goto(`/${LOCALE}/staff/queue?view=mine`);
    const before = await total(officer);
    // Officers see no selection or reassignment controls.
    await expect(officer.locator('input[name="case"]')).toHaveCount(0);
    await expect(officer.getByRole("button", { name: wb.bulk.submit })).toHaveCount(0);

    // The supervisor finds them in Unassigned with the search box, a plain GET form.
    await supervisor.goto(`/${LOCALE}/staff/queue`);
    await supervisor.getByRole("link", { name: wb.views.unassigned }).click();
    await expect(supervisor.getByRole("link", { name: wb.views.unassigned })).toHaveAttribute("aria-current", "page");
    await supervisor.locator('input[name="q"]').fill(surname);
    await supervisor.getByRole("button", { name: staff.queue.apply }).click();
    await expect(supervisor).toHaveURL(/[?&]view=unassigned/);
    await expect(supervisor.getByTestId("queue-total")).toHaveText("3 cases");
    expect((await references(supervisor)).sort()).toEqual([...filedRefs].sort());
    await expectNoA11yViolations(supervisor, testInfo);

    // Nothing chosen: told so, nothing moves.
    await supervisor.getByRole("button", { name: wb.bulk.submit }).click();
    await expect(supervisor.getByTestId("bulk-error")).toContainText(wb.bulk.errors.empty);

    await supervisor.getByLabel(wb.bulk.selectAll).check();
    await supervisor.getByLabel(wb.bulk.assignTo).selectOption({ label: OFFICER.name });
    await supervisor.getByLabel(wb.bulk.reason).fill("Balancing the load before the holidays");
    await supervisor.getByRole("button", { name: wb.bulk.submit }).click();
    await expect(supervisor.getByText("3 cases reassigned.")).toBeVisible();
    // The search is kept, and the cases have left Unassigned.
    await expect(supervisor).toHaveURL(new RegExp(`[?&]q=${surname}`));
    await expect(supervisor.getByTestId("queue-total")).toHaveText("No cases");
    await expectNoA11yViolations(supervisor, testInfo);

    await officer.goto(`/${LOCALE}/staff/queue?view=mine&q=${surname}`);
    await expect(officer.getByTestId("queue-total")).toHaveText("3 cases");
    expect((await references(officer)).sort()).toEqual([...filedRefs].sort());
    await officer.goto(`/${LOCALE}/staff/queue?view=mine`);
    expect(await total(officer)).toBe(before + 3);
    await expect(officer.getByRole("link", { name: wb.views.mine })).toHaveAttribute("aria-current", "page");
  } finally {
    await officer.context().close();
    await supervisor.context().close();
  }
});

test("an officer whose case a supervisor gives to someone else is told on the next page view", async ({ browser, baseURL }, testInfo) => {
  const officer = await signedInPage(browser, baseURL, OFFICER.email);
  const supervisor = await signedInPage(browser, baseURL, SUPERVISOR.email);
  try {
    const surname = uniqueSurname();
    const reference = await fileCase(officer, surname);
    await officer.goto(`/${LOCALE}/staff/queue?q=${surname}`);
    await officer.getByRole("link", { name: reference }).click();
    await officer.getByRole("button", { name: staff.assignment.claim }).click();
    await expect(officer.getByText(staff.assignment.claimed)).toBeVisible();

    // The team view shows who holds it; the supervisor moves it to a colleague.
    await supervisor.goto(`/${LOCALE}/staff/queue?view=team&q=${surname}`);
    const row = supervisor.locator(`tr[data-reference="${reference}"]`);
    await expect(row).toContainText(OFFICER.name);
    await supervisor.getByLabel(wb.bulk.selectCase.replace("{reference}", reference)).check();
    await supervisor.getByLabel(wb.bulk.assignTo).selectOption({ label: SUPERVISOR_2.name });
    await supervisor.getByRole("button", { name: wb.bulk.submit }).click();
    await expect(supervisor.getByText("1 case reassigned.")).toBeVisible();

    await officer.goto(`/${LOCALE}/staff`);
    const notices = officer.getByTestId("staff-notices");
    await expect(notices).toContainText(staff.assignment.takenNotice.replace("{reference}", reference).replace("{by}", SUPERVISOR.name));
    await expectNoA11yViolations(officer, testInfo);
    await officer.goto(`/${LOCALE}/staff/queue?view=mine&q=${surname}`);
    await expect(officer.getByTestId("queue-total")).toHaveText("No cases");
  } finally {
    await officer.context().close();
    await supervisor.context().close();
  }
});

test("a stale selection is refused as a whole and names the case that changed", async ({ browser, baseURL }) => {
  const officer = await signedInPage(browser, baseURL, OFFICER.email);
  const supervisor = await signedInPage(browser, baseURL, SUPERVISOR.email);
  try {
    const surname = uniqueSurname();
    const [first, second] = [await fileCase(officer, surname), await fileCase(officer, surname)];
    await supervisor.goto(`/${LOCALE}/staff/queue?view=unassigned&q=${surname}`);
    await expect(supervisor.getByTestId("queue-total")).toHaveText("2 cases");
    // Meanwhile the officer takes one of them.
    await officer.goto(`/${LOCALE}/staff/queue?q=${second}`);
    await officer.getByRole("link", { name: second }).click();
    await officer.getByRole("button", { name: staff.assignment.claim }).click();
    await expect(officer.getByText(staff.assignment.claimed)).toBeVisible();

    await supervisor.getByLabel(wb.bulk.selectAll).check();
    await supervisor.getByLabel(wb.bulk.assignTo).selectOption({ label: SUPERVISOR_2.name });
    await supervisor.getByRole("button", { name: wb.bulk.submit }).click();
    await expect(supervisor.getByTestId("bulk-error")).toContainText(wb.bulk.errors.version_conflict.replace("{reference}", second));
    await expect(supervisor.getByTestId("bulk-error")).toContainText(wb.bulk.nothingMoved);
    // Neither moved: the first is still unassigned.
    expect(await references(supervisor)).toEqual([first]);
  } finally {
    await officer.context().close();
    await supervisor.context().close();
  }
});

test("every view of the queue has no accessibility violations, for a supervisor and an officer", async ({ browser, baseURL }, testInfo) => {
  const supervisor = await signedInPage(browser, baseURL, SUPERVISOR.email);
  const officer = await signedInPage(browser, baseURL, OFFICER.email);
  try {
    for (const view of VIEWS) {
      await supervisor.goto(`/${LOCALE}/staff/queue?view=${view}`);
      await expect(supervisor.getByRole("link", { name: wb.views[view] })).toHaveAttribute("aria-current", "page");
      await expect(supervisor.getByRole("table").or(supervisor.getByText(staff.queue.empty))).toBeVisible();
      await expectNoA11yViolations(supervisor, testInfo);
    }
    // The longer Kazakh and Russian labels too.
    for (const locale of ["kk", "ru"]) {
      await supervisor.goto(`/${locale}/staff/queue?view=team`);
      await expect(supervisor.locator('a[aria-current="page"][href*="view=team"]')).toHaveCount(1);
      await expectNoA11yViolations(supervisor, testInfo);
    }
    // Officers have no team view; filters and the other order keep the page accessible.
    await officer.goto(`/${LOCALE}/staff/queue?view=team`);
    await expect(officer.getByRole("link", { name: wb.views.team })).toHaveCount(0);
    await expect(officer.getByRole("link", { name: wb.views.all })).toHaveAttribute("aria-current", "page");
    await officer.goto(`/${LOCALE}/staff/queue?sort=filed&flag=late_filing&flag=overstay&filedFrom=${kzDate(-60)}&dueTo=${kzDate(60)}`);
    await expect(officer.getByRole("table").or(officer.getByText(staff.queue.empty))).toBeVisible();
    await expect(officer.locator("#sort")).toHaveValue("filed");
    await expect(officer.locator("#flag-late_filing")).toBeChecked();
    await expectNoA11yViolations(officer, testInfo);
  } finally {
    await supervisor.context().close();
    await officer.context().close();
  }
});
