import type { ruleParameters } from "@/db/schema";
import { HP_RULE_PARAMETERS } from "./household-permit-parameters";
import { REFUGEE_RENEWAL_PARAMETERS } from "./refugee-renewal-parameters";
import { KANDAS_PARAMETERS } from "./kandas-parameters";
import { REMINDER_PARAMETERS } from "./reminder-parameters";
import { INTEGRITY_PARAMETERS } from "./integrity-parameters";

type ParameterSeed = typeof ruleParameters.$inferInsert;

/** Used where the sources give no start date for a rule. */
const SINCE_ALWAYS = "2000-01-01";

/**
 * Every number a rule uses, with its source (domain.md rule IDs). Values the domain marks [GAP] or
 * [INF] are proposals to be confirmed by a lawyer before go-live (domain.md §0.1).
 */
export const RULE_PARAMETERS: readonly ParameterSeed[] = [
  {
    key: "tr_registration_deadline_days",
    value: 5,
    effectiveFrom: SINCE_ALWAYS,
    description: "Calendar days after entry within which a foreigner must register (the day of entry is day 0).",
    source: "domain.md TR-02 (001_0338c7585608927b.txt:583-585)",
  },
  {
    key: "tr_eaeu_worker_deadline_days",
    value: 30,
    effectiveFrom: "2015-01-01",
    description: "Days after entry during which an EAEU labour migrant need not register; from the EAEU Treaty's entry into force.",
    source: "domain.md TR-05 (001_0338c7585608927b.txt:556-559), X-05",
  },
  {
    key: "tr_late_tier_a_days",
    value: 3,
    effectiveFrom: SINCE_ALWAYS,
    description: "Days past the registration deadline that count as late-registration tier A; later is tier B.",
    source: "domain.md TR-09 (001_0338c7585608927b.txt:777-787); tiering [INF]",
  },
  {
    key: "tr_overstay_grace_days",
    value: 3,
    effectiveFrom: SINCE_ALWAYS,
    description: "Days after the permitted stay ends before not leaving becomes an overstay offence.",
    source: "domain.md TR-08 (001_0338c7585608927b.txt:796-802)",
  },
  {
    key: "tr_unlimited_visa_free_max_days",
    value: 90,
    effectiveFrom: SINCE_ALWAYS,
    description: "Longest registration for citizenships that are visa-free without a stated limit (\"VF\").",
    source: "domain.md TR-07 [INF], §6.5",
  },
  {
    key: "tr_decision_working_days",
    value: 1,
    effectiveFrom: SINCE_ALWAYS,
    description: "Working days an officer has to decide on a registration application.",
    source: "domain.md TR-15 [GAP/INF]",
  },
  {
    key: "tr_renewal_days",
    value: 90,
    effectiveFrom: SINCE_ALWAYS,
    description: "Registration renewal period for visa-free nationals of neighbouring countries (2010 rule). Informational: not enforced until confirmed.",
    source: "domain.md TR-06 (004_3d0d7bb50863f789.txt:878), §8.1",
  },
  {
    key: "tr_registration_fee_kzt",
    value: 0,
    effectiveFrom: SINCE_ALWAYS,
    description: "Fee for temporary registration, in tenge (none is mentioned in the sources).",
    source: "domain.md TR-14 [GAP]",
  },
  {
    key: "tr_refusal_reasons",
    value: ["citizen_of_kazakhstan", "invalid_identity_document", "address_not_confirmed", "stay_exceeds_permitted", "false_information", "other"],
    effectiveFrom: SINCE_ALWAYS,
    description: "Reason codes an officer may choose when refusing a temporary registration.",
    source: "domain.md TR-01, TR-03, TR-04, TR-07 [INF]",
  },
  {
    key: "status_check_rate_per_minute",
    value: 10,
    effectiveFrom: SINCE_ALWAYS,
    description: "Public status look-ups allowed per client address per minute.",
    source: "design.md §9 (public status pages) [INF]",
  },
  {
    key: "verification_rate_per_minute",
    value: 20,
    effectiveFrom: SINCE_ALWAYS,
    description: "Public document verifications (QR code or document number with date of birth) allowed per client address per minute.",
    source: "issue 7 item 6 (verification is rate-limited) [INF]: proposal",
  },
  {
    key: "login_max_attempts_per_account",
    value: { points: 5, durationSeconds: 900 },
    effectiveFrom: SINCE_ALWAYS,
    description: "Failed sign-ins allowed per account within the window before sign-in is throttled.",
    source: "design.md §3, security practice [INF]",
  },
  {
    key: "login_max_attempts_per_ip",
    value: { points: 20, durationSeconds: 900 },
    effectiveFrom: SINCE_ALWAYS,
    description: "Failed sign-ins allowed per client address within the window before sign-in is throttled.",
    source: "design.md §3, security practice [INF]",
  },
  {
    key: "attachment_max_bytes",
    value: 5_242_880,
    effectiveFrom: SINCE_ALWAYS,
    description: "Largest file an applicant or officer may attach (5 MiB).",
    source: "design.md §4 [INF]",
  },
  {
    key: "assignment_lease_idle_minutes",
    value: 240,
    effectiveFrom: SINCE_ALWAYS,
    description: "An officer's hold on a case lapses after this many minutes without an action on it; then anyone may claim it.",
    source: "issue 6 (assignment as a lease); proposal [INF]",
  },
  {
    key: "deadline_warning_working_days",
    value: 2,
    effectiveFrom: SINCE_ALWAYS,
    description: "A case is due soon when its statutory date is at most this many working days away; it then shows in the Due soon queue and warns officer, supervisor and applicant.",
    source: "issue 6 (warning and overdue states); proposal [INF]",
  },
  {
    key: "deadline_extension_max_working_days",
    value: 10,
    effectiveFrom: SINCE_ALWAYS,
    description: "A supervisor's extensions of one case's statutory deadline add up to at most this many working days (days of the term's unit while the clock is stopped).",
    source: "issue 6 (supervisor extends a deadline with a reason); the sources give no bound, proposal [INF]",
  },
  {
    key: "information_request_working_days",
    value: 10,
    effectiveFrom: SINCE_ALWAYS,
    description: "Working days an applicant has to answer a request for information; the statutory clock stops meanwhile (X-HEAR-01, X-HEAR-08).",
    source: "issue 7 (requests for information); proposal [INF]",
  },
  {
    key: "preliminary_refusal_response_working_days",
    value: 5,
    effectiveFrom: SINCE_ALWAYS,
    description: "Working days after a preliminary refusal during which the applicant may respond or ask for a hearing; after it, without a request, the refusal may be taken (X-HEAR-03, X-HEAR-04).",
    source: "issue 7 (the right to be heard); proposal [INF]",
  },
  {
    key: "hearing_within_working_days",
    value: 2,
    effectiveFrom: SINCE_ALWAYS,
    description: "A requested hearing is held within this many working days of the request (X-HEAR-05).",
    source: "domain.md §11 (hearing within 2 working days); issue 7",
  },
  {
    key: "hearing_reschedules_allowed",
    value: 1,
    effectiveFrom: SINCE_ALWAYS,
    description: "How many times an applicant may ask to move a scheduled hearing (X-HEAR-06).",
    source: "issue 7 (reschedule once)",
  },
  {
    key: "refusal_letter_verifiable_days",
    value: 1095,
    effectiveFrom: SINCE_ALWAYS,
    description: "Days during which a refusal decision letter shows as valid on the public verification page (covers every complaint and court term).",
    source: "issue 7 (result documents); proposal [INF]",
  },
  ...HP_RULE_PARAMETERS,
  ...REFUGEE_RENEWAL_PARAMETERS,
  ...KANDAS_PARAMETERS,
  ...REMINDER_PARAMETERS,
  ...INTEGRITY_PARAMETERS,
];
