import type { HpApplicationInput } from "@/lib/services/household-permit/schema";

/** The demo householder's IIN (employer@demo.kz); a valid IIN, born 14 Mar 1975. */
export const EMPLOYER_IIN = "750314300121";
/** A valid business identification number, which HP-09 refuses as an employer. */
export const EMPLOYER_BIN = "990340000014";

type Overrides = { [K in keyof HpApplicationInput]?: Partial<NonNullable<HpApplicationInput[K]>> } & { withoutEmployer?: boolean };

/**
 * A household-permit application that passes every rule when filed on 2026-03-03: an Uzbek worker who
 * entered on 2026-03-01, a 6-month term in Almaty, insurance for a year, the demo employer in Almaty.
 */
export function hpApplication(o: Overrides = {}): HpApplicationInput {
  return {
    person: { surname: "TOSHMATOV", givenNames: "BOBUR", birthDate: "1992-07-21", sex: "M", citizenship: "UZB", ...o.person },
    passport: { passportType: "national", passportNumber: "FA7654321", passportExpiresOn: "2031-01-01", ...o.passport },
    stay: { entryDate: "2026-03-01", ...o.stay },
    work: { category: "construction_repair", termMonths: 6, region: "KZ-ALA", ...o.work },
    insurance: { insurer: "Kazakhmys Insurance", policyNumber: "MED-2026-0001", validFrom: "2026-03-01", validUntil: "2027-02-28", ...o.insurance },
    certificates: {
      criminalRecordNumber: "CR-UZ-55821",
      criminalRecordIssuedOn: "2026-02-10",
      criminalRecordHasEntries: false,
      medicalNumber: "MC-1042",
      medicalIssuedOn: "2026-03-02",
      medicalCategory: "construction_repair",
      ...o.certificates,
    },
    ...(o.withoutEmployer
      ? {}
      : { employer: { iin: EMPLOYER_IIN, name: "Bolat Tulegenov", phone: "+7 701 555 12 12", region: "KZ-ALA", address: "Almaty, Dostyk avenue 120", ...o.employer } }),
  };
}
