import type { ComponentType } from "react";
import type { CaseDetail } from "@/lib/dal/cases";
import type { Viewer } from "@/lib/engine/types";
import type { Locale } from "@/lib/i18n/routing";

export interface CaseViewProps {
  detail: CaseDetail;
  locale: Locale;
  viewer: Viewer;
}

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * What a service contributes to the pages every service shares: the staff case page, the applicant's
 * status page and list, and the filing menus. Each service keeps its components in its own folder
 * and registers them in ./registry.ts.
 *
 * The shared pages read these messages of the service's namespace (`namespace`):
 *   serviceName; status.<status>; statusNext.<status> (the applicant's "what happens next", may use
 *   {due}); flags.<flag>; actions.<action> (timeline label); refusalReasons.<code> (decisions);
 *   documentTypes.<type>; my.todo.<status> (optional: what the applicant must do now).
 * Missing optional keys fall back to the raw value.
 */
export interface ServiceUi {
  namespace: string;
  /** Facts the officer needs on the case page (server component). */
  StaffDetails: ComponentType<CaseViewProps>;
  /** Options of select fields that depend on data (e.g. centres with free places): action → field → options. */
  actionOptions?: (props: CaseViewProps) => Promise<Record<string, Record<string, SelectOption[]>>>;
  /** Values for the placeholders of an action form's messages (title, body, hints): action → values. */
  actionMessageValues?: (props: CaseViewProps) => Promise<Record<string, Record<string, string | number>>>;
  /** What the applicant sees about their case on the status page, including their own action forms (server component). */
  ApplicantDetails: ComponentType<CaseViewProps>;
  /** Where an applicant starts a new application (locale-less path), if the service takes online applications. */
  applyPath?: string;
  /** Where the applicant corrects an application returned to them (locale-less path). */
  correctPath?: (reference: string) => string;
  /** Where a clerk files for a walk-in applicant (locale-less path), if front offices take this service. */
  staffFilePath?: string;
}
