import type { ruleParameters } from "@/db/schema";

type ParameterSeed = typeof ruleParameters.$inferInsert;

const SINCE_ALWAYS = "2000-01-01";

/**
 * Numbers, dates and lists of the kandas status (domain §2.4) and of the simplified citizenship
 * hand-off (KD-14). Values marked "proposal" in `source` are not in the sources and must be
 * confirmed by a lawyer before go-live.
 */
export const KANDAS_PARAMETERS: readonly ParameterSeed[] = [
  {
    key: "kd_sovereignty_cutoff_date",
    value: "1991-12-16",
    effectiveFrom: SINCE_ALWAYS,
    description: "Kazakhstan's independence: a kandas applicant lived permanently abroad on this day, or was born abroad after it to such a parent.",
    source: "domain.md KD-01 (001_0338c7585608927b.txt:1028-1036, 144)",
  },
  {
    key: "kd_latest_emigration_date",
    value: "1991-12-16",
    effectiveFrom: SINCE_ALWAYS,
    description: "A family that left Kazakhstan must have left on or before this day to count as long-standing diaspora rather than recent emigrants.",
    source: "domain.md KD-02 (002_2745045bb1d25991.txt:138); the date itself is a proposal",
  },
  {
    key: "kd_required_documents",
    value: [
      { code: "identity_document", when: "always" },
      { code: "ethnicity_proof", when: "always" },
      { code: "residence_abroad_proof", when: "resident_at_cutoff" },
      { code: "birth_certificate", when: "born_after_cutoff" },
      { code: "parent_eligibility_proof", when: "born_after_cutoff" },
      { code: "family_documents", when: "with_family" },
      { code: "education_proof", when: "priority_claim" },
      { code: "employment_record", when: "priority_claim" },
    ],
    effectiveFrom: SINCE_ALWAYS,
    description: "Documents a kandas application needs, each with the circumstance that makes it required.",
    source: "domain.md KD-17 [GAP]: proposal from the KD-17 list",
  },
  {
    key: "kd_priority_weights",
    value: {
      education: { none: 0, secondary: 1, vocational: 3, higher: 5, postgraduate: 6 },
      qualification: 2,
      neededSector: 4,
      perYearOfExperience: 1,
      maxYearsOfExperience: 10,
    },
    effectiveFrom: SINCE_ALWAYS,
    description: "Weights of the wait-list priority score: education level, a recognised qualification, a needed sector, years of work experience (capped).",
    source: "domain.md KD-06 (004_3d0d7bb50863f789.txt:1418); weights are a proposal",
  },
  {
    key: "kd_needed_sectors",
    value: ["agriculture", "construction", "education", "health", "engineering", "industry"],
    effectiveFrom: SINCE_ALWAYS,
    description: "Sectors whose workers get quota priority (the list of professions in demand).",
    source: "domain.md KD-06, G-11 (001_0338c7585608927b.txt:382-384); list is a proposal",
  },
  {
    key: "kd_complaint_days",
    value: 30,
    effectiveFrom: SINCE_ALWAYS,
    description: "Calendar days after a refusal during which the applicant may complain to the ministry.",
    source: "domain.md KD-08 [GAP]: proposal",
  },
  {
    key: "kd_decision_working_days",
    value: 15,
    effectiveFrom: SINCE_ALWAYS,
    description: "Working days the akimat has to decide on the status after submission.",
    source: "domain.md KD-18 [GAP]: proposal",
  },
  {
    key: "kd_benefit_measures",
    value: ["adaptation_services", "one_off_payment", "travel_compensation", "property_transport", "housing_assistance", "employment_help", "land_plot", "education_quota"],
    effectiveFrom: SINCE_ALWAYS,
    description: "Support measures an akimat may record for a kandas family.",
    source: "domain.md KD-11 (001_0338c7585608927b.txt:1044-1060; 004_3d0d7bb50863f789.txt:1405, 1417-1420)",
  },
  {
    key: "kc_decision_months",
    value: 3,
    effectiveFrom: SINCE_ALWAYS,
    description: "Calendar months within which a kandas holder's simplified citizenship application must be decided.",
    source: "domain.md KD-14 (001_0338c7585608927b.txt:1007-1009)",
  },
  {
    key: "kc_alert_days_before_due",
    value: 15,
    effectiveFrom: SINCE_ALWAYS,
    description: "Days before the 3-month term ends when the region's officers are alerted (about 2.5 months after submission).",
    source: "domain.md KD-14 test line",
  },
  {
    key: "kd_status_document_valid_years",
    value: 10,
    effectiveFrom: SINCE_ALWAYS,
    description: "Years for which a status decision verifies as valid by its QR code (the status's own validity is not in the sources).",
    source: "domain.md KD-18 [GAP]: proposal",
  },
];
