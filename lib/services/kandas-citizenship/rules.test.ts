import { describe, expect, it } from "vitest";
import { seededParams as params } from "@/test/reference";
import { kcAlertOn, kcDueOn } from "./rules";

describe("simplified citizenship rules", () => {
  it("KD-14: the decision is due 3 calendar months after submission", () => {
    expect(kcDueOn("2026-01-10", params)).toBe("2026-04-10");
    // A day the target month lacks becomes its last day.
    expect(kcDueOn("2026-11-30", params)).toBe("2027-02-28");
  });

  it("KD-14: the alert fires at 2.5 months, half a month before the term ends", () => {
    expect(kcAlertOn("2026-04-10", params, "2026-01-10")).toBe("2026-03-26");
  });
});
