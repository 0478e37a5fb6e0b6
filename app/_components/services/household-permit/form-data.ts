import "server-only";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/_components/form-state";
import type { PerformResult } from "@/lib/engine/types";
import { toActionState } from "@/lib/forms/action-state";
import { formText } from "@/lib/forms/form-data";
import type { Locale } from "@/lib/i18n/routing";
import type { HpApplicationInput } from "@/lib/services/household-permit/schema";

/** Field names of the application form (dotted paths into HpApplicationInput). */
export const APPLICATION_FIELDS = [
  "person.surname",
  "person.givenNames",
  "person.surnameCyrillic",
  "person.givenNamesCyrillic",
  "person.birthDate",
  "person.sex",
  "person.citizenship",
  "passport.passportType",
  "passport.passportNumber",
  "passport.passportExpiresOn",
  "stay.entryDate",
  "stay.registrationReference",
  "work.category",
  "work.termMonths",
  "work.region",
  "insurance.insurer",
  "insurance.policyNumber",
  "insurance.validFrom",
  "insurance.validUntil",
  "certificates.criminalRecordNumber",
  "certificates.criminalRecordIssuedOn",
  "certificates.criminalRecordHasEntries",
  "certificates.medicalNumber",
  "certificates.medicalIssuedOn",
  "certificates.medicalCategory",
  "employer.iin",
  "employer.name",
  "employer.phone",
  "employer.region",
  "employer.address",
] as const;

export const CHECKBOXES: ReadonlySet<string> = new Set(["certificates.criminalRecordHasEntries"]);

/** What was typed, to put back into the form. */
export function typedValues(formData: FormData, names: readonly string[]): FormState["values"] {
  return Object.fromEntries(names.map((n) => [n, CHECKBOXES.has(n) ? formData.getAll(n).filter((v): v is string => typeof v === "string") : formText(formData, n)]));
}

/** The posted form as the application the schema validates; the employer only when any of its fields is filled. */
export function applicationFromForm(formData: FormData): HpApplicationInput {
  const tree: Record<string, Record<string, unknown>> = {};
  for (const name of APPLICATION_FIELDS) {
    const [section, field] = name.split(".") as [string, string];
    tree[section] ??= {};
    tree[section][field] = CHECKBOXES.has(name) ? formData.getAll(name).includes("yes") : formText(formData, name);
  }
  const employerGiven = Object.values(tree.employer ?? {}).some((v) => typeof v === "string" && v.trim() !== "");
  if (!employerGiven) delete tree.employer;
  return tree as unknown as HpApplicationInput;
}

/** An engine outcome as form state, translated, with what was typed. */
export async function outcomeState(locale: Locale, result: PerformResult, values: FormState["values"]): Promise<FormState> {
  const t = await getTranslations({ locale });
  const state = toActionState(t, result);
  return { fieldErrors: state.fieldErrors, formError: state.formError, values };
}
