/**
 * Human-readable references: PREFIX-YYYY-NNNNNN-C, e.g. TR-2026-000123-K for a case and
 * TRS-2026-000045-M for an issued document (documents use their own prefix and counter).
 *
 * Check character: a weighted sum modulo 23 over PREFIX + YYYY + NNNNNN (spaces and hyphens
 * excluded), with digits worth 0–9, letters A–Z worth 10–35, and weights 1, 2, 3 … from the left.
 * The result indexes CHECK_ALPHABET: the 23 letters A–Z without I, O and Q, which are easily read as
 * 1, 0 and O. Because 23 is prime and every weight is below 23, it detects every single-digit error
 * and every swap of two digits anywhere in the year and sequence; in the prefix it misses only the
 * letter pairs A/X, B/Y and C/Z (values 23 apart).
 */

export const CHECK_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ";
const MODULUS = CHECK_ALPHABET.length;
const MAX_SEQUENCE = 999_999;

export interface ParsedReference {
  prefix: string;
  year: number;
  seq: number;
  /** The canonical spelling (upper case, with hyphens). */
  reference: string;
}

export type ParseReferenceResult = ({ ok: true } & ParsedReference) | { ok: false; reason: "format" | "check_character" };

function charValue(c: string): number {
  const code = c.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55; // '0'–'9' → 0–9, 'A'–'Z' → 10–35
}

function checkCharacter(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) sum += (i + 1) * charValue(payload[i]!);
  return CHECK_ALPHABET[sum % MODULUS]!;
}

/** Formats PREFIX-YYYY-NNNNNN-C. The prefix is 1–5 Latin capitals, the sequence 1–999999. */
export function formatReference(prefix: string, year: number, seq: number): string {
  if (!/^[A-Z]{1,5}$/.test(prefix)) throw new RangeError(`Reference prefix must be 1–5 capital letters: ${prefix}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Reference year out of range: ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQUENCE) throw new RangeError(`Reference sequence out of range: ${seq}`);
  const y = String(year);
  const n = String(seq).padStart(6, "0");
  return `${prefix}-${y}-${n}-${checkCharacter(prefix + y + n)}`;
}

// Cyrillic capitals that look like Latin ones: people often type references on a Kazakh or Russian layout.
const CYRILLIC_LOOKALIKES: Readonly<Record<string, string>> = {
  А: "A", В: "B", Е: "E", К: "K", М: "M", Н: "H", О: "O", Р: "P", С: "C", Т: "T", У: "Y", Х: "X",
};

/**
 * Reads a reference as a person may type it: any letter case, spaces, typographic dashes, no
 * separators at all, or Cyrillic look-alike letters. Rejects it when the check character does not match.
 */
export function parseReference(input: string): ParseReferenceResult {
  const compact = input
    .toUpperCase()
    .replace(/\s+/g, "")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[АВЕКМНОРСТУХ]/g, (c) => CYRILLIC_LOOKALIKES[c]!);
  const m = /^([A-Z]{1,5})-?(\d{4})-?(\d{6})-?([A-Z])$/.exec(compact);
  if (!m) return { ok: false, reason: "format" };
  const [, prefix, year, seq, check] = m as unknown as [string, string, string, string, string];
  if (Number(seq) < 1 || Number(year) < 1000) return { ok: false, reason: "format" };
  if (checkCharacter(prefix + year + seq) !== check) return { ok: false, reason: "check_character" };
  return { ok: true, prefix, year: Number(year), seq: Number(seq), reference: `${prefix}-${year}-${seq}-${check}` };
}

/** Case references (prefix = the service's reference prefix, e.g. "TR"). */
export const formatCaseReference = formatReference;
export const parseCaseReference = parseReference;

/** Numbers of issued documents share the scheme, with the document type's prefix (e.g. "TRS"). */
export const formatDocumentNumber = formatReference;
export const parseDocumentNumber = parseReference;

/** Message key (namespace "rules") for a reference or document number that does not parse. */
export const REFERENCE_INVALID_MESSAGE = "rules.reference_invalid";
