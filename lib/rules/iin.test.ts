import { describe, expect, it } from "vitest";
import { binSchema, checkBin, checkIin, checkIinOrBin, iinCheckDigit, iinOrBinSchema, iinSchema } from "./iin";

/** Test helper: completes 11 digits with a valid check digit, varying the serial when none exists. */
function makeValid(first11: string): string {
  for (let k = 0; k < 10; k += 1) {
    const candidate = first11.slice(0, 10) + String((Number(first11[10]) + k) % 10);
    const check = iinCheckDigit(candidate);
    if (check !== null) return candidate + String(check);
  }
  throw new Error("no valid number near " + first11);
}

/** Replaces the check digit with a wrong one. */
function withWrongCheck(valid: string): string {
  return valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10);
}

describe("IIN", () => {
  it("accepts a published example that needs the second weight pass", () => {
    // 061211600012: first pass gives 10, second pass gives 2.
    expect(checkIin("061211600012")).toEqual({ ok: true, birthDate: "2006-12-11", sex: "F" });
  });

  it("reads the birth date and sex from the 7th digit", () => {
    expect(checkIin(makeValid("90031530012"))).toEqual({ ok: true, birthDate: "1990-03-15", sex: "M" });
    expect(checkIin(makeValid("00022950123"))).toEqual({ ok: true, birthDate: "2000-02-29", sex: "M" });
    expect(checkIin(makeValid("99123120001"))).toEqual({ ok: true, birthDate: "1899-12-31", sex: "F" });
  });

  it("tolerates spaces", () => {
    const v = makeValid("90031530012");
    expect(checkIin(`${v.slice(0, 6)} ${v.slice(6)}`).ok).toBe(true);
  });

  it("rejects a wrong check digit and a typo in the serial", () => {
    const v = makeValid("85070740077");
    expect(checkIin(withWrongCheck(v))).toEqual({ ok: false, reason: "checksum" });
    // The official weights catch most, not all, single-digit typos (weight 11 is 0 modulo 11).
    const typo = v.slice(0, 8) + String((Number(v[8]) + 1) % 10) + v.slice(9);
    expect(checkIin(typo)).toEqual({ ok: false, reason: "checksum" });
  });

  it("rejects numbers that are not 12 digits", () => {
    expect(checkIin("12345678901")).toEqual({ ok: false, reason: "format" });
    expect(checkIin("1234567890123")).toEqual({ ok: false, reason: "format" });
    expect(checkIin("12345678901a")).toEqual({ ok: false, reason: "format" });
  });

  it("rejects impossible birth dates and century digits", () => {
    expect(checkIin(makeValid("01022950123"))).toEqual({ ok: false, reason: "birth_date" }); // 29 Feb 2001
    expect(checkIin(makeValid("00022930123"))).toEqual({ ok: false, reason: "birth_date" }); // 29 Feb 1900
    expect(checkIin(makeValid("90133130012"))).toEqual({ ok: false, reason: "birth_date" }); // month 13
    expect(checkIin(makeValid("90031570012"))).toEqual({ ok: false, reason: "birth_date" }); // 7th digit 7
    expect(checkIin(makeValid("90031500012"))).toEqual({ ok: false, reason: "birth_date" }); // 7th digit 0
  });

  it("treats a valid BIN as a bad IIN", () => {
    expect(checkIin(makeValid("05074000123"))).toEqual({ ok: false, reason: "birth_date" });
  });
});

describe("BIN", () => {
  it("accepts the three entity types", () => {
    expect(checkBin(makeValid("05074000123"))).toEqual({ ok: true, entityType: "resident_entity" });
    expect(checkBin(makeValid("14115100456"))).toEqual({ ok: true, entityType: "non_resident_entity" });
    expect(checkBin(makeValid("20016300789"))).toEqual({ ok: true, entityType: "joint_entrepreneurship" });
  });

  it("rejects a bad checksum, a bad month and a bad entity type", () => {
    expect(checkBin(withWrongCheck(makeValid("05074000123")))).toEqual({ ok: false, reason: "checksum" });
    expect(checkBin(makeValid("05134000123"))).toEqual({ ok: false, reason: "registration_date" });
    expect(checkBin(makeValid("05073000123"))).toEqual({ ok: false, reason: "entity_type" });
    expect(checkBin("0507400012")).toEqual({ ok: false, reason: "format" });
  });

  it("treats a valid IIN as a bad BIN", () => {
    expect(checkBin(makeValid("90031530012"))).toEqual({ ok: false, reason: "entity_type" });
  });
});

describe("IIN or BIN", () => {
  it("tells which one it is", () => {
    expect(checkIinOrBin(makeValid("90031530012"))).toMatchObject({ ok: true, kind: "iin", birthDate: "1990-03-15" });
    expect(checkIinOrBin(makeValid("05074000123"))).toMatchObject({ ok: true, kind: "bin", entityType: "resident_entity" });
    expect(checkIinOrBin(makeValid("90139930012"))).toEqual({ ok: false, reason: "structure" });
    expect(checkIinOrBin(withWrongCheck(makeValid("90031530012")))).toEqual({ ok: false, reason: "checksum" });
    expect(checkIinOrBin("abc")).toEqual({ ok: false, reason: "format" });
  });

  it("never finds a number that passes as both", () => {
    for (let d5 = 0; d5 <= 9; d5 += 1) {
      const n = makeValid(`0503${d5}150012`);
      expect(checkIin(n).ok && checkBin(n).ok).toBe(false);
    }
  });
});

describe("zod schemas", () => {
  it("return the number without spaces, or a message key", () => {
    const v = makeValid("90031530012");
    expect(iinSchema.parse(` ${v.slice(0, 6)} ${v.slice(6)} `)).toBe(v);

    const bad = iinSchema.safeParse(withWrongCheck(v));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("rules.iin_checksum");
    expect(iinSchema.safeParse("123").error?.issues[0]?.message).toBe("rules.iin_format");

    expect(binSchema.safeParse(v).error?.issues[0]?.message).toBe("rules.bin_entity_type");
    expect(binSchema.parse(makeValid("05074000123"))).toBe(makeValid("05074000123"));
    expect(iinOrBinSchema.parse(makeValid("05074000123"))).toBe(makeValid("05074000123"));
    expect(iinOrBinSchema.safeParse("").error?.issues[0]?.message).toBe("rules.iin_or_bin_format");
  });
});
