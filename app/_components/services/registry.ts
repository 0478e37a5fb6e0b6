import "server-only";
import { HP_SERVICE, KC_SERVICE, KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services/ids";
import { HouseholdPermitApplicantDetails } from "./household-permit/applicant-details";
import { HouseholdPermitStaffDetails, householdPermitActionOptions } from "./household-permit/staff-details";
import { RfApplicantDetails } from "./refugee-renewal/applicant-details";
import { RfStaffDetails } from "./refugee-renewal/staff-details";
import { KdApplicantDetails } from "./kandas/applicant-details";
import { KcDetails } from "./kandas/citizenship-details";
import { KdStaffDetails, kdActionOptions } from "./kandas/staff-details";
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
    correctPath: (reference) => `/applications/${reference}/correct`,
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
  [RF_SERVICE]: {
    namespace: "rf",
    StaffDetails: RfStaffDetails,
    ApplicantDetails: RfApplicantDetails,
    applyPath: "/apply/refugee-renewal",
    correctPath: (reference) => `/apply/refugee-renewal/correct/${reference}`,
  },
  [KD_SERVICE]: {
    namespace: "kd",
    StaffDetails: KdStaffDetails,
    actionOptions: kdActionOptions,
    ApplicantDetails: KdApplicantDetails,
    applyPath: "/apply/kandas",
    correctPath: (reference) => `/apply/kandas/correct/${reference}`,
  },
  [KC_SERVICE]: { namespace: "kd.citizenship", StaffDetails: KcDetails, ApplicantDetails: KcDetails },
};

export function serviceUi(service: string): ServiceUi | undefined {
  return SERVICE_UI[service];
}

export function allServiceUis(): [string, ServiceUi][] {
  return Object.entries(SERVICE_UI);
}
