/** Service identifiers, fixed here so that seeds, accounts and services can name each other without import cycles. */
export const TR_SERVICE = "temporary_registration";
export const HP_SERVICE = "household_permit";
export const RF_SERVICE = "refugee_renewal";
export const KD_SERVICE = "kandas_status";
/** Simplified citizenship for kandas holders (KD-14), a small service of its own. */
export const KC_SERVICE = "kandas_citizenship";
