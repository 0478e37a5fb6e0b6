import { describe, expect, it } from "vitest";
import { seededParams as params } from "@/test/reference";
import { kcAlertOn } from "./rules";

describe("simplified citizenship rules", () => {
  it("KD-14: the alert fires at 2.5 months, half a month before the term ends", () => {
    expect(kcAlertOn("2026-04-10", params, "2026-01-10")).toBe("2026-03-26");
  });
});
