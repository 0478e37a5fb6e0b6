import type { ruleParameters } from "@/db/schema";

type ParameterSeed = typeof ruleParameters.$inferInsert;

/** The MIA began issuing household permits on 12 April 2014 (domain.md §2.2). */
const HP_SINCE = "2014-04-12";
const PROPOSAL = "[GAP] proposal, to be confirmed by the ministry";

/** Every number the household-permit rules use (domain.md §2.2, HP-01…HP-20). */
export const HP_RULE_PARAMETERS: readonly ParameterSeed[] = [
  {
    key: "hp_min_visa_free_days",
    value: 90,
    effectiveFrom: HP_SINCE,
    description: "Shortest visa-free stay (days) the applicant's citizenship must allow; \"three months\" read as 90 days.",
    source: "domain.md HP-02 (001_0338c7585608927b.txt:506-512); 90 for \"three months\" is a proposal [GAP]",
  },
  {
    key: "hp_max_continuous_stay_months",
    value: 12,
    effectiveFrom: HP_SINCE,
    description: "Longest continuous stay of a labour immigrant, permit and extensions included, counted from the entry date of the current stay.",
    source: "domain.md HP-08 (001_0338c7585608927b.txt:522-524)",
  },
  {
    key: "hp_max_workers_per_employer",
    value: 5,
    effectiveFrom: HP_SINCE,
    description: "Most labour immigrants one householder may employ at the same time (active contracts per employer IIN).",
    source: "domain.md HP-11 (001_0338c7585608927b.txt:530-532)",
  },
  {
    key: "hp_term_options_months",
    value: [1, 2, 3, 6, 9, 12],
    effectiveFrom: HP_SINCE,
    description: "Permit terms, in months, an applicant may choose; extensions use the same options.",
    source: `domain.md HP-17; ${PROPOSAL}`,
  },
  {
    key: "hp_insurance_required",
    value: false,
    effectiveFrom: HP_SINCE,
    description: "Whether a health-insurance policy covering the permit term is required.",
    source: "domain.md HP-07 (001_0338c7585608927b.txt:520): required from 1 Jan 2017",
  },
  {
    key: "hp_insurance_required",
    value: true,
    effectiveFrom: "2017-01-01",
    description: "Whether a health-insurance policy covering the permit term is required.",
    source: "domain.md HP-07 (001_0338c7585608927b.txt:520; 000_2b8f10c45385c931.txt:382-384)",
  },
  {
    key: "hp_monthly_rate_kzt",
    // By region code; "default" for every other region. Tenge per month of the permit term.
    value: { default: 4_000, "KZ-ALA": 5_000, "KZ-AST": 5_000, "KZ-SHY": 4_500 },
    effectiveFrom: HP_SINCE,
    description: "Monthly permit fee in tenge by region of issue; the amount due is months × rate on the day of approval.",
    source: `domain.md HP-14 (about 9,200 KZT per permit on average in 2015, 001_0338c7585608927b.txt:653-657); per-region rates are a ${PROPOSAL}`,
  },
  {
    key: "hp_monthly_rate_kzt",
    value: { default: 8_000, "KZ-ALA": 10_000, "KZ-AST": 10_000, "KZ-SHY": 9_000 },
    effectiveFrom: "2026-01-01",
    description: "Monthly permit fee in tenge by region of issue; the amount due is months × rate on the day of approval.",
    source: `domain.md HP-14; ${PROPOSAL}`,
  },
  {
    key: "hp_payment_days",
    value: 10,
    effectiveFrom: HP_SINCE,
    description: "Calendar days after approval within which the fee must be paid; after that the approval lapses.",
    source: `domain.md HP-14, §3.2 (LAPSED); ${PROPOSAL}`,
  },
  {
    key: "hp_decision_working_days",
    value: 10,
    effectiveFrom: HP_SINCE,
    description: "Working days an officer has to decide on a household-permit application.",
    source: `domain.md §3.2; ${PROPOSAL}`,
  },
  {
    key: "hp_refusal_reasons",
    value: ["ineligible_nationality", "continuous_stay_limit", "certificate_problem", "false_information", "other"],
    effectiveFrom: HP_SINCE,
    description: "Reason codes an officer may choose when refusing a household permit.",
    source: "domain.md §3.2 (UNDER_REVIEW → REFUSED)",
  },
  {
    key: "hp_revocation_grounds",
    value: ["region_violation", "employer_cap_violation", "insurance_expired", "false_documents", "criminal_conviction", "departure", "other"],
    effectiveFrom: HP_SINCE,
    description: "Grounds an officer records when revoking a household permit.",
    source: "domain.md HP-16 [GAP]; grounds proposed there [INF]",
  },
];
