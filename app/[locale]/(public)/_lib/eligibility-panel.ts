import { daysBetween } from "@/lib/rules/dates";
import type { EligibilityOutcome } from "@/lib/services/temporary-registration/rules";

/** How the eligibility result is shown: a tone, message keys under "public.check.result" and their values. */
export interface EligibilityPanel {
  tone: "success" | "info" | "warning" | "error";
  title: string;
  body: string;
  /** A civil date the messages refer to as {date}, formatted by the page. */
  date: string | null;
  /** Numbers the messages refer to as {days}. */
  days: number | null;
  rule: string;
}

/**
 * Turns the pure eligibility outcome into what the page says. `lateTierADays` is the TR-09 tier A
 * length in force today, so the text quotes the same number the engine applies.
 */
export function eligibilityPanel(outcome: EligibilityOutcome, entryDate: string, lateTierADays: number): EligibilityPanel {
  switch (outcome.kind) {
    case "citizen":
      return { tone: "success", title: "citizen.title", body: "citizen.body", date: null, days: null, rule: "TR-01" };
    case "not_yet_required":
      return { tone: "info", title: "notYetRequired.title", body: "notYetRequired.body", date: outcome.until, days: daysBetween(entryDate, outcome.until), rule: outcome.rule };
    case "required":
      return { tone: "warning", title: "required.title", body: "required.body", date: outcome.deadline, days: daysBetween(entryDate, outcome.deadline), rule: outcome.rule };
    case "late":
      return {
        tone: "error",
        title: "late.title",
        body: outcome.tier === "A" ? "late.bodyTierA" : "late.bodyTierB",
        date: outcome.deadline,
        days: lateTierADays,
        rule: outcome.rule,
      };
  }
}
