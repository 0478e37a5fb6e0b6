import type { ruleParameters } from "@/db/schema";

type ParameterSeed = typeof ruleParameters.$inferInsert;

const SINCE_ALWAYS = "2000-01-01";

/**
 * When reminders before deadlines go out (lib/jobs/reminders.ts). Offsets count in the unit of the
 * rule they warn about: a working-day term would be counted on the calendar. All are proposals [INF].
 */
export const REMINDER_PARAMETERS: readonly ParameterSeed[] = [
  {
    key: "tr_registration_reminder_day",
    value: 4,
    effectiveFrom: SINCE_ALWAYS,
    description: "Day after entry (the day of entry is day 0) on which a person whose temporary registration is still unsent (a draft, or a case returned for correction) is reminded of the deadline.",
    source: "domain.md TR-02; issue 7 (registration day 4) [INF]",
  },
  {
    key: "hp_permit_expiry_reminders",
    value: { offsets: [30, 7], unit: "calendar_days" },
    effectiveFrom: SINCE_ALWAYS,
    description: "Days before a household permit ends on which its holder is reminded to request an extension.",
    source: "domain.md HP-17 [INF]: proposal",
  },
  {
    key: "hp_payment_reminders",
    value: { offsets: [3, 1], unit: "calendar_days" },
    effectiveFrom: SINCE_ALWAYS,
    description: "Days before the permit fee is due (hp_payment_days after approval) on which the applicant is reminded to pay; unpaid, the approval lapses.",
    source: "domain.md HP-14 [INF]: proposal",
  },
];
