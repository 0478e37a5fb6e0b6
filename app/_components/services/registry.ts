import "server-only";
import { HP_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services/ids";
import { HouseholdPermitApplicantDetails } from "./household-permit/applicant-details";
import { HouseholdPermitStaffDetails, householdPermitActionOptions } from "./household-permit/staff-details";
import { RfApplicantDetails } from "./refugee-renewal/applicant-details";
import { RfStaffDetails } from "./refugee-renewal/staff-details";
import { TrApplicantDetails } from "./temporary-registration/applicant-details";
import { TrStaffDetails, trActionMessageValues } from "./temporary-registration/staff-details";
import type { ServiceUi } from "./types";

/** One entry per service: its contribution to the shared pages. */
const SERVICE_UI: Record<string, ServiceUi> = {
  [TR_SERVICE]: {
    namespace: "tr",
    StaffDetails: TrStaffDetails,
    actionMessageValues: trActionMessageValues,
    ApplicantDetails: TrApplicantDetails,
    applyPath: "/apply/temporary-registration",
    staffFilePath: "/staff/file/temporary-registration",
  },
  [HP_SERVICE]: {
    namespace: "hp",
    StaffDetails: HouseholdPermitStaffDetails,
    actionOptions: householdPermitActionOptions,
    ApplicantDetails: HouseholdPermitApplicantDetails,
    applyPath: "/apply/household-permit",
    staffFilePath: "/staff/file/household-permit",
  },
  [RF_SERVICE]: { namespace: "rf", StaffDetails: RfStaffDetails, ApplicantDetails: RfApplicantDetails, applyPath: "/apply/refugee-renewal" },
};

export function serviceUi(service: string): ServiceUi | undefined {
  return SERVICE_UI[service];
}

export function allServiceUis(): [string, ServiceUi][] {
  return Object.entries(SERVICE_UI);
}
