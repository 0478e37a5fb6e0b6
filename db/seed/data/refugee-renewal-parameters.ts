import type { ruleParameters } from "@/db/schema";

type ParameterSeed = typeof ruleParameters.$inferInsert;

const SINCE_ALWAYS = "2000-01-01";
/** Law "On Refugees" No. 216-IV in force (domain §2.3). */
const REFUGEE_LAW = "2010-01-01";

/** Refugee status renewal (domain §2.3, §3.3). Values marked [GAP]/[INF] are proposals to confirm. */
export const REFUGEE_RENEWAL_PARAMETERS: readonly ParameterSeed[] = [
  {
    key: "rf_status_term_months",
    value: 12,
    effectiveFrom: REFUGEE_LAW,
    description: "Length of a refugee status when granted, in months.",
    source: "domain.md RF-02 (001_0338c7585608927b.txt:1233)",
  },
  {
    key: "rf_extension_term_months",
    value: 12,
    effectiveFrom: REFUGEE_LAW,
    description: "Length of each extension, in months; the number of extensions is not limited.",
    source: "domain.md RF-03 (001_0338c7585608927b.txt:1237-1241)",
  },
  {
    key: "rf_status_end_convention",
    value: "day_before_anniversary",
    effectiveFrom: SINCE_ALWAYS,
    description:
      "Which day is a term's last valid day (both ends inclusive). \"day_before_anniversary\": granted 2026-05-10 → valid to 2027-05-09; \"anniversary\": valid to 2027-05-10. An extension starts the day after the old last day.",
    source: "domain.md RF-02 [GAP]: proposal, to be confirmed",
  },
  {
    key: "rf_reminder_offsets_days",
    value: [45, 35],
    effectiveFrom: SINCE_ALWAYS,
    description: "Days before the status ends on which the refugee is reminded to apply for an extension.",
    source: "domain.md RF-05 [INF]: proposal",
  },
  {
    key: "rf_filing_window_open_days",
    value: 45,
    effectiveFrom: SINCE_ALWAYS,
    description: "Days before the status ends from which an extension can be filed (the first reminder opens the window).",
    source: "domain.md RF-05 [INF]: proposal",
  },
  {
    key: "rf_late_filing_days",
    value: 30,
    effectiveFrom: SINCE_ALWAYS,
    description: "An application filed fewer than this many days before the status ends is accepted but flagged late (\"one month before expiry\").",
    source: "domain.md RF-05 (001_0338c7585608927b.txt:1239-1241), refugee_ext_window_days",
  },
  {
    key: "rf_commission_quorum",
    value: 2,
    effectiveFrom: SINCE_ALWAYS,
    description: "Votes of different commission members (the region's supervisors) needed for a decision; the officer who prepared the file cannot vote.",
    source: "domain.md RF-01, R11 (004_3d0d7bb50863f789.txt:1285) [INF]: proposal",
  },
  {
    key: "rf_certificate_working_days",
    value: 5,
    effectiveFrom: SINCE_ALWAYS,
    description: "Working days after the decision within which the refugee certificate is issued.",
    source: "domain.md RF-06 (001_0338c7585608927b.txt:1233-1235); extension [INF]",
  },
  {
    key: "rf_complaint_days",
    value: 30,
    effectiveFrom: SINCE_ALWAYS,
    description: "Calendar days after a refusal within which the refugee may complain to the central reviewer; later the refusal becomes final.",
    source: "domain.md RF-09 [GAP]: proposal",
  },
  {
    key: "rf_fee_kzt",
    value: 0,
    effectiveFrom: SINCE_ALWAYS,
    description: "Fee for extending refugee status, in tenge.",
    source: "domain.md RF-14 [GAP]: proposal, free",
  },
];
