import { describe, expect, it } from "vitest";
import { ParameterError, parameterReaderFrom, type ParameterRow } from "./parameters";

const rows: ParameterRow[] = [
  { key: "tr_registration_deadline_days", value: 5, effectiveFrom: "2000-01-01", effectiveTo: "2026-06-30" },
  { key: "tr_registration_deadline_days", value: 7, effectiveFrom: "2026-07-01", effectiveTo: null },
  { key: "tr_eaeu_worker_deadline_days", value: 30, effectiveFrom: "2015-01-01", effectiveTo: null },
  { key: "tr_refusal_reasons", value: ["other"], effectiveFrom: "2000-01-01", effectiveTo: null },
  { key: "login_max_attempts_per_ip", value: { points: 20, durationSeconds: 900 }, effectiveFrom: "2000-01-01", effectiveTo: null },
  { key: "temporary_rule", value: 1, effectiveFrom: "2026-01-01", effectiveTo: "2026-01-31" },
];
const params = parameterReaderFrom(rows);

describe("parameters", () => {
  it("TR-02: the deadline in force on a date, both ends of a period inclusive", () => {
    expect(params.number("tr_registration_deadline_days", "2026-06-30")).toBe(5);
    expect(params.number("tr_registration_deadline_days", "2026-07-01")).toBe(7);
    expect(params.number("tr_registration_deadline_days", "2000-01-01")).toBe(5);
    expect(params.number("tr_registration_deadline_days", "2099-12-31")).toBe(7);
  });

  it("TR-05: a parameter asked for before it starts is a configuration error", () => {
    expect(params.number("tr_eaeu_worker_deadline_days", "2015-01-01")).toBe(30);
    expect(() => params.number("tr_eaeu_worker_deadline_days", "2014-12-31")).toThrow(ParameterError);
    expect(params.has("tr_eaeu_worker_deadline_days", "2014-12-31")).toBe(false);
  });

  it("a closed period ends on its last day", () => {
    expect(params.has("temporary_rule", "2026-01-31")).toBe(true);
    expect(params.has("temporary_rule", "2026-02-01")).toBe(false);
    expect(() => params.get("temporary_rule", "2026-02-01")).toThrow(/temporary_rule.*2026-02-01/);
  });

  it("throws a clear error for an unknown key", () => {
    expect(() => params.get("no_such_parameter", "2026-01-01")).toThrow(/No value of rule parameter "no_such_parameter" is in force on 2026-01-01/);
  });

  it("returns structured values and refuses a non-number through number()", () => {
    expect(params.get<string[]>("tr_refusal_reasons", "2026-01-01")).toEqual(["other"]);
    expect(params.get<{ points: number }>("login_max_attempts_per_ip", "2026-01-01").points).toBe(20);
    expect(() => params.number("tr_refusal_reasons", "2026-01-01")).toThrow(/not a number/);
  });

  it("lets a later-starting row win where periods overlap", () => {
    const overlapping = parameterReaderFrom([
      { key: "fee", value: 100, effectiveFrom: "2020-01-01", effectiveTo: null },
      { key: "fee", value: 150, effectiveFrom: "2026-01-01", effectiveTo: null },
    ]);
    expect(overlapping.number("fee", "2025-12-31")).toBe(100);
    expect(overlapping.number("fee", "2026-01-01")).toBe(150);
  });

  it("rejects an invalid date instead of comparing strings", () => {
    expect(() => params.get("tr_registration_deadline_days", "2026-7-1")).toThrow(ParameterError);
  });
});
