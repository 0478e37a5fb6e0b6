import { describe, expect, it } from "vitest";
import type { PerformResult } from "@/lib/engine/types";
import { errorsOfStep, firstPageWithError, stepOfPath, unplacedErrors, withoutStepErrors } from "./step-errors";
import { trSubmitEnvelope, trSubmitState } from "./submit-state";

/** A translator that shows which key and values it was given, and knows every key. */
const t = Object.assign((key: string, values?: Record<string, string | number>) => (values ? `${key} ${JSON.stringify(values)}` : key), {
  has: () => true,
});

describe("wizard error placement", () => {
  it("maps a dotted path to the step that owns the field", () => {
    expect(stepOfPath("stay.requestedEndDate")).toBe("stay");
    expect(stepOfPath("host.identifier")).toBe("host");
    expect(stepOfPath("stay")).toBeNull();
    expect(stepOfPath("registration.validUntil")).toBeNull();
    expect(stepOfPath("")).toBeNull();
  });

  it("goes to the first step in form order, whatever the order of the errors", () => {
    expect(firstPageWithError({ "host.phone": "x", "passport.passportNumber": "y" })).toBe("passport");
    expect(firstPageWithError({ reason: "x" })).toBe("check");
    expect(firstPageWithError({})).toBe("check");
  });

  it("gives a step its own errors by field name and drops them once the step is corrected", () => {
    const errors = { "stay.requestedEndDate": "too late", "stay.visaNumber": "visa", "host.name": "name", "": "general" };
    expect(errorsOfStep(errors, "stay")).toEqual({ requestedEndDate: "too late", visaNumber: "visa" });
    expect(withoutStepErrors(errors, "stay")).toEqual({ "host.name": "name", "": "general" });
    expect(unplacedErrors(errors)).toEqual(["general"]);
  });
});

describe("trSubmitState (server outcome → wizard state)", () => {
  it("TR-07: the rule message goes next to the end date, with its rule ID and the date written for the reader", () => {
    const result: PerformResult = {
      ok: false,
      error: "rule_violation",
      violations: [{ rule: "TR-07", messageKey: "rules.tr07StayExceedsPermitted", values: { until: "2026-03-30" }, path: ["stay", "requestedEndDate"] }],
    };
    const en = trSubmitState(t, result, "en");
    expect(en.ok).toBe(false);
    expect(en.page).toBe("stay");
    expect(en.formError).toBeNull();
    expect(en.fieldErrors["stay.requestedEndDate"]).toBe('rules.tr07StayExceedsPermitted {"until":"30 March 2026"} (TR-07)');
    expect(trSubmitState(t, result, "ru").fieldErrors["stay.requestedEndDate"]).toContain("30 марта 2026");
  });

  it("validation errors of several steps open the earliest step and keep every message", () => {
    const result: PerformResult = {
      ok: false,
      error: "validation_failed",
      issues: [
        { path: ["host", "identifier"], message: "rules.iin_checksum" },
        { path: ["person", "surname"], message: "tr.validation.latinName" },
      ],
    };
    const state = trSubmitState(t, result, "kk");
    expect(state.page).toBe("person");
    expect(state.fieldErrors).toEqual({ "host.identifier": "rules.iin_checksum", "person.surname": "tr.validation.latinName" });
  });

  it("an unknown region from the engine goes to the address step", () => {
    const state = trSubmitState(t, { ok: false, error: "validation_failed", issues: [{ path: ["address", "region"], message: "rules.validation.unknownRegion" }] }, "en");
    expect(state.page).toBe("address");
    expect(state.fieldErrors["address.region"]).toBe("rules.validation.unknownRegion");
  });

  it("errors that name no field are shown on the check page", () => {
    const state = trSubmitState(
      t,
      {
        ok: false,
        error: "rule_violation",
        violations: [
          { rule: "ENGINE", messageKey: "rules.actionNotAvailable", values: { status: "registered" } },
          { rule: "TR-01", messageKey: "rules.tr01CitizenRefused", path: ["person", "citizenship"] },
        ],
      },
      "en",
    );
    expect(state.page).toBe("person");
    expect(state.fieldErrors).toEqual({ "person.citizenship": "rules.tr01CitizenRefused (TR-01)" });
    expect(state.formError).toBe('rules.actionNotAvailable {"status":"registered"} (ENGINE)');

    const whole = trSubmitState(t, { ok: false, error: "validation_failed", issues: [{ path: ["stay"], message: "rules.validation.required" }] }, "en");
    expect(whole).toMatchObject({ page: "check", fieldErrors: {}, formError: "rules.validation.required" });
  });

  it("a version conflict asks for the latest data; forbidden is a form error", () => {
    expect(trSubmitState(t, { ok: false, error: "version_conflict", currentVersion: 4 }, "en")).toMatchObject({
      ok: false,
      conflict: true,
      page: "check",
      formError: "common.errors.versionConflict",
    });
    expect(trSubmitState(t, { ok: false, error: "forbidden" }, "en")).toMatchObject({ page: "check", formError: "common.errors.forbiddenTitle" });
  });

  it("an unknown message key is shown as the generic problem, never as a raw key", () => {
    const strict = Object.assign((key: string) => `text of ${key}`, { has: (key: string) => key !== "rules.somethingNew" });
    const state = trSubmitState(strict, { ok: false, error: "validation_failed", issues: [{ path: ["host", "phone"], message: "rules.somethingNew" }] }, "en");
    expect(state.fieldErrors["host.phone"]).toBe("text of common.errors.genericTitle");
  });
});

describe("trSubmitEnvelope", () => {
  it("accepts the wizard's request and refuses a missing or malformed idempotency key or an unknown channel", () => {
    const good = { data: {}, idempotencyKey: "7d0c5e8a-3b7e-4b8e-9c4a-2f1d6e5a4b3c", channel: "online", locale: "kk" };
    expect(trSubmitEnvelope.safeParse(good).success).toBe(true);
    expect(trSubmitEnvelope.safeParse({ ...good, idempotencyKey: "1" }).success).toBe(false);
    expect(trSubmitEnvelope.safeParse({ ...good, idempotencyKey: undefined }).success).toBe(false);
    expect(trSubmitEnvelope.safeParse({ ...good, channel: "api" }).success).toBe(false);
    expect(trSubmitEnvelope.safeParse({ ...good, locale: "de" }).success).toBe(false);
  });
});
