import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { createTranslator } from "use-intl/core";
import { RULE_PARAMETERS } from "@/db/seed/data/rule-parameters";
import { loadMessages } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { householdPermitFacts, kandasCitizenshipFacts, kandasStatusFacts, refugeeRenewalFacts } from "./service-facts";
import { refugeeRenewalEligibility } from "./refugee-eligibility";

const TODAY = "2026-11-23";
const seeded = RULE_PARAMETERS.map((p) => ({ key: p.key, value: p.value, effectiveFrom: p.effectiveFrom, effectiveTo: p.effectiveTo ?? null }));

/** The seeded parameters with `key` changed to `value` from `from` on (the old row ends the day before). */
function withChange(key: string, value: unknown, from = "2026-11-01") {
  const dayBefore = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return parameterReaderFrom([
    ...seeded.map((p) => (p.key === key && (p.effectiveTo === null || p.effectiveTo >= from) ? { ...p, effectiveTo: dayBefore } : p)),
    { key, value, effectiveFrom: from, effectiveTo: null },
  ]);
}

async function translator(locale: (typeof routing.locales)[number]) {
  const t = createTranslator({ locale, messages: await loadMessages(locale) });
  return (key: string, values?: Record<string, string | number>) => t(key as never, values as never);
}

/**
 * Each case: the page's message, the fact it quotes, the parameter behind it and a new value. The
 * text is rendered as the page renders it, with the seeded parameters and then with the changed one.
 */
const CASES = [
  { page: "refugee renewal", key: "rf_filing_window_open_days", value: 61, message: "portal.rf.whenWindow", values: (p: ReturnType<typeof parameterReaderFrom>) => ({ days: refugeeRenewalFacts(p, TODAY).windowOpenDays }) },
  { page: "refugee renewal", key: "rf_extension_term_months", value: 17, message: "portal.rf.who", values: (p: ReturnType<typeof parameterReaderFrom>) => ({ months: refugeeRenewalFacts(p, TODAY).extensionMonths }) },
  { page: "refugee renewal", key: "rf_certificate_working_days", value: 9, message: "portal.rf.termsCertificate", values: (p: ReturnType<typeof parameterReaderFrom>) => ({ days: refugeeRenewalFacts(p, TODAY).certificateWorkingDays }) },
  { page: "kandas citizenship", key: "kc_decision_months", value: 7, message: "portal.kc.terms", values: (p: ReturnType<typeof parameterReaderFrom>) => ({ months: kandasCitizenshipFacts(p, TODAY).decisionMonths }) },
  { page: "kandas status", key: "kd_decision_working_days", value: 23, message: "portal.kd.termsDecision", values: (p: ReturnType<typeof parameterReaderFrom>) => ({ days: kandasStatusFacts(p, TODAY).decisionWorkingDays }) },
  { page: "household permit", key: "hp_max_workers_per_employer", value: 8, message: "hp.public.ruleEmployer", values: (p: ReturnType<typeof parameterReaderFrom>) => ({ max: householdPermitFacts(p, TODAY).maxWorkersPerEmployer }) },
  { page: "household permit", key: "hp_payment_days", value: 19, message: "portal.hp.termsPayment", values: (p: ReturnType<typeof parameterReaderFrom>) => ({ days: householdPermitFacts(p, TODAY).paymentDays }) },
] as const;

describe("public service pages quote the rule parameters in force", () => {
  for (const c of CASES) {
    it(`${c.page}: changing ${c.key} changes the page text in every language`, async () => {
      const before = parameterReaderFrom(seeded);
      const after = withChange(c.key, c.value);
      for (const locale of routing.locales) {
        const t = await translator(locale);
        const oldText = t(c.message, c.values(before));
        const newText = t(c.message, c.values(after));
        expect(newText, locale).not.toBe(oldText);
        expect(newText, locale).toContain(String(c.value));
      }
    });
  }

  it("RF-05: the public check answers with the engine's window and lateness on today's parameters", () => {
    const p = parameterReaderFrom(seeded);
    expect(refugeeRenewalEligibility("2026-12-31", "2026-11-01", p)).toMatchObject({ kind: "not_yet", opensOn: "2026-11-16" });
    expect(refugeeRenewalEligibility("2026-12-31", "2026-11-21", p)).toMatchObject({ kind: "open", lateFrom: "2026-12-02" });
    expect(refugeeRenewalEligibility("2026-12-31", "2026-12-02", p).kind).toBe("late");
    expect(refugeeRenewalEligibility("2026-12-31", "2026-12-01", p).kind).toBe("open");
    expect(refugeeRenewalEligibility("2026-12-31", "2027-01-01", p).kind).toBe("ended");
    // A wider window, set by the parameter, opens earlier.
    expect(refugeeRenewalEligibility("2026-12-31", "2026-11-01", withChange("rf_filing_window_open_days", 61)).kind).toBe("open");
  });
});

/** Message subtrees rendered on public service pages. */
const PUBLIC_PAGE_MESSAGES = ["common.home", "hp.public", "kd.public", "public.service", "public.check", "portal.home", "portal.rf", "portal.kc", "portal.kd", "portal.hp"];

/**
 * Numbers that are conventions of language, not rule values: "day 0" explains how days are counted
 * (TR-02); it is not a term.
 */
const NOT_A_RULE_VALUE = new Set(["public.service.when.body"]);

function literalText(elements: MessageFormatElement[]): string {
  return elements
    .map((e) => {
      if (e.type === TYPE.literal) return e.value;
      if (e.type === TYPE.plural || e.type === TYPE.select) return Object.values(e.options).map((o) => literalText(o.value)).join(" ");
      if (e.type === TYPE.tag) return literalText(e.children);
      return "";
    })
    .join("");
}

function leaves(node: unknown, path: string): [string, string][] {
  if (typeof node === "string") return [[path, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  return [];
}

describe("public service page messages", () => {
  it("carry no numbers of their own: every number comes from a placeholder filled from the parameters", async () => {
    const offenders: string[] = [];
    for (const locale of routing.locales) {
      const messages = await loadMessages(locale);
      for (const root of PUBLIC_PAGE_MESSAGES) {
        const [ns, ...rest] = root.split(".");
        const subtree = rest.reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], messages[ns!]);
        expect(subtree, `${locale} ${root}`).toBeDefined();
        for (const [key, text] of leaves(subtree, root)) {
          if (NOT_A_RULE_VALUE.has(key)) continue;
          if (/\d/.test(literalText(parse(text, { ignoreTag: false })))) offenders.push(`${locale} ${key}: ${text}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
