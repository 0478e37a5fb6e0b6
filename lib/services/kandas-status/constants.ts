/** Codes shared by the kandas rules, definition and pages. */
export const KAZAKHSTAN_CODE = "KAZ";
export const KD_ISSUING_BODY = "akimat";
export const KD_FLAGS = { inCentre: "in_centre", slaAlert: "sla_alert" } as const;
