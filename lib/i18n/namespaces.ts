/** One JSON file per namespace and locale under lib/i18n/messages/{locale}/. */
export const NAMESPACES = ["common", "rules", "auth", "tr", "staff", "public", "api", "documents", "admin", "applicant", "hp", "rf", "kd", "reports", "workbench"] as const;
export type Namespace = (typeof NAMESPACES)[number];
