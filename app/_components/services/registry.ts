import "server-only";
import { TR_SERVICE } from "@/lib/services/ids";
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
};

export function serviceUi(service: string): ServiceUi | undefined {
  return SERVICE_UI[service];
}

export function allServiceUis(): [string, ServiceUi][] {
  return Object.entries(SERVICE_UI);
}
