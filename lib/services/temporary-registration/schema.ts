import { z } from "zod";
import { isValidCivilDate } from "@/lib/rules/dates";
import { IDENTIFIER_MESSAGES, checkBin, checkIin } from "@/lib/rules/iin";

/**
 * The application form of temporary registration, one schema per step. The browser (react-hook-form)
 * and the server (engine) validate with these same schemas. Messages are message keys.
 */

export const PURPOSES = ["tourism", "private_visit", "business", "work", "study", "medical", "family", "transit", "other"] as const;
export const PASSPORT_TYPES = ["national", "official", "diplomatic"] as const;
export const SEXES = ["F", "M"] as const;
export const HOST_KINDS = ["individual", "organisation"] as const;

const required = "rules.validation.required";
const text = (max: number) => z.string({ error: required }).trim().min(1, { error: required }).max(max, { error: "rules.validation.tooLong" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "rules.validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));
const civilDate = z.string({ error: required }).trim().min(1, { error: required }).refine(isValidCivilDate, { error: "rules.validation.date" });
// Names as printed in the machine-readable zone of the passport: Latin letters, spaces, hyphens, apostrophes.
const latinName = text(80).regex(/^[A-Za-z][A-Za-z' -]*$/, { error: "tr.validation.latinName" });
const cyrillicName = optionalText(80).refine((v) => v === undefined || /^[\p{Script=Cyrillic}' -]+$/u.test(v), { error: "tr.validation.cyrillicName" });

export const personStep = z.object({
  surname: latinName,
  givenNames: latinName,
  surnameCyrillic: cyrillicName,
  givenNamesCyrillic: cyrillicName,
  birthDate: civilDate,
  sex: z.enum(SEXES, { error: required }),
  citizenship: z.string({ error: required }).regex(/^[A-Z]{3}$/, { error: required }),
});

export const passportStep = z.object({
  passportType: z.enum(PASSPORT_TYPES, { error: required }),
  passportNumber: z
    .string({ error: required })
    .transform((v) => v.replace(/\s+/g, "").toUpperCase())
    .pipe(z.string().min(1, { error: required }).regex(/^[A-Z0-9]{5,15}$/, { error: "tr.validation.passportNumber" })),
  passportExpiresOn: civilDate,
});

export const stayStep = z
  .object({
    entryDate: civilDate,
    purpose: z.enum(PURPOSES, { error: required }),
    requestedEndDate: civilDate,
    eaeuWorker: z.boolean().default(false),
    visaNumber: optionalText(30),
    visaValidUntil: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine((v) => v === undefined || isValidCivilDate(v), { error: "rules.validation.date" }),
  })
  .superRefine((s, ctx) => {
    if (isValidCivilDate(s.entryDate) && isValidCivilDate(s.requestedEndDate) && s.requestedEndDate < s.entryDate) {
      ctx.addIssue({ code: "custom", path: ["requestedEndDate"], message: "tr.validation.endBeforeEntry" });
    }
    if (s.visaNumber && !s.visaValidUntil) ctx.addIssue({ code: "custom", path: ["visaValidUntil"], message: "tr.validation.visaUntilRequired" });
    if (s.eaeuWorker && s.purpose !== "work") ctx.addIssue({ code: "custom", path: ["eaeuWorker"], message: "tr.validation.eaeuWorkerPurpose" });
  });

export const addressStep = z.object({
  region: z.string({ error: required }).min(1, { error: required }),
  city: text(100),
  street: text(150),
  building: text(20),
  flat: optionalText(20),
});

export const hostStep = z
  .object({
    kind: z.enum(HOST_KINDS, { error: required }),
    identifier: z.string({ error: required }).trim().min(1, { error: required }),
    name: text(200),
    phone: z
      .string({ error: required })
      .trim()
      .min(1, { error: required })
      .regex(/^\+?[0-9][0-9 ()-]{6,19}$/, { error: "rules.validation.phone" }),
  })
  .superRefine((h, ctx) => {
    if (!h.identifier) return;
    if (h.kind === "individual") {
      const check = checkIin(h.identifier);
      if (!check.ok) ctx.addIssue({ code: "custom", path: ["identifier"], message: IDENTIFIER_MESSAGES.iin[check.reason] });
    } else {
      const check = checkBin(h.identifier);
      if (!check.ok) ctx.addIssue({ code: "custom", path: ["identifier"], message: IDENTIFIER_MESSAGES.bin[check.reason] });
    }
  });

export const trApplicationSchema = z.object({
  person: personStep,
  passport: passportStep,
  stay: stayStep,
  address: addressStep,
  host: hostStep,
});

export type TrApplication = z.output<typeof trApplicationSchema>;
export type TrApplicationInput = z.input<typeof trApplicationSchema>;

export const TR_STEPS = ["person", "passport", "stay", "address", "host"] as const;
export type TrStep = (typeof TR_STEPS)[number];
export const trStepSchemas = { person: personStep, passport: passportStep, stay: stayStep, address: addressStep, host: hostStep } as const;

// ----------------------------------------------------------------- officer action inputs

export const reasonText = z.string({ error: required }).trim().min(10, { error: "rules.validation.reasonTooShort" }).max(2000, { error: "rules.validation.tooLong" });

export const returnInput = z.object({ reason: reasonText });
/** HP-20: a household permit issued to the registered person carries the registration to the permit's end. */
export const permitExtensionInput = z.object({ permitReference: z.string().min(1), validUntil: civilDate }).strict();

export const registerInput = z.object({
  validUntil: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isValidCivilDate(v), { error: "rules.validation.date" }),
});
export const REFUSAL_REASONS = ["citizen_of_kazakhstan", "invalid_identity_document", "address_not_confirmed", "stay_exceeds_permitted", "false_information", "other"] as const;
export const refuseInput = z.object({ reasonCode: z.enum(REFUSAL_REASONS, { error: required }), reason: reasonText });
export const withdrawInput = z.object({ reason: z.string().trim().max(2000).optional() });
export const departureInput = z.object({ departureDate: civilDate, reason: z.string().trim().max(2000).optional() });
export const protectionInput = z.object({ protected: z.boolean(), reason: reasonText });
export const cancelInput = z.object({ reason: reasonText });
export const emptyInput = z.object({}).strict();
export const ATTACHMENT_KINDS = ["passport_scan", "entry_stamp", "address_document", "host_consent", "other"] as const;
export const attachInput = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { error: required }),
  fileName: z.string().trim().min(1, { error: required }).max(200, { error: "rules.validation.tooLong" }),
  bytes: z.instanceof(Uint8Array, { error: required }),
});

/** The public eligibility check (no personal data). */
export const eligibilityInput = z.object({
  citizenship: z.string({ error: required }).regex(/^[A-Z]{3}$/, { error: required }),
  entryDate: civilDate,
  eaeuWorker: z.enum(["yes", "no"], { error: required }),
});
