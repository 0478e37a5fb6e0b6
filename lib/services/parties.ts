import type { PartyInput } from "@/lib/engine/types";
import type { TrApplication } from "./temporary-registration/schema";

/** The applicant of a service filed with the shared person and passport steps, as a case party. */
export function passportHolderParty(person: TrApplication["person"], passport: TrApplication["passport"]): PartyInput {
  return {
    role: "applicant",
    person: {
      surname: person.surname,
      givenNames: person.givenNames,
      surnameCyrillic: person.surnameCyrillic ?? null,
      givenNamesCyrillic: person.givenNamesCyrillic ?? null,
      birthDate: person.birthDate,
      sex: person.sex,
      citizenship: person.citizenship,
      document: {
        type: `passport_${passport.passportType}`,
        number: passport.passportNumber,
        issuingCountry: person.citizenship,
        expiresOn: passport.passportExpiresOn,
      },
    },
  };
}
