import { z } from "zod";
import { isValidCivilDate } from "./dates";

/**
 * Kazakhstan's individual (IIN) and business (BIN) identification numbers: 12 digits, the last one a
 * check digit computed with two weight passes (the official algorithm).
 *
 * IIN: YYMMDD of birth, then a digit for century and sex (1/2 = 1800s male/female, 3/4 = 1900s,
 * 5/6 = 2000s), then a serial number and the check digit.
 * BIN: YYMM of registration, then the entity type (4 resident legal entity, 5 non-resident legal
 * entity, 6 joint individual entrepreneurship), then the unit type, a serial and the check digit.
 */

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

export type IinFailure = "format" | "checksum" | "birth_date";
export type BinFailure = "format" | "checksum" | "registration_date" | "entity_type";
export type BinEntityType = "resident_entity" | "non_resident_entity" | "joint_entrepreneurship";

export type IinCheck = { ok: true; birthDate: string; sex: "M" | "F" } | { ok: false; reason: IinFailure };
export type BinCheck = { ok: true; entityType: BinEntityType } | { ok: false; reason: BinFailure };
export type IinOrBinCheck =
  | { ok: true; kind: "iin"; birthDate: string; sex: "M" | "F" }
  | { ok: true; kind: "bin"; entityType: BinEntityType }
  | { ok: false; reason: "format" | "checksum" | "structure" };

const ENTITY_TYPES: Readonly<Record<string, BinEntityType>> = {
  "4": "resident_entity",
  "5": "non_resident_entity",
  "6": "joint_entrepreneurship",
};

const CENTURY: Readonly<Record<string, { century: number; sex: "M" | "F" }>> = {
  "1": { century: 1800, sex: "M" },
  "2": { century: 1800, sex: "F" },
  "3": { century: 1900, sex: "M" },
  "4": { century: 1900, sex: "F" },
  "5": { century: 2000, sex: "M" },
  "6": { century: 2000, sex: "F" },
};

/** Removes the spaces people type when copying a number from a document. */
export function normalizeIdentifier(value: string): string {
  return value.replace(/\s+/g, "");
}

/**
 * The check digit for the first 11 digits, or null when both passes give 10 (no such number may be
 * issued).
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError("Eleven digits expected");
  const digits = [...first11].map(Number);
  const pass = (weights: readonly number[]) => digits.reduce((sum, d, i) => sum + d * weights[i]!, 0) % 11;
  const first = pass(FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = pass(SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

function checkDigits(value: string): "format" | "checksum" | null {
  if (!/^\d{12}$/.test(value)) return "format";
  return iinCheckDigit(value.slice(0, 11)) === Number(value[11]) ? null : "checksum";
}

function iinStructure(value: string): { birthDate: string; sex: "M" | "F" } | null {
  const century = CENTURY[value[6]!];
  if (!century) return null;
  const birthDate = `${century.century + Number(value.slice(0, 2))}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  return isValidCivilDate(birthDate) ? { birthDate, sex: century.sex } : null;
}

function binStructure(value: string): { entityType: BinEntityType } | "registration_date" | "entity_type" {
  const month = Number(value.slice(2, 4));
  if (month < 1 || month > 12) return "registration_date";
  const entityType = ENTITY_TYPES[value[4]!];
  return entityType ? { entityType } : "entity_type";
}

export function checkIin(value: string): IinCheck {
  const v = normalizeIdentifier(value);
  const digits = checkDigits(v);
  if (digits) return { ok: false, reason: digits };
  const structure = iinStructure(v);
  return structure ? { ok: true, ...structure } : { ok: false, reason: "birth_date" };
}

export function checkBin(value: string): BinCheck {
  const v = normalizeIdentifier(value);
  const digits = checkDigits(v);
  if (digits) return { ok: false, reason: digits };
  const structure = binStructure(v);
  return typeof structure === "string" ? { ok: false, reason: structure } : { ok: true, ...structure };
}

/**
 * Tells an IIN from a BIN. They cannot be confused: the 5th digit of an IIN is the tens of the
 * birth day (0–3), of a BIN the entity type (4–6).
 */
export function checkIinOrBin(value: string): IinOrBinCheck {
  const v = normalizeIdentifier(value);
  const digits = checkDigits(v);
  if (digits) return { ok: false, reason: digits };
  const iin = iinStructure(v);
  if (iin) return { ok: true, kind: "iin", ...iin };
  const bin = binStructure(v);
  if (typeof bin !== "string") return { ok: true, kind: "bin", ...bin };
  return { ok: false, reason: "structure" };
}

/** Message keys (namespace "rules") used by the schemas below and by rule violations. */
export const IDENTIFIER_MESSAGES = {
  iin: { format: "rules.iin_format", checksum: "rules.iin_checksum", birth_date: "rules.iin_birth_date" },
  bin: {
    format: "rules.bin_format",
    checksum: "rules.bin_checksum",
    registration_date: "rules.bin_registration_date",
    entity_type: "rules.bin_entity_type",
  },
  iinOrBin: { format: "rules.iin_or_bin_format", checksum: "rules.iin_or_bin_checksum", structure: "rules.iin_or_bin_structure" },
} as const satisfies {
  iin: Record<IinFailure, string>;
  bin: Record<BinFailure, string>;
  iinOrBin: Record<"format" | "checksum" | "structure", string>;
};

/** A valid IIN; the output has the spaces removed. For client forms and server actions alike. */
export const iinSchema = z.string().transform((value, ctx) => {
  const result = checkIin(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: IDENTIFIER_MESSAGES.iin[result.reason] });
    return z.NEVER;
  }
  return normalizeIdentifier(value);
});

/** A valid BIN; the output has the spaces removed. */
export const binSchema = z.string().transform((value, ctx) => {
  const result = checkBin(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: IDENTIFIER_MESSAGES.bin[result.reason] });
    return z.NEVER;
  }
  return normalizeIdentifier(value);
});

/** An IIN or a BIN (a host may be a person or an organisation); the output has the spaces removed. */
export const iinOrBinSchema = z.string().transform((value, ctx) => {
  const result = checkIinOrBin(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: IDENTIFIER_MESSAGES.iinOrBin[result.reason] });
    return z.NEVER;
  }
  return normalizeIdentifier(value);
});
