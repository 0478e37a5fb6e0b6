import { expect, type Page } from "@playwright/test";

/** A staff action form on the case page, located by its action (language-independent). */
export const staffAction = (page: Page, action: string) => page.locator(`section[data-action="${action}"]`);
/** An applicant step of the conversation on the status page. */
export const applicantStep = (page: Page, action: string) => page.locator(`section[data-conversation="${action}"]`);

/** The officer issues a preliminary refusal on the open case page (X-HEAR-03 comes first). */
export async function issuePreliminaryRefusal(page: Page, grounds: string, explanation = "We could not confirm the facts your application relies on."): Promise<void> {
  const form = staffAction(page, "preliminary_refuse");
  await form.locator('select[name="grounds"]').selectOption(grounds);
  await form.locator('textarea[name="explanation"]').fill(explanation);
  await form.locator('button[type="submit"]').click();
  await expect(staffAction(page, "withdraw_preliminary_refusal")).toBeVisible();
}

/** The applicant says on their status page that they need no hearing. */
export async function waiveHearing(page: Page, locale: string, reference: string): Promise<void> {
  await page.goto(`/${locale}/applications/${reference}`);
  await applicantStep(page, "waive_hearing").locator('button[type="submit"]').click();
  await expect(applicantStep(page, "waive_hearing")).toHaveCount(0);
}
