import { expect, test, type Page } from "@playwright/test";
import integrity from "../lib/i18n/messages/en/integrity.json" with { type: "json" };
import staff from "../lib/i18n/messages/en/staff.json" with { type: "json" };
import { signIn, signedInPage } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";
import { kzDate } from "./support/dates";

const LOCALE = "en";
const OFFICER_ALMATY = "officer.almaty@demo.kz";
const SUPERVISOR_ALMATY = "supervisor.almaty@demo.kz";
const OFFICER_ASTANA = "officer.astana@demo.kz";

/** Letters only (names are Latin), different on every run so earlier runs' data cannot match. */
function uniqueSurname(): string {
  return [...String(Date.now()).slice(-7)].map((d) => "ABCDEFGHIK"[Number(d)]).join("");
}

/** Files and submits an Almaty registration through the JSON API with the page's session cookie. */
async function fileAlmatyCase(page: Page, person: Record<string, string>, passportNumber: string): Promise<{ id: string; reference: string }> {
  const response = await page.request.post("/api/v1/applications", {
    data: {
      service: "temporary_registration",
      data: {
        person: { sex: "M", citizenship: "UZB", ...person },
        passport: { passportType: "national", passportNumber, passportExpiresOn: kzDate(1000) },
        stay: { entryDate: kzDate(-1), purpose: "private_visit", requestedEndDate: kzDate(20), eaeuWorker: false },
        address: { region: "KZ-ALA", city: "Almaty", street: "Abay avenue", building: "10", flat: "5" },
        host: { kind: "individual", identifier: "850412300016", name: "Serik Akhmetov", phone: "+7 701 123 45 67" },
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; reference: string };
}

test("officer: a Cyrillic/Latin potential duplicate is shown side by side and resolved as the same person", async ({ page }, testInfo) => {
  await signIn(page, OFFICER_ALMATY, undefined, LOCALE);
  const surname = uniqueSurname();
  const stamp = String(Date.now()).slice(-6);
  const first = await fileAlmatyCase(page, { surname: `${surname}OV`, givenNames: "RUSTAM", birthDate: "1987-04-21" }, `DA${stamp}1`);
  const second = await fileAlmatyCase(page, { surname: `${surname}OV`, givenNames: "RUSTAM", surnameCyrillic: "Хасанов", givenNamesCyrillic: "Рустам", birthDate: "1987-04-21" }, `DB${stamp}2`);

  await page.goto(`/${LOCALE}/staff/cases/${second.reference}`);
  await expect(page.locator("main dl").first()).toContainText(integrity.flags.potential_duplicate);
  const panel = page.getByTestId("duplicate-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(integrity.duplicates.title);
  const pair = panel.getByTestId("duplicate-pair").filter({ hasText: first.reference });
  await expect(pair).toHaveCount(1);
  // Side by side: this case's record and the earlier one, in both scripts.
  const table = pair.getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText([integrity.duplicates.attribute, integrity.duplicates.thisRecord, integrity.duplicates.otherRecord]);
  await expect(table.getByRole("row", { name: new RegExp(integrity.duplicates.fields.nameCyrillic.replace(/[()]/g, "\\$&")) })).toContainText("Хасанов Рустам");
  await expect(table.getByRole("row", { name: new RegExp(`^${integrity.duplicates.fields.case}`) })).toContainText(first.reference);
  await expect(pair).toContainText(integrity.duplicates.state.open);
  await expectNoA11yViolations(page, testInfo);

  await pair.getByRole("button", { name: integrity.duplicates.samePerson, exact: true }).click();
  await expect(page.getByTestId("duplicate-panel").getByRole("status")).toHaveText(integrity.duplicates.resolved);
  await expect(page.getByTestId("duplicate-pair").filter({ hasText: first.reference })).toContainText(integrity.duplicates.state.same_person);
  await expect(page.locator("main dl").first()).not.toContainText(integrity.flags.potential_duplicate);
  // The decision is in the case history.
  await expect(page.locator("ol.timeline")).toContainText(integrity.actions.resolve_duplicate);
  await expectNoA11yViolations(page, testInfo);

  // The earlier case shows the same pair from its side; the decision belongs to the newer case.
  await page.goto(`/${LOCALE}/staff/cases/${first.reference}`);
  const mirrored = page.getByTestId("duplicate-pair").filter({ hasText: second.reference });
  await expect(mirrored).toContainText(integrity.duplicates.state.same_person);
  await expect(mirrored.getByRole("button")).toHaveCount(0);
});

test("break-glass: an Astana officer opens an Almaty case with a reason, read-only; the Almaty supervisor reviews it", async ({ browser, baseURL }, testInfo) => {
  const almaty = await signedInPage(browser, baseURL, OFFICER_ALMATY);
  const target = await fileAlmatyCase(almaty, { surname: uniqueSurname(), givenNames: "AZIZ", birthDate: "1991-08-30" }, `BG${String(Date.now()).slice(-7)}`);
  await almaty.context().close();

  const astana = await signedInPage(browser, baseURL, OFFICER_ASTANA);
  // Without a grant the case does not exist for this officer.
  const hidden = await astana.goto(`/${LOCALE}/staff/cases/${target.reference}`);
  expect(hidden?.status()).toBe(404);
  await expectNoA11yViolations(astana, testInfo);
  // The not-found page points to break-glass, whether or not the reference exists.
  await astana.getByRole("link", { name: integrity.breakGlass.cardLink }).click();
  await expect(astana.getByRole("heading", { level: 1 })).toHaveText(integrity.breakGlass.title);
  await expectNoA11yViolations(astana, testInfo);
  await astana.getByLabel(integrity.breakGlass.reference).fill(target.reference);
  await astana.getByLabel(integrity.breakGlass.reason).fill("too short");
  await astana.getByRole("button", { name: integrity.breakGlass.submit }).click();
  await expect(astana.getByTestId("error-summary")).toContainText(integrity.breakGlass.errors.reasonTooShort);
  // Nothing typed is lost.
  await expect(astana.getByLabel(integrity.breakGlass.reference)).toHaveValue(target.reference);
  await expectNoA11yViolations(astana, testInfo);

  const reason = "The applicant asked at the Astana desk about moving this registration; checking the Almaty address.";
  await astana.getByLabel(integrity.breakGlass.reason).fill(reason);
  await astana.getByRole("button", { name: integrity.breakGlass.submit }).click();
  await expect(astana.getByRole("heading", { level: 1 })).toContainText(target.reference);
  await expect(astana.getByTestId("break-glass-banner")).toBeVisible();
  // Read-only: nobody may claim it from here.
  await expect(astana.getByRole("button", { name: staff.assignment.claim })).toHaveCount(0);
  await expectNoA11yViolations(astana, testInfo);
  await astana.context().close();

  const supervisor = await signedInPage(browser, baseURL, SUPERVISOR_ALMATY);
  await supervisor.goto(`/${LOCALE}/staff/break-glass/review`);
  await expect(supervisor.getByRole("heading", { level: 1 })).toHaveText(integrity.review.title);
  const row = supervisor.getByTestId("grant-row").filter({ hasText: target.reference });
  await expect(row).toContainText(reason);
  await expect(row).toContainText("1 read");
  await expectNoA11yViolations(supervisor, testInfo);
  await row.getByLabel(integrity.review.note).fill("Confirmed with the Astana office.");
  await row.getByRole("button", { name: integrity.review.justified, exact: true }).click();
  await expect(supervisor.getByRole("status").filter({ hasText: integrity.review.done })).toBeVisible();
  await expect(supervisor.getByTestId("grant-row").filter({ hasText: target.reference })).toContainText(integrity.review.outcome.justified);
  await expectNoA11yViolations(supervisor, testInfo);
  await supervisor.context().close();
});
