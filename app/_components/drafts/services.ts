import { HP_SERVICE, KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services/ids";

/** Services an applicant files online, each with the page that continues its draft. */
export const DRAFT_SERVICES: Record<string, string> = {
  [TR_SERVICE]: "/apply/temporary-registration",
  [HP_SERVICE]: "/apply/household-permit",
  [RF_SERVICE]: "/apply/refugee-renewal",
  [KD_SERVICE]: "/apply/kandas",
};
