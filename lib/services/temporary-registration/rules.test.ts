import { describe, expect, it } from "vitest";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { seededParams as params, seededRef as ref } from "@/test/reference";
import { trApplication } from "@/test/fixtures";
import {
  eligibility,
  filingFlags,
  lateness,
  permittedStay,
  registrationDeadline,
  tr01NotACitizen,
  tr04EntryNotInFuture,
  tr07WithinPermittedStay,
  tr08IsOverstay,
} from "./rules";
import { trApplicationSchema, type TrApplication } from "./schema";

const app = (o: Parameters<typeof trApplication>[0] = {}): TrApplication => trApplicationSchema.parse(trApplication(o));

describe("temporary registration rules", () => {
  it("TR-01: a citizen of Kazakhstan is refused at intake; a foreigner is not", () => {
    expect(tr01NotACitizen("KAZ")).toMatchObject({ rule: "TR-01", path: ["person", "citizenship"] });
    expect(tr01NotACitizen("UZB")).toBeNull();
    expect(tr01NotACitizen("XXA")).toBeNull();
  });

  it("TR-02: entry 1 Mar, filed 6 Mar is on time; filed 7 Mar is late", () => {
    const { deadline, rule } = registrationDeadline("2026-03-01", false, params);
    expect([deadline, rule]).toEqual(["2026-03-06", "TR-02"]);
    expect(lateness(deadline, "2026-03-06", params)).toEqual({ daysLate: 0, tier: null });
    expect(lateness(deadline, "2026-03-07", params)).toEqual({ daysLate: 1, tier: "A" });
  });

  it("TR-02: the 5 days are calendar days — weekends and holidays count", () => {
    // Entry Friday 20 Mar 2026, before Nauryz and a weekend: the deadline is still 25 Mar.
    expect(registrationDeadline("2026-03-20", false, params).deadline).toBe("2026-03-25");
  });

  it("TR-02: the term is a parameter with effective dates", () => {
    const changed = parameterReaderFrom([
      { key: "tr_registration_deadline_days", value: 5, effectiveFrom: "2000-01-01", effectiveTo: "2026-06-30" },
      { key: "tr_registration_deadline_days", value: 3, effectiveFrom: "2026-07-01", effectiveTo: null },
    ]);
    expect(registrationDeadline("2026-06-30", false, changed).deadline).toBe("2026-07-05");
    expect(registrationDeadline("2026-07-01", false, changed).deadline).toBe("2026-07-04");
  });

  it("TR-09: tier A up to 3 days past the deadline (days 6-8 after entry), tier B after", () => {
    const { deadline } = registrationDeadline("2026-03-01", false, params);
    expect(lateness(deadline, "2026-03-09", params).tier).toBe("A");
    expect(lateness(deadline, "2026-03-10", params).tier).toBe("B");
  });

  it("TR-05: a Kyrgyz worker who entered 1 Mar is not overdue on 25 Mar, and is on 1 Apr (day 31)", () => {
    const worker = app({ person: { citizenship: "KGZ" }, stay: { purpose: "work", eaeuWorker: true } });
    expect(filingFlags(worker, "2026-03-25", params, ref, false)).toEqual(["eaeu_worker"]);
    expect(filingFlags(worker, "2026-03-31", params, ref, false)).toEqual(["eaeu_worker"]);
    expect(filingFlags(worker, "2026-04-01", params, ref, false)).toEqual(["eaeu_worker", "late_filing", "late_tier_a"]);
  });

  it("TR-05: the exemption needs EAEU citizenship — an Uzbek who came to work has 5 days", () => {
    const uzbekWorker = app({ stay: { purpose: "work", eaeuWorker: true } });
    expect(filingFlags(uzbekWorker, "2026-03-07", params, ref, false)).toEqual(["late_filing", "late_tier_a"]);
  });

  it("TR-05: the eligibility check tells an EAEU worker that registration is not yet required", () => {
    expect(eligibility({ citizenship: "KGZ", entryDate: "2026-03-01", eaeuWorker: true }, "2026-03-25", params, ref)).toEqual({
      kind: "not_yet_required",
      until: "2026-03-31",
      rule: "TR-05",
    });
    expect(eligibility({ citizenship: "UZB", entryDate: "2026-03-01", eaeuWorker: false }, "2026-03-02", params, ref)).toEqual({
      kind: "required",
      deadline: "2026-03-06",
      rule: "TR-02",
    });
    expect(eligibility({ citizenship: "KAZ", entryDate: "2026-03-01", eaeuWorker: false }, "2026-03-02", params, ref)).toEqual({ kind: "citizen" });
    expect(eligibility({ citizenship: "UZB", entryDate: "2026-03-01", eaeuWorker: false }, "2026-03-12", params, ref)).toMatchObject({
      kind: "late",
      tier: "B",
    });
  });

  it("TR-07: a Turkish national passport (30 days) cannot be registered to day 45; day 30 is the last", () => {
    const turk = app({ person: { citizenship: "TUR" }, stay: { entryDate: "2026-03-01", requestedEndDate: "2026-04-14" } });
    expect(permittedStay(turk, params, ref)).toEqual({ until: "2026-03-30", basis: "visa_free_days" });
    expect(tr07WithinPermittedStay(turk, "2026-04-14", params, ref)).toMatchObject({ rule: "TR-07", values: { until: "2026-03-30" } });
    expect(tr07WithinPermittedStay(turk, "2026-03-30", params, ref)).toBeNull();
  });

  it("TR-07: a recorded visa is another basis of stay", () => {
    const turkWithVisa = app({ person: { citizenship: "TUR" }, stay: { requestedEndDate: "2026-04-14", visaNumber: "V123456", visaValidUntil: "2026-05-01" } });
    expect(tr07WithinPermittedStay(turkWithVisa, "2026-04-14", params, ref)).toBeNull();
  });

  it("TR-07: a citizenship that needs a visa cannot be registered without one", () => {
    const korean = app({ person: { citizenship: "KOR" } });
    expect(tr07WithinPermittedStay(korean, "2026-03-10", params, ref)).toMatchObject({ rule: "TR-07", messageKey: "rules.tr07VisaRequired" });
  });

  it("TR-07: unlimited visa-free regimes are capped by a parameter (90 days)", () => {
    const uzbek = app();
    expect(permittedStay(uzbek, params, ref)).toEqual({ until: "2026-05-29", basis: "visa_free_unlimited" });
  });

  it("TR-04: the entry stamp cannot be dated after the day of filing", () => {
    expect(tr04EntryNotInFuture("2026-03-04", "2026-03-03")).toMatchObject({ rule: "TR-04" });
    expect(tr04EntryNotInFuture("2026-03-03", "2026-03-03")).toBeNull();
  });

  it("TR-08: stay end 10 Mar, no exit by 13 Mar is not yet an overstay; on 14 Mar it is", () => {
    expect(tr08IsOverstay("2026-03-10", "2026-03-13", params)).toBe(false);
    expect(tr08IsOverstay("2026-03-10", "2026-03-14", params)).toBe(true);
  });

  it("X-09: a protected person is never flagged for late registration", () => {
    const late = app();
    expect(filingFlags(late, "2026-03-20", params, ref, true)).toEqual([]);
    expect(filingFlags(late, "2026-03-20", params, ref, false)).toEqual(["late_filing", "late_tier_b"]);
  });

  it("IIN/BIN of the host are checked with the official checksum", () => {
    const bad = trApplicationSchema.safeParse(trApplication({ host: { identifier: "850412300017" } }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["host", "identifier"], message: "rules.iin_checksum" });
    const org = trApplicationSchema.safeParse(trApplication({ host: { kind: "organisation", identifier: "850412300016" } }));
    expect(org.error?.issues[0]?.path).toEqual(["host", "identifier"]);
  });
});
