import { describe, expect, it } from "vitest";
import { filterQuery, parseReportFilter, periodBounds } from "./filter";

describe("parseReportFilter", () => {
  it("defaults to the twelve months up to today's", () => {
    expect(parseReportFilter({}, "2026-11-23")).toEqual({ from: "2025-12", to: "2026-11", region: undefined, service: undefined });
  });

  it("keeps valid values, swaps a reversed period and cuts one longer than 60 months", () => {
    expect(parseReportFilter({ from: "2026-05", to: "2026-02", region: "KZ-ALA", service: "household_permit" }, "2026-11-23")).toEqual({ from: "2026-02", to: "2026-05", region: "KZ-ALA", service: "household_permit" });
    expect(parseReportFilter(new URLSearchParams("from=2010-01&to=2026-03"), "2026-11-23")).toMatchObject({ from: "2021-04", to: "2026-03" });
  });

  it("drops malformed values instead of passing them to a query", () => {
    expect(parseReportFilter({ from: "2026-13", to: "x", region: "'; drop", service: "A B" }, "2026-11-23")).toEqual({ from: "2025-12", to: "2026-11", region: undefined, service: undefined });
  });

  it("turns a period into Kazakhstan-midnight bounds and back into a query string", () => {
    const { start, end } = periodBounds({ from: "2026-12", to: "2027-01" });
    expect(start.toISOString()).toBe("2026-11-30T19:00:00.000Z");
    expect(end.toISOString()).toBe("2027-01-31T19:00:00.000Z");
    expect(filterQuery({ from: "2026-01", to: "2026-03", region: "KZ-ALA" }, { format: "csv" })).toBe("region=KZ-ALA&from=2026-01&to=2026-03&format=csv");
  });
});
