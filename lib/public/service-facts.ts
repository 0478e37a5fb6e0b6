import type { ParameterReader } from "@/lib/rules/parameters";

/**
 * The numbers the public service pages quote, read from the same rule parameters (on the same date)
 * as the engine, so the page and the decisions cannot disagree. Pages pass these into their messages
 * as placeholders; the messages themselves carry no numbers (a test checks that).
 */

export interface RefugeeRenewalFacts {
  /** RF-03 */
  extensionMonths: number;
  /** RF-05: the filing window opens this many days before the status ends. */
  windowOpenDays: number;
  /** RF-05: filed fewer days than this before the end → accepted, flagged late. */
  lateDays: number;
  /** RF-05: reminder offsets, largest first. */
  reminderDays: number[];
  /** RF-06 */
  certificateWorkingDays: number;
  /** RF-09 */
  complaintDays: number;
  /** RF-14 */
  feeKzt: number;
}

export function refugeeRenewalFacts(params: ParameterReader, today: string): RefugeeRenewalFacts {
  return {
    extensionMonths: params.number("rf_extension_term_months", today),
    windowOpenDays: params.number("rf_filing_window_open_days", today),
    lateDays: params.number("rf_late_filing_days", today),
    reminderDays: [...params.get<number[]>("rf_reminder_offsets_days", today)].sort((a, b) => b - a),
    certificateWorkingDays: params.number("rf_certificate_working_days", today),
    complaintDays: params.number("rf_complaint_days", today),
    feeKzt: params.number("rf_fee_kzt", today),
  };
}

export interface KandasCitizenshipFacts {
  /** KD-14: the decision is due within this many months of filing. */
  decisionMonths: number;
}

export function kandasCitizenshipFacts(params: ParameterReader, today: string): KandasCitizenshipFacts {
  return { decisionMonths: params.number("kc_decision_months", today) };
}

export interface KandasStatusFacts {
  cutoffDate: string;
  latestEmigrationDate: string;
  decisionWorkingDays: number;
  complaintDays: number;
  documentValidYears: number;
}

export function kandasStatusFacts(params: ParameterReader, today: string): KandasStatusFacts {
  return {
    cutoffDate: params.get<string>("kd_sovereignty_cutoff_date", today),
    latestEmigrationDate: params.get<string>("kd_latest_emigration_date", today),
    decisionWorkingDays: params.number("kd_decision_working_days", today),
    complaintDays: params.number("kd_complaint_days", today),
    documentValidYears: params.number("kd_status_document_valid_years", today),
  };
}

export interface KandasDocument {
  code: string;
  when: "always" | "resident_at_cutoff" | "born_after_cutoff" | "with_family" | "priority_claim";
}

/** KD-17: the parameterised checklist, each document with the circumstance that makes it needed. */
export function kandasDocuments(params: ParameterReader, today: string): KandasDocument[] {
  return params.get<KandasDocument[]>("kd_required_documents", today);
}

export interface HouseholdPermitFacts {
  minVisaFreeDays: number;
  maxStayMonths: number;
  maxWorkersPerEmployer: number;
  termOptionsMonths: number[];
  decisionWorkingDays: number;
  paymentDays: number;
  monthlyRates: Record<string, number>;
}

export function householdPermitFacts(params: ParameterReader, today: string): HouseholdPermitFacts {
  return {
    minVisaFreeDays: params.number("hp_min_visa_free_days", today),
    maxStayMonths: params.number("hp_max_continuous_stay_months", today),
    maxWorkersPerEmployer: params.number("hp_max_workers_per_employer", today),
    termOptionsMonths: params.get<number[]>("hp_term_options_months", today),
    decisionWorkingDays: params.number("hp_decision_working_days", today),
    paymentDays: params.number("hp_payment_days", today),
    monthlyRates: params.get<Record<string, number>>("hp_monthly_rate_kzt", today),
  };
}
