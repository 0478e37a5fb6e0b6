import { HP_SERVICE, KC_SERVICE, KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services/ids";

/**
 * The states in which a case still waits for the authority (or, returned for correction, for the
 * applicant before the authority resumes): what the dashboard counts as open. Service definitions
 * mark final states only, and some non-final states are settled outcomes (a registration in force,
 * an issued permit), so the list is kept here; a test checks it against the definitions.
 */
export const OPEN_STATES: Readonly<Record<string, readonly string[]>> = {
  [TR_SERVICE]: ["submitted", "returned_for_correction", "under_review"],
  [HP_SERVICE]: ["submitted", "returned_for_correction", "under_review", "extension_requested"],
  // Extended: the certificate is still owed (RF-06); complaint filed: the reviewer must decide.
  [RF_SERVICE]: ["submitted", "returned_for_correction", "under_review", "commission_review", "extended", "complaint_filed"],
  // The status decision is followed by the quota decision and the start of support (KD-03).
  [KD_SERVICE]: ["submitted", "returned_for_correction", "under_review", "decision_pending", "status_granted", "quota_review", "in_quota", "complaint_review"],
  [KC_SERVICE]: ["submitted", "under_review"],
};

/** Decision outcomes that refuse what was asked (decisions.outcome), for the refusal-reason chart. */
export const REFUSAL_OUTCOMES = ["refused", "status_refused", "quota_refused", "extension_refused", "refusal_final"] as const;
