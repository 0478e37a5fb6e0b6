import { describe, expect, it } from "vitest";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { RULE_PARAMETERS } from "@/db/seed/data/rule-parameters";
import { seededParams as params, seededRef as ref } from "@/test/reference";
import {
  rf02GrantTerm,
  rf03ExtensionTerm,
  rf04AssessmentRecorded,
  rf04MayExtend,
  rf05DueReminder,
  rf05FilingWindow,
  rf05IsLate,
  rf06CertificateDueOn,
  rf08Protected,
  rf09ComplaintInTime,
  rf09RefusalMayBecomeFinal,
  rfCommissionOutcome,
  rfFourEyes,
  rfOneVotePerMember,
  type Assessment,
  type Vote,
} from "./rules";
import { voteInput } from "./schema";

/** The seeded parameters with some values replaced from a date. */
function withParams(overrides: Record<string, unknown>) {
  return parameterReaderFrom([
    ...RULE_PARAMETERS.map((p) => ({ key: p.key, value: p.value, effectiveFrom: p.effectiveFrom, effectiveTo: p.effectiveTo ?? null })),
    ...Object.entries(overrides).map(([key, value]) => ({ key, value, effectiveFrom: "2026-01-01", effectiveTo: null })),
  ]);
}

const vote = (memberId: string, decision: Vote["decision"]): Vote => ({ memberId, decision, legalGround: decision === "extend" ? "circumstances_unchanged" : "circumstances_changed", reason: "Reasons given at length.", at: "2026-05-06" });
const assessment = (situation: Assessment["situation"]): Assessment => ({ situation, justification: "Country reports reviewed.", sources: "UNHCR 2026", preparedBy: "officer-1" });

