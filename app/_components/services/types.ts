import type { ComponentType } from "react";
import type { CaseDetail } from "@/lib/dal/cases";
import type { Viewer } from "@/lib/engine/types";

export interface CaseViewProps {
  detail: CaseDetail;
  locale: string;
  viewer: Viewer;
}

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * What a service contributes to the pages every service shares: the staff case page, the applicant's
 * status page and list, and the staff filing menu. Each service keeps its own components in its own
 * folder and registers them in ./registry.ts.
 */
export interface ServiceUi {
  /** Messages namespace of the service (its name, status labels under `statuses.<status>`, action labels under `actions`). */
  namespace: string;
  /** Facts the officer needs on the case page (server component). */
  StaffDetails: ComponentType<CaseViewProps>;
  /** Options of select fields that depend on data (e.g. centres with free places), by action and field. */
  actionOptions?: (props: CaseViewProps) => Promise<Record<string, Record<string, SelectOption[]>>>;
  /** What the applicant sees about their case on the status page (server component). */
  ApplicantDetails: ComponentType<CaseViewProps>;
  /** Where an applicant starts a new application (locale-less path), if the service takes online applications. */
  applyPath?: string;
  /** Where a clerk files for a walk-in applicant (locale-less path), if front offices take this service. */
  staffFilePath?: string;
}
