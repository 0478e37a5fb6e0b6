import { expect, test, type Page } from "@playwright/test";
import ru from "../lib/i18n/messages/ru/common.json" with { type: "json" };
import { signIn } from "./support/auth";
import { expectNoA11yViolations } from "./support/axe";

// The browser's clock is driven by the test; the server's session end is real (30 minutes idle).
// The clock moves only after the page has read the session's end, or the timers would start late.
async function openWatchedPage(page: Page) {
  await page.goto("/ru/applications");
  await expect(page.getByTestId("session-watch")).toHaveAttribute("data-synced", "yes");
}

test("a warning before an idle session ends lets the user stay signed in with the keyboard alone", async ({ page }, testInfo) => {
  await page.clock.install();
  await signIn(page, "applicant@demo.kz", undefined, "ru");
  await openWatchedPage(page);
  const dialog = page.getByTestId("session-timeout");
  await expect(dialog).toHaveCount(0);

  // 27 minutes of nothing: still quiet. At 28½ minutes the warning is up, focus on "stay".
  await page.clock.fastForward("27:00");
  await expect(dialog).toHaveCount(0);
  await page.clock.fastForward("01:30");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading")).toHaveText(ru.sessionTimeout.title);
  const stay = dialog.getByRole("button", { name: ru.sessionTimeout.stay });
  await expect(stay).toBeFocused();
  await expectNoA11yViolations(page, testInfo);

  await page.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
});

test("when the time runs out the page says so and offers to sign in again", async ({ page }) => {
  await page.clock.install();
  await signIn(page, "applicant@demo.kz", undefined, "ru");
  await openWatchedPage(page);
  await page.clock.fastForward("31:00");
  const dialog = page.getByTestId("session-timeout");
  await expect(dialog.getByRole("heading")).toHaveText(ru.sessionTimeout.expiredTitle);
  await expect(dialog.getByRole("link", { name: ru.sessionTimeout.signIn })).toBeFocused();
});