describe("refugee status renewal rules", () => {
  it("RF-02: a status granted 2026-05-10 is valid to 2027-05-09 under the configured day-before-anniversary convention", () => {
    expect(rf02GrantTerm("2026-05-10", params)).toEqual({ startsOn: "2026-05-10", endsOn: "2027-05-09" });
  });

  it("RF-02: with the anniversary convention the same grant is valid to 2027-05-10", () => {
    expect(rf02GrantTerm("2026-05-10", withParams({ rf_status_end_convention: "anniversary" })).endsOn).toBe("2027-05-10");
  });

  it("RF-02: a grant on 29 February ends the day before its anniversary, 28 February", () => {
    expect(rf02GrantTerm("2028-02-29", params).endsOn).toBe("2029-02-27");
  });

  it("RF-03: an extension starts the day after the old end and lasts a year; the 3rd extension follows the same rule as the 1st", () => {
    const first = rf03ExtensionTerm("2027-05-09", "2027-04-20", params);
    expect(first).toEqual({ startsOn: "2027-05-10", endsOn: "2028-05-09" });
    const second = rf03ExtensionTerm(first.endsOn, "2028-04-20", params);
    const third = rf03ExtensionTerm(second.endsOn, "2029-04-20", params);
    expect(second).toEqual({ startsOn: "2028-05-10", endsOn: "2029-05-09" });
    expect(third).toEqual({ startsOn: "2029-05-10", endsOn: "2030-05-09" });
  });

  it("RF-05: filed 40 days before expiry is on time; 20 days before is accepted but flagged late", () => {
    const endsOn = "2026-12-31";
    expect(rf05FilingWindow(endsOn, "2026-11-21", params)).toBeNull();
    expect(rf05IsLate(endsOn, "2026-11-21", params)).toBe(false);
    expect(rf05FilingWindow(endsOn, "2026-12-11", params)).toBeNull();
    expect(rf05IsLate(endsOn, "2026-12-11", params)).toBe(true);
  });

  it("RF-05: exactly one month (30 days) before expiry is on time, 29 days is late", () => {
    expect(rf05IsLate("2026-12-31", "2026-12-01", params)).toBe(false);
    expect(rf05IsLate("2026-12-31", "2026-12-02", params)).toBe(true);
  });

  it("RF-05: the window opens 45 days before the end and closes after the last day of the status", () => {
    expect(rf05FilingWindow("2026-12-31", "2026-11-15", params)).toMatchObject({ rule: "RF-05", messageKey: "rf.rules.rf05WindowNotOpen", values: { opensOn: "2026-11-16" } });
    expect(rf05FilingWindow("2026-12-31", "2026-11-16", params)).toBeNull();
    expect(rf05FilingWindow("2026-12-31", "2026-12-31", params)).toBeNull();
    expect(rf05FilingWindow("2026-12-31", "2027-01-01", params)).toMatchObject({ rule: "RF-05", messageKey: "rf.rules.rf05StatusEnded" });
  });

  it("RF-05: reminders at −45 and −35 days, each once; a status first seen at −30 gets one reminder, not two", () => {
    const endsOn = "2026-12-31";
    expect(rf05DueReminder(endsOn, "2026-11-15", [], params)).toBeNull();
    expect(rf05DueReminder(endsOn, "2026-11-16", [], params)).toEqual({ offset: 45, covers: [45] });
    expect(rf05DueReminder(endsOn, "2026-11-20", [45], params)).toBeNull();
    expect(rf05DueReminder(endsOn, "2026-11-26", [45], params)).toEqual({ offset: 35, covers: [35] });
    expect(rf05DueReminder(endsOn, "2026-12-01", [], params)).toEqual({ offset: 35, covers: [45, 35] });
    expect(rf05DueReminder(endsOn, "2027-01-01", [], params)).toBeNull();
  });

  it("RF-06: a decision on Wednesday 6 May 2026, the working day before Defender's Day, gets its certificate due on Friday 15 May", () => {
    // 7 May holiday, 9 May Victory Day on a Saturday gives Monday 11 May off; weekends skipped.
    expect(ref.calendar.isWorkingDay("2026-05-11")).toBe(false);
    expect(rf06CertificateDueOn("2026-05-06", params, ref)).toBe("2026-05-15");
  });

  it("RF-06: a decision on a Friday in an ordinary week is due the following Friday", () => {
    expect(rf06CertificateDueOn("2026-11-13", params, ref)).toBe("2026-11-20");
  });

  it("RF-04: the file cannot go to the commission without an assessment", () => {
    expect(rf04AssessmentRecorded(undefined)).toMatchObject({ rule: "RF-04" });
    expect(rf04AssessmentRecorded(assessment("unchanged"))).toBeNull();
  });

  it("RF-04: a 'changed' assessment cannot be extended without a supervisor override; with one it can", () => {
    expect(rf04MayExtend(assessment("changed"), undefined)).toMatchObject({ rule: "RF-04", messageKey: "rf.rules.rf04ChangedNeedsOverride" });
    expect(rf04MayExtend(assessment("changed"), { note: "New evidence of risk to the family.", by: "supervisor-1" })).toBeNull();
    expect(rf04MayExtend(assessment("unchanged"), undefined)).toBeNull();
    expect(rf04MayExtend(undefined, undefined)).toMatchObject({ rule: "RF-04" });
  });

  it("RF-C1: the officer who prepared the file cannot vote on it; another member can", () => {
    expect(rfFourEyes("officer-1", "officer-1")).toMatchObject({ rule: "RF-C1" });
    expect(rfFourEyes("officer-1", "supervisor-1")).toBeNull();
  });

  it("RF-C2: a member votes once", () => {
    expect(rfOneVotePerMember([vote("m1", "extend")], "m1")).toMatchObject({ rule: "RF-C2" });
    expect(rfOneVotePerMember([vote("m1", "extend")], "m2")).toBeNull();
  });

  it("RF-C3: a single member cannot form the quorum of 2; two different members agreeing can", () => {
    expect(rfCommissionOutcome([vote("m1", "extend")], "officer-1", "2026-05-06", params)).toBeNull();
    expect(rfCommissionOutcome([vote("m1", "extend"), vote("m1", "extend")], "officer-1", "2026-05-06", params)).toBeNull();
    expect(rfCommissionOutcome([vote("m1", "extend"), vote("m2", "extend")], "officer-1", "2026-05-06", params)).toBe("extend");
    expect(rfCommissionOutcome([vote("m1", "refuse"), vote("m2", "refuse")], "officer-1", "2026-05-06", params)).toBe("refuse");
  });

  it("RF-C3: the preparing officer's vote never counts towards the quorum; a split vote waits for another member", () => {
    expect(rfCommissionOutcome([vote("officer-1", "extend"), vote("m2", "extend")], "officer-1", "2026-05-06", params)).toBeNull();
    expect(rfCommissionOutcome([vote("m1", "extend"), vote("m2", "refuse")], "officer-1", "2026-05-06", params)).toBeNull();
    expect(rfCommissionOutcome([vote("m1", "extend"), vote("m2", "refuse"), vote("m3", "extend")], "officer-1", "2026-05-06", params)).toBe("extend");
  });

  it("RF-C3: the quorum is a parameter", () => {
    const three = withParams({ rf_commission_quorum: 3 });
    expect(rfCommissionOutcome([vote("m1", "extend"), vote("m2", "extend")], null, "2026-05-06", three)).toBeNull();
    expect(rfCommissionOutcome([vote("m1", "extend"), vote("m2", "extend"), vote("m3", "extend")], null, "2026-05-06", three)).toBe("extend");
  });

  it("RF-C3: a vote's legal ground must fit its decision", () => {
    expect(voteInput.safeParse({ decision: "extend", legalGround: "circumstances_changed", reason: "Reasons given at length." }).success).toBe(false);
    expect(voteInput.safeParse({ decision: "refuse", legalGround: "circumstances_changed", reason: "Reasons given at length." }).success).toBe(true);
  });

  it("RF-09: a complaint on the 30th day after the refusal is in time, on the 31st it is late; only then the refusal becomes final", () => {
    expect(rf09ComplaintInTime("2026-05-06", "2026-06-05", params)).toBeNull();
    expect(rf09ComplaintInTime("2026-05-06", "2026-06-06", params)).toMatchObject({ rule: "RF-09", values: { until: "2026-06-05" } });
    expect(rf09RefusalMayBecomeFinal("2026-05-06", "2026-06-05", params)).toMatchObject({ rule: "RF-09" });
    expect(rf09RefusalMayBecomeFinal("2026-05-06", "2026-06-06", params)).toBeNull();
  });

  it("RF-08: every state before a final outcome protects the person; final ones do not", () => {
    for (const s of ["submitted", "under_review", "commission_review", "refused", "complaint_filed"]) expect(rf08Protected(s)).toBe(true);
    for (const s of ["refusal_final", "status_ended", "certificate_issued", "withdrawn"]) expect(rf08Protected(s)).toBe(false);
  });
});
