import type { KdApplicationInput } from "@/lib/services/kandas-status/schema";

type Overrides = {
  principal?: Partial<KdApplicationInput["principal"]>;
  origin?: Partial<KdApplicationInput["origin"]>;
  qualifications?: Partial<KdApplicationInput["qualifications"]>;
  resettlement?: Partial<KdApplicationInput["resettlement"]>;
  members?: KdApplicationInput["members"];
  documents?: KdApplicationInput["documents"];
};

export function kdMember(n: number, relationship: "spouse" | "child" | "parent" = "child"): NonNullable<KdApplicationInput["members"]>[number] {
  return {
    surname: "ABDIMANAPOV",
    givenNames: relationship === "spouse" ? "AIGUL" : `NURSULTAN ${"I".repeat(n)}`.trim(),
    birthDate: relationship === "spouse" ? "1982-03-08" : `201${n % 10}-06-01`,
    sex: relationship === "spouse" ? "F" : "M",
    citizenship: "UZB",
    documentType: "passport_national",
    documentNumber: `FA76543${n}${n}`,
    relationship,
  };
}

/** A complete kandas application (Uzbek resident in 1991, settling in Mangystau) that passes every rule. */
export function kdApplication(o: Overrides = {}): KdApplicationInput {
  return {
    principal: {
      surname: "ABDIMANAPOV",
      givenNames: "ERLAN",
      birthDate: "1978-02-11",
      sex: "M",
      citizenship: "UZB",
      documentType: "passport_national",
      documentNumber: "FA7654321",
      ethnicKazakh: true,
      birthCountry: "UZB",
      ...o.principal,
    },
    members: o.members ?? [],
    origin: { basis: "resident_abroad_at_cutoff", residenceOnCutoff: "UZB", parentEthnicKazakh: false, familyHistory: "abroad_for_generations", currentCountry: "UZB", ...o.origin },
    qualifications: { education: "higher", qualification: "Agronomist", sector: "agriculture", yearsOfExperience: 12, ...o.qualifications },
    resettlement: { region: "KZ-MAN", city: "Aktau", needsCentrePlace: false, phone: "+998 90 123 45 67", ...o.resettlement },
    documents: o.documents ?? ["identity_document", "ethnicity_proof", "residence_abroad_proof", "family_documents", "education_proof", "employment_record"],
  };
}
