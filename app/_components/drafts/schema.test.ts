import { describe, expect, it } from "vitest";
import { draftFormValues, saveDraftInput } from "./schema";

describe("draft answers of single-page forms", () => {
  it("every field comes back as the form wants it: checkbox groups as lists, other fields as their text", () => {
    const saved = { "person.surname": ["TOSHMATOV"], "certificates.criminalRecordHasEntries": ["yes"], remove: ["a", "b"], broken: 7 };
    expect(draftFormValues(saved, new Set(["certificates.criminalRecordHasEntries", "remove"]))).toEqual({
      "person.surname": "TOSHMATOV",
      "certificates.criminalRecordHasEntries": ["yes"],
      remove: ["a", "b"],
      broken: "",
    });
    expect(draftFormValues(null)).toEqual({});
  });

  it("a save names a uuid draft, a service and the version the device saw", () => {
    expect(saveDraftInput.safeParse({ id: "not-a-uuid", service: "temporary_registration", step: null, data: {}, expectedVersion: null }).success).toBe(false);
    expect(saveDraftInput.safeParse({ id: "8c1d5a3e-1f1e-4d55-9f0a-0f2b8d1e7c11", service: "temporary_registration", step: "stay", data: {}, expectedVersion: 0 }).success).toBe(false);
    expect(saveDraftInput.safeParse({ id: "8c1d5a3e-1f1e-4d55-9f0a-0f2b8d1e7c11", service: "temporary_registration", step: "stay", data: { a: 1 }, expectedVersion: 2 }).success).toBe(true);
  });
});
