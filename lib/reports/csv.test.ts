import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a byte-order mark and ends every line with CRLF", () => {
    expect(toCsv(["a", "b"], [[1, "x"]])).toBe("\uFEFFa,b\r\n1,x\r\n");
  });

  it("quotes fields with commas, quotes, semicolons or line breaks and doubles inner quotes", () => {
    const csv = toCsv(["name"], [["Алматы, г."], ['"Нұрлы көш"'], ["two\nlines"], ["a;b"]]);
    expect(csv).toBe('\uFEFFname\r\n"Алматы, г."\r\n"""Нұрлы көш"""\r\n"two\nlines"\r\n"a;b"\r\n');
  });

  it("keeps Kazakh and Russian text as UTF-8", () => {
    const bytes = Buffer.from(toCsv(["Өңір"], [["Шымкент"]]), "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString("utf8")).toContain("Өңір");
  });

  it("defuses text that a spreadsheet would run as a formula (=, +, -, @, tab, CR)", () => {
    const csv = toCsv(["v"], [["=HYPERLINK(\"http://x\")"], ["+1"], ["-2+3"], ["@SUM(A1)"], ["\tcmd"], ["\rcmd"], ["a=b"]]);
    expect(csv.split("\r\n").slice(1, -1)).toEqual([`"'=HYPERLINK(""http://x"")"`, "'+1", "'-2+3", "'@SUM(A1)", "'\tcmd", `"'\rcmd"`, "a=b"]);
  });

  it("writes numbers as numbers (a negative count is not text) and empty cells for null", () => {
    expect(toCsv(["n", "m", "o"], [[-3, null, 12.5]])).toBe("\uFEFFn,m,o\r\n-3,,12.5\r\n");
  });
});
