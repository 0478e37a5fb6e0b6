import { describe, expect, it } from "vitest";
import { normaliseMobile } from "./phone";

describe("mobile numbers for SMS", () => {
  it("Kazakhstan numbers in every usual spelling become E.164 (+7…)", () => {
    expect(normaliseMobile("+7 701 123 45 67")).toBe("+77011234567");
    expect(normaliseMobile("8 (701) 123-45-67")).toBe("+77011234567");
    expect(normaliseMobile("7011234567")).toBe("+77011234567");
  });

  it("a foreign mobile keeps its country code", () => {
    expect(normaliseMobile("+998 90 123 45 67")).toBe("+998901234567");
  });

  it("too short, letters and fixed lines (no SMS) are refused", () => {
    expect(normaliseMobile("12345")).toBeNull();
    expect(normaliseMobile("call me")).toBeNull();
    // An Almaty landline.
    expect(normaliseMobile("+7 727 272 72 72")).toBeNull();
  });
});
