import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, type TestInfo } from "@playwright/test";

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

export interface A11yOptions {
  /** CSS selectors to leave out, e.g. a third-party widget. Each use needs a reason next to it. */
  exclude?: string[];
}

export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const targets = v.nodes.map((n) => `    - ${n.target.join(" ")}`).join("\n");
      return `[${v.impact ?? "unknown"}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${targets}`;
    })
    .join("\n");
}

/** Runs axe-core with the WCAG 2.2 AA rule set on the page as it is now and fails on any violation. */
export async function expectNoA11yViolations(page: Page, testInfo?: TestInfo, options: A11yOptions = {}): Promise<void> {
  // After a client-side navigation (e.g. a server action's redirect) Next sets the title a moment
  // later; wait for it briefly. A page that never gets one is still reported by axe below.
  await page.waitForFunction(() => document.title.trim().length > 0, undefined, { timeout: 5000 }).catch(() => {});
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const { violations } = await builder.analyze();
  if (violations.length > 0 && testInfo) {
    await testInfo.attach("axe-violations.json", { body: JSON.stringify(violations, null, 2), contentType: "application/json" });
  }
  const report = `${violations.length} accessibility violation(s) on ${page.url()}:\n${formatViolations(violations)}`;
  expect(violations.length, report).toBe(0);
}
