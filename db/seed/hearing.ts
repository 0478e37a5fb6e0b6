import type { Db } from "@/db/client";
import { conversationOf } from "@/lib/engine/conversation";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";

export function must(r: PerformResult, what: string): CaseSnapshot {
  if (!r.ok) throw new Error(`Hearing demo: ${what} failed: ${JSON.stringify(r)}`);
  return r.case;
}

const civil = (d: Date) => todayInKazakhstan(d);

/**
 * The right to be heard before a seeded refusal (X-HEAR-03). With someone on the applicant's side
 * (the owner, or the clerk who filed), the applicant asks for a hearing in person, it is held the same
 * day and minuted. A case filed by an officer for an integration has nobody to answer: the refusal
 * then waits for the response term, and `refuseAt` says when it may be taken.
 */
export async function heardBeforeRefusal(
  db: Db,
  officer: Viewer,
  c: CaseSnapshot,
  opts: { grounds?: string; explanation: string; applicantSide: Viewer | null; at: Date },
): Promise<{ case: CaseSnapshot; refuseAt: Date }> {
  const now = { now: opts.at };
  let next = must(await perform(db, officer, c.id, "preliminary_refuse", { grounds: opts.grounds, explanation: opts.explanation }, c.version, now), "preliminary refusal");
  const respondBy = conversationOf(next.data).preliminary!.respondBy;
  if (!opts.applicantSide) return { case: next, refuseAt: new Date(`${addCalendarDays(respondBy, 1)}T10:00:00+05:00`) };
  next = must(await perform(db, opts.applicantSide, c.id, "request_hearing", { mode: "in_person" }, next.version, now), "hearing request");
  next = must(await perform(db, officer, c.id, "schedule_hearing", { date: civil(opts.at), time: "16:00", place: "Migration service office, room 12" }, next.version, now), "hearing date");
  next = must(
    await perform(db, officer, c.id, "record_hearing_minutes", { minutes: "The applicant was heard and explained the circumstances; no new documents were presented.", attended: true }, next.version, now),
    "minutes",
  );
  return { case: next, refuseAt: opts.at };
}
