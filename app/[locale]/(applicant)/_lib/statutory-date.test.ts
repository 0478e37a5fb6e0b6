import { describe, expect, it } from "vitest";
import { statutoryDate } from "./statutory-date";

describe("the date shown per case in My applications", () => {
  it("is the statutory decision date while it runs", () => {
    expect(statutoryDate({ status: "submitted", dueOn: "2026-03-10", data: { registration: { validUntil: "2026-04-15" } } })).toEqual({ kind: "due", date: "2026-03-10" });
  });
  it("then what was granted: a registration, a permit, a refugee status still being renewed", () => {
    expect(statutoryDate({ status: "registered", dueOn: null, data: { registration: { validUntil: "2026-04-15" } } })).toEqual({ kind: "validUntil", date: "2026-04-15" });
    expect(statutoryDate({ status: "active", dueOn: null, data: { permit: { validUntil: "2026-12-05" } } })).toEqual({ kind: "permitUntil", date: "2026-12-05" });
    expect(statutoryDate({ status: "complaint_filed", dueOn: null, data: { status: { endsOn: "2026-12-31" } } })).toEqual({ kind: "statusEnds", date: "2026-12-31" });
  });
  it("not the old end date of a status that was extended, and nothing when there is no date", () => {
    expect(statutoryDate({ status: "extended", dueOn: null, data: { status: { endsOn: "2026-12-31" } } })).toBeNull();
    expect(statutoryDate({ status: "withdrawn", dueOn: null, data: {} })).toBeNull();
  });
});
