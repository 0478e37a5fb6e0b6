import type { FieldIssue, PerformResult, RuleViolation } from "@/lib/engine/types";

/** What a server action returns to its form: errors by field path and for the whole form. */
export interface ActionState {
  ok: boolean;
  /** Dotted field path → translated message. */
  fieldErrors: Record<string, string>;
  formError: string | null;
  /** Set when the case changed under the user: the page must reload the latest version. */
  conflict?: boolean;
  /** Where to go next on success. */
  redirectTo?: string;
}

export const INITIAL_ACTION_STATE: ActionState = { ok: false, fieldErrors: {}, formError: null };

/** A translator over the whole message tree (next-intl `getTranslations()` without a namespace). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** Messages are message keys; anything that is not a known key is shown as the generic problem. */
export function translateMessage(t: Translate & { has?: (key: string) => boolean }, key: string, values?: Record<string, string | number>): string {
  if (t.has && !t.has(key)) return t("common.errors.genericTitle");
  return t(key, values);
}

export function issuesToFieldErrors(t: Translate & { has?: (key: string) => boolean }, issues: FieldIssue[], prefix: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = [...prefix, ...issue.path].join(".");
    out[path] ??= translateMessage(t, issue.message);
  }
  return out;
}

export function violationMessage(t: Translate & { has?: (key: string) => boolean }, v: RuleViolation): string {
  return `${translateMessage(t, v.messageKey, v.values)} (${v.rule})`;
}

/** Maps an engine outcome to form state; rule violations go next to their field when they name one. */
export function toActionState(t: Translate & { has?: (key: string) => boolean }, result: PerformResult, inputPrefix: string[] = []): ActionState {
  if (result.ok) return { ok: true, fieldErrors: {}, formError: null };
  switch (result.error) {
    case "validation_failed":
      return { ok: false, fieldErrors: issuesToFieldErrors(t, result.issues, inputPrefix), formError: null };
    case "rule_violation": {
      const fieldErrors: Record<string, string> = {};
      const general: string[] = [];
      for (const v of result.violations) {
        if (v.path?.length) fieldErrors[[...inputPrefix, ...v.path].join(".")] ??= violationMessage(t, v);
        else general.push(violationMessage(t, v));
      }
      return { ok: false, fieldErrors, formError: general.length ? general.join(" ") : null };
    }
    case "version_conflict":
      return { ok: false, fieldErrors: {}, formError: t("common.errors.versionConflict"), conflict: true };
    case "forbidden":
      return { ok: false, fieldErrors: {}, formError: t("common.errors.forbiddenTitle") };
    case "not_found":
      return { ok: false, fieldErrors: {}, formError: t("common.errors.notFoundTitle") };
    case "approval_requested":
      // Not done yet: the decision waits for a second person (four-eyes).
      return { ok: false, fieldErrors: {}, formError: t("approvals.outcome.requested") };
  }
}
