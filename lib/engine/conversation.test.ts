import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { attachments, cases, issuedDocuments, notifications } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { runDueJobs } from "@/lib/jobs/runner";
import { TR_SERVICE } from "@/lib/services";
import { TEST_ENGINES, createTestDatabase, type TestDatabase } from "@/test/db";
import { at, makeUser, trApplication } from "@/test/fixtures";
import { hearingWaived } from "@/test/hearing";
import { performApproved } from "@/test/approvals";
import { conversationOf } from "./conversation";

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n");
const REFUSAL = { reasonCode: "address_not_confirmed", reason: "The host denied that the applicant lives at the address." };

function ok(r: PerformResult): CaseSnapshot {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.case;
}
const ruleOf = (r: PerformResult) => (!r.ok && r.error === "rule_violation" ? r.violations[0]!.rule : r.ok ? "ok" : r.error);

describe.each(TEST_ENGINES)("the conversation with the applicant on %s", (engine) => {
  let t: TestDatabase;
  let applicant: Viewer;
  let other: Viewer;
  let officer: Viewer;
  let clerk: Viewer;
  let supervisor: Viewer;

  beforeAll(async () => {
    t = await createTestDatabase(engine);
    applicant = await makeUser(t.db, "applicant");
    other = await makeUser(t.db, "applicant");
    officer = await makeUser(t.db, "officer", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    clerk = await makeUser(t.db, "clerk", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
    supervisor = await makeUser(t.db, "supervisor", { regions: ["KZ-ALA"], services: [TR_SERVICE] });
  });
  afterAll(async () => t?.close());

  async function underReview(now = at("2026-03-03")): Promise<CaseSnapshot> {
    const r = await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return ok(await perform(t.db, officer, r.case.id, "start_review", {}, r.case.version, { now }));
  }
  const notificationsOf = (caseId: string) => t.db.select().from(notifications).where(eq(notifications.caseId, caseId));

  it("X-HEAR-01: a request for information stops the clock; the answer restarts it with the time that was left, on the calendar", async () => {
    const c = await underReview();
    expect(c.dueOn).toBe("2026-03-04");
    const asked = ok(await perform(t.db, officer, c.id, "request_information", { items: "A copy of the rental contract, please." }, c.version, { now: at("2026-03-03", "12:00:00") }));
    expect(asked.status).toBe("awaiting_information");
    expect(asked.dueOn).toBeNull();
    expect(asked.clockRemainingDays).toBe(1);
    // 10 working days from Tuesday 3 March: 9 March is a moved day off.
    expect(conversationOf(asked.data).information).toMatchObject({ dueOn: "2026-03-18", returnTo: "under_review" });
    const answered = ok(await perform(t.db, applicant, c.id, "answer_information", { answer: "The contract is attached." }, asked.version, { now: at("2026-03-06") }));
    // Restarted on Friday 6 March with 1 working day left → Tuesday 10 March (Monday 9 March is off).
    expect(answered.dueOn).toBe("2026-03-10");
    expect(answered.clockRemainingDays).toBeNull();
  });

  it("X-HEAR-02: the answer returns the case to the state it was asked from, with the files typed by their content", async () => {
    const submitted = await createCase(t.db, applicant, TR_SERVICE, trApplication(), { channel: "online", submit: true, now: at("2026-03-03") });
    if (!submitted.ok) throw new Error("filing failed");
    const asked = ok(await perform(t.db, officer, submitted.case.id, "request_information", { items: "The passport page with the entry stamp." }, submitted.case.version, { now: at("2026-03-03") }));
    const bad = await perform(t.db, applicant, asked.id, "answer_information", { answer: "Here it is.", files: [{ fileName: "stamp.pdf", bytes: new TextEncoder().encode("not a pdf at all") }] }, asked.version, { now: at("2026-03-04") });
    expect(bad).toMatchObject({ ok: false, error: "rule_violation", violations: [{ rule: "X-ATTACHMENT", messageKey: "rules.attachmentType", path: ["files", 0] }] });
    const back = ok(await perform(t.db, applicant, asked.id, "answer_information", { answer: "Here it is.", files: [{ fileName: "stamp.pdf", bytes: PDF }] }, asked.version, { now: at("2026-03-04") }));
    expect(back.status).toBe("submitted");
    expect(conversationOf(back.data).information).toBeUndefined();
    const stored = await t.db.select().from(attachments).where(and(eq(attachments.caseId, asked.id), eq(attachments.kind, "information_answer")));
    expect(stored.map((a) => a.mimeType)).toEqual(["application/pdf"]);
  });

  it("X-HEAR-02: only the owner (or a clerk for them) answers; another applicant and the officer cannot", async () => {
    const c = await underReview();
    const asked = ok(await perform(t.db, officer, c.id, "request_information", { items: "A copy of the rental contract, please." }, c.version, { now: at("2026-03-03") }));
    expect(await perform(t.db, other, c.id, "answer_information", { answer: "Not mine." }, asked.version)).toEqual({ ok: false, error: "not_found" });
    expect(await perform(t.db, officer, c.id, "answer_information", { answer: "For them." }, asked.version)).toEqual({ ok: false, error: "forbidden" });
    expect(ok(await perform(t.db, clerk, c.id, "answer_information", { answer: "Handed in at the desk." }, asked.version, { now: at("2026-03-04") })).status).toBe("under_review");
  });

  it("X-HEAR-08: an unanswered request is flagged for the officer the day after its term; only then may the officer go on without it", async () => {
    const c = await underReview();
    const asked = ok(await perform(t.db, officer, c.id, "request_information", { items: "A copy of the rental contract, please." }, c.version, { now: at("2026-03-03") }));
    expect(ruleOf(await perform(t.db, officer, c.id, "resume_without_answer", { reason: "No answer came in time." }, asked.version, { now: at("2026-03-18") }))).toBe("X-HEAR-08");
    await runDueJobs(t.db, at("2026-03-19", "10:00:00"));
    const [flagged] = await t.db.select().from(cases).where(eq(cases.id, c.id));
    expect(flagged!.flags).toContain("information_overdue");
    expect((await notificationsOf(c.id)).map((n) => [n.userId, n.template])).toContainEqual([officer.userId, "hearing.notifications.informationOverdue"]);
    const resumed = ok(await perform(t.db, officer, c.id, "resume_without_answer", { reason: "No answer came in time." }, flagged!.version, { now: at("2026-03-19", "11:00:00") }));
    expect(resumed.status).toBe("under_review");
    expect(resumed.flags).not.toContain("information_overdue");
  });

  it("X-HEAR-03: the final refusal is refused by the engine before a preliminary refusal, and while the response term runs", async () => {
    const c = await underReview();
    expect(ruleOf(await perform(t.db, officer, c.id, "refuse", REFUSAL, c.version, { now: at("2026-03-03") }))).toBe("ENGINE");
    const pre = ok(await perform(t.db, officer, c.id, "preliminary_refuse", { grounds: "address_not_confirmed", explanation: "The host says you do not live at the address." }, c.version, { now: at("2026-03-03") }));
    expect(pre.status).toBe("preliminary_refusal");
    // 5 working days from Tuesday 3 March (9 March off) → Wednesday 11 March.
    expect(conversationOf(pre.data).preliminary?.respondBy).toBe("2026-03-11");
    expect(ruleOf(await perform(t.db, officer, c.id, "refuse", REFUSAL, pre.version, { now: at("2026-03-11") }))).toBe("X-HEAR-03");
    const heard = ok(await perform(t.db, applicant, c.id, "respond_to_preliminary_refusal", { response: "I do live there; my host was away." }, pre.version, { now: at("2026-03-05") }));
    expect(ruleOf(await perform(t.db, officer, c.id, "refuse", REFUSAL, heard.version, { now: at("2026-03-11") }))).toBe("X-HEAR-03");
  });

  it("X-HEAR-03: the refusal is allowed once the response term passed without a hearing request", async () => {
    const c = await underReview();
    const pre = ok(await perform(t.db, officer, c.id, "preliminary_refuse", { grounds: "address_not_confirmed", explanation: "The host says you do not live at the address." }, c.version, { now: at("2026-03-03") }));
    const refused = ok(await performApproved(t.db, officer, supervisor, c.id, "refuse", REFUSAL, pre.version, { now: at("2026-03-12") }));
    expect(refused.status).toBe("refused");
    expect(refused.dueOn).toBeNull();
  });

  it("X-HEAR-03: the refusal is allowed after a waiver", async () => {
    const c = await underReview();
    const waived = await hearingWaived(t.db, officer, applicant, c, { grounds: "address_not_confirmed", now: at("2026-03-03") });
    expect(ok(await performApproved(t.db, officer, supervisor, c.id, "refuse", REFUSAL, waived.version, { now: at("2026-03-04") })).status).toBe("refused");
    // The refusal issues its decision letter, verifiable like any document, saying how the applicant was heard.
    const [letter] = await t.db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, c.id));
    expect(letter).toMatchObject({ type: "refusal_decision", validFrom: "2026-03-04", holderDisplayName: "KARIMOV AZIZ", content: { reasonCode: "address_not_confirmed", refusal: "refuse", heard: "waived" } });
  });

  it("X-HEAR-03, X-HEAR-05, X-HEAR-07: after a hearing request the refusal waits for the minutes of a hearing held within 2 working days", async () => {
    const c = await underReview();
    let p = ok(await perform(t.db, officer, c.id, "preliminary_refuse", { grounds: "address_not_confirmed", explanation: "The host says you do not live at the address." }, c.version, { now: at("2026-03-03") }));
    p = ok(await perform(t.db, applicant, c.id, "request_hearing", { mode: "in_person" }, p.version, { now: at("2026-03-04") }));
    expect(conversationOf(p.data).preliminary?.hearingRequest).toMatchObject({ mode: "in_person", holdBy: "2026-03-06" });
    // Even after the response term, a requested hearing must take place first.
    expect(ruleOf(await perform(t.db, officer, c.id, "refuse", REFUSAL, p.version, { now: at("2026-03-20") }))).toBe("X-HEAR-03");
    expect(ruleOf(await perform(t.db, officer, c.id, "schedule_hearing", { date: "2026-03-10", time: "10:00", place: "Office 12" }, p.version, { now: at("2026-03-04") }))).toBe("X-HEAR-05");
    p = ok(await perform(t.db, officer, c.id, "schedule_hearing", { date: "2026-03-06", time: "10:00", place: "Office 12, Abay avenue 10" }, p.version, { now: at("2026-03-04") }));
    expect(ruleOf(await perform(t.db, officer, c.id, "record_hearing_minutes", { minutes: "The applicant explained the situation.", attended: true }, p.version, { now: at("2026-03-05") }))).toBe("X-HEAR-07");
    p = ok(await perform(t.db, officer, c.id, "record_hearing_minutes", { minutes: "The applicant explained the situation.", attended: true }, p.version, { now: at("2026-03-06", "11:00:00") }));
    expect(ok(await performApproved(t.db, officer, supervisor, c.id, "refuse", REFUSAL, p.version, { now: at("2026-03-06", "12:00:00") })).status).toBe("refused");
  });

  it("X-HEAR-04: a hearing is asked for once and within the response term", async () => {
    const c = await underReview();
    let p = ok(await perform(t.db, officer, c.id, "preliminary_refuse", { grounds: "address_not_confirmed", explanation: "The host says you do not live at the address." }, c.version, { now: at("2026-03-03") }));
    expect(ruleOf(await perform(t.db, applicant, c.id, "request_hearing", { mode: "online" }, p.version, { now: at("2026-03-12") }))).toBe("X-HEAR-04");
    p = ok(await perform(t.db, applicant, c.id, "request_hearing", { mode: "online" }, p.version, { now: at("2026-03-04") }));
    expect(ruleOf(await perform(t.db, applicant, c.id, "request_hearing", { mode: "in_person" }, p.version, { now: at("2026-03-04") }))).toBe("X-HEAR-04");
  });

  it("X-HEAR-06: the applicant may move a scheduled hearing once; a second request is refused", async () => {
    const c = await underReview();
    let p = ok(await perform(t.db, officer, c.id, "preliminary_refuse", { grounds: "address_not_confirmed", explanation: "The host says you do not live at the address." }, c.version, { now: at("2026-03-03") }));
    p = ok(await perform(t.db, applicant, c.id, "request_hearing", { mode: "online" }, p.version, { now: at("2026-03-03") }));
    p = ok(await perform(t.db, officer, c.id, "schedule_hearing", { date: "2026-03-05", time: "15:00", place: "https://meet.example.kz/room-12" }, p.version, { now: at("2026-03-03") }));
    p = ok(await perform(t.db, applicant, c.id, "reschedule_hearing", { reason: "I have a medical appointment that day." }, p.version, { now: at("2026-03-04") }));
    const moved = conversationOf(p.data).preliminary!;
    expect(moved).toMatchObject({ reschedules: 1, hearingRequest: { holdBy: "2026-03-06" } });
    expect(moved.hearing).toBeUndefined();
    p = ok(await perform(t.db, officer, c.id, "schedule_hearing", { date: "2026-03-06", time: "15:00", place: "https://meet.example.kz/room-12" }, p.version, { now: at("2026-03-04") }));
    expect(ruleOf(await perform(t.db, applicant, c.id, "reschedule_hearing", { reason: "Another appointment came up." }, p.version, { now: at("2026-03-05") }))).toBe("X-HEAR-06");
  });

  it("X-HEAR-03: a withdrawn preliminary refusal returns the case to review with the clock restarted", async () => {
    const c = await underReview();
    const p = ok(await perform(t.db, officer, c.id, "preliminary_refuse", { grounds: "address_not_confirmed", explanation: "The host says you do not live at the address." }, c.version, { now: at("2026-03-03") }));
    expect(p.dueOn).toBeNull();
    const back = ok(await perform(t.db, officer, c.id, "withdraw_preliminary_refusal", { reason: "The host confirmed the address after all." }, p.version, { now: at("2026-03-05") }));
    expect(back.status).toBe("under_review");
    expect(back.dueOn).toBe("2026-03-06");
    expect(conversationOf(back.data).preliminary).toBeUndefined();
  });

  it("notifications are written in the transition's transaction: a failed transition writes none", async () => {
    const c = await underReview();
    const before = (await notificationsOf(c.id)).length;
    const failed = await perform(t.db, officer, c.id, "preliminary_refuse", { grounds: "not_a_reason", explanation: "short" }, c.version, { now: at("2026-03-03") });
    expect(failed.ok).toBe(false);
    // An answer with a bad file is undone after the officer's notice was written: it must not remain.
    const asked = ok(await perform(t.db, officer, c.id, "request_information", { items: "A copy of the rental contract, please." }, c.version, { now: at("2026-03-03") }));
    const afterRequest = await notificationsOf(c.id);
    expect(afterRequest.length).toBe(before + 1);
    expect(afterRequest.at(-1)).toMatchObject({ userId: applicant.userId, template: "hearing.notifications.informationRequested", params: { dueOn: "2026-03-18" } });
    await t.db.update(cases).set({ assigneeId: officer.userId }).where(eq(cases.id, c.id));
    const bad = await perform(t.db, applicant, c.id, "answer_information", { answer: "Attached.", files: [{ fileName: "a.pdf", bytes: new Uint8Array() }] }, asked.version, { now: at("2026-03-04") });
    expect(ruleOf(bad)).toBe("X-ATTACHMENT");
    expect((await notificationsOf(c.id)).length).toBe(before + 1);
  });
});
