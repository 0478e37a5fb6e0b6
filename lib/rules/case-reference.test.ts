import { describe, expect, it } from "vitest";
import {
  CHECK_ALPHABET,
  formatCaseReference,
  formatDocumentNumber,
  parseCaseReference,
  parseDocumentNumber,
} from "./case-reference";

describe("case references", () => {
  it("format PREFIX-YYYY-NNNNNN-C and parse back", () => {
    const ref = formatCaseReference("TR", 2026, 123);
    expect(ref).toMatch(/^TR-2026-000123-[A-Z]$/);
    expect(parseCaseReference(ref)).toEqual({ ok: true, prefix: "TR", year: 2026, seq: 123, reference: ref });
  });

  it("round-trips many references with different prefixes", () => {
    for (const prefix of ["TR", "HP", "RF", "KD", "TRS"]) {
      for (const seq of [1, 9, 10, 4711, 123456, 999999]) {
        const ref = formatCaseReference(prefix, 2027, seq);
        expect(parseCaseReference(ref)).toMatchObject({ ok: true, prefix, year: 2027, seq });
      }
    }
  });

  it("uses only unambiguous letters as check characters", () => {
    expect(CHECK_ALPHABET).toHaveLength(23);
    expect(CHECK_ALPHABET).not.toMatch(/[IOQ]/);
    const seen = new Set<string>();
    for (let seq = 1; seq <= 500; seq += 1) seen.add(formatCaseReference("TR", 2026, seq).slice(-1));
    expect(seen.size).toBe(23);
  });

  it("accepts lower case, spaces, typographic dashes, no separators and Cyrillic look-alikes", () => {
    const ref = formatCaseReference("TR", 2026, 123);
    const [prefix, year, seq, check] = ref.split("-") as [string, string, string, string];
    for (const typed of [
      ref.toLowerCase(),
      ` ${prefix} - ${year} - ${seq} - ${check} `,
      `${prefix}–${year}–${seq}–${check}`,
      `${prefix}${year}${seq}${check}`,
      `${prefix} ${year} ${seq.slice(0, 3)} ${seq.slice(3)} ${check}`,
      ref.replace("T", "Т"), // Cyrillic capital Te
    ]) {
      expect(parseCaseReference(typed)).toMatchObject({ ok: true, reference: ref });
    }
  });

  it("rejects a wrong check character", () => {
    const ref = formatCaseReference("TR", 2026, 123);
    const wrong = CHECK_ALPHABET[(CHECK_ALPHABET.indexOf(ref.slice(-1)) + 1) % CHECK_ALPHABET.length];
    expect(parseCaseReference(ref.slice(0, -1) + wrong)).toEqual({ ok: false, reason: "check_character" });
  });

  it("detects every one-digit typo and every swap of two digits", () => {
    const ref = formatCaseReference("TR", 2026, 402_817);
    const digits = [...ref].map((c, i) => (/\d/.test(c) ? i : -1)).filter((i) => i >= 0);
    for (const i of digits) {
      for (let d = 0; d <= 9; d += 1) {
        if (String(d) === ref[i]) continue;
        const typo = ref.slice(0, i) + d + ref.slice(i + 1);
        expect(parseCaseReference(typo).ok, typo).toBe(false);
      }
    }
    for (const i of digits) {
      for (const j of digits) {
        if (j <= i || ref[i] === ref[j]) continue;
        const chars = [...ref];
        [chars[i], chars[j]] = [chars[j]!, chars[i]!];
        expect(parseCaseReference(chars.join("")).ok, chars.join("")).toBe(false);
      }
    }
  });

  it("detects a one-letter typo in the prefix", () => {
    const ref = formatCaseReference("TR", 2026, 123);
    expect(parseCaseReference("HR" + ref.slice(2)).ok).toBe(false);
    expect(parseCaseReference("TP" + ref.slice(2)).ok).toBe(false);
  });

  it("rejects malformed input with reason 'format'", () => {
    for (const bad of ["", "TR-2026-123-K", "TR-26-000123-K", "TR-2026-0001234-K", "TR-2026-000000-A", "123-2026-000123-K", "TR-2026-000123-1"]) {
      expect(parseCaseReference(bad)).toEqual({ ok: false, reason: "format" });
    }
  });

  it("refuses to format out-of-range parts", () => {
    expect(() => formatCaseReference("tr", 2026, 1)).toThrow(RangeError);
    expect(() => formatCaseReference("TR", 2026, 0)).toThrow(RangeError);
    expect(() => formatCaseReference("TR", 2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatCaseReference("TR", 99, 1)).toThrow(RangeError);
  });
});

describe("document numbers", () => {
  it("use the same scheme with the document prefix", () => {
    const number = formatDocumentNumber("TRS", 2026, 45);
    expect(number).toMatch(/^TRS-2026-000045-[A-Z]$/);
    expect(parseDocumentNumber(number.toLowerCase())).toMatchObject({ ok: true, prefix: "TRS", seq: 45 });
    // Here dropping the S of the prefix is caught by the check character.
    expect(parseDocumentNumber(number.replace("TRS", "TR")).ok).toBe(false);
  });
});
