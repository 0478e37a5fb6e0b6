import { and, asc, between, eq, gte, inArray, lte, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cases, jobRuns, people, refugeeFamilies, refugeeMonthlyLists, refugeeStatuses, users } from "@/db/schema";
import { notify } from "@/lib/engine/effects";
import { perform } from "@/lib/engine/perform";
import { SYSTEM_VIEWER } from "@/lib/engine/types";
import { registerJobHandler, registerSweep } from "@/lib/jobs/registry";
import { addCalendarDays, addMonthsClamped, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters } from "@/lib/rules/load";
import { renderRefugeeList, refugeeListCsv, type RefugeeListRow } from "./documents";
import { rf05DueReminder } from "./rules";

/** Claims a periodic job's run for a day; false when it already ran (two servers, a restart). */
async function claimRun(db: Db, job: string, runDate: string): Promise<boolean> {
  return (await db.insert(jobRuns).values({ job, runDate }).onConflictDoNothing().returning()).length > 0;
}

/**
 * RF-05: reminds each principal refugee with an online account before the status ends, at the
 * configured offsets. The outbox dedupe key (status, term end, offset) keeps a reminder single
 * even if the sweep runs twice; the filing window opens with the first one.
 */
export async function runReminderSweep(db: Db, now = new Date()): Promise<{ date: string; reminded: number; skipped: boolean }> {
  const today = todayInKazakhstan(now);
  if (!(await claimRun(db, "rf_reminders", today))) return { date: today, reminded: 0, skipped: true };
  const params = await loadParameters(db);
  const horizon = addCalendarDays(today, Math.max(...params.get<number[]>("rf_reminder_offsets_days", today)));
  const candidates = await db
    .select({ status: refugeeStatuses, userId: users.id, locale: users.locale })
    .from(refugeeStatuses)
    .innerJoin(refugeeFamilies, eq(refugeeFamilies.id, refugeeStatuses.familyId))
    .innerJoin(users, eq(users.id, refugeeFamilies.ownerId))
    .where(and(eq(refugeeStatuses.state, "active"), eq(refugeeStatuses.relation, "principal"), between(refugeeStatuses.endsOn, today, horizon)));
  let reminded = 0;
  for (const { status, userId, locale } of candidates) {
    const due = rf05DueReminder(status.endsOn, today, status.remindersSent, params);
    if (!due) continue;
    await db.transaction(async (tx) => {
      await notify(tx, {
        userId,
        template: "rf.notifications.reminder",
        params: { certificateNumber: status.certificateNumber, endsOn: status.endsOn, lateFrom: addCalendarDays(status.endsOn, -params.number("rf_late_filing_days", today)) },
        locale,
        dedupeKey: `rf-reminder:${status.id}:${status.endsOn}:${due.offset}`,
        at: now,
      });
      await tx
        .update(refugeeStatuses)
        .set({ remindersSent: [...new Set([...status.remindersSent, ...due.covers])] })
        .where(eq(refugeeStatuses.id, status.id));
    });
    reminded++;
  }
  await db.update(jobRuns).set({ result: { reminded } }).where(and(eq(jobRuns.job, "rf_reminders"), eq(jobRuns.runDate, today)));
  return { date: today, reminded, skipped: false };
}

/** The month before the one `today` falls in: [first day, last day]. */
export function previousMonth(today: string): { start: string; end: string } {
  const thisMonth = `${today.slice(0, 7)}-01`;
  return { start: addMonthsClamped(thisMonth, -1), end: addCalendarDays(thisMonth, -1) };
}

/** Everyone who held refugee status at any time in the period (asylum seekers join when that service exists). */
export async function refugeeListRows(db: Db, start: string, end: string): Promise<RefugeeListRow[]> {
  const rows = await db
    .select({ status: refugeeStatuses, person: people })
    .from(refugeeStatuses)
    .innerJoin(people, eq(people.id, refugeeStatuses.personId))
    .where(and(lte(refugeeStatuses.startsOn, end), or(gte(refugeeStatuses.endsOn, start), inArray(refugeeStatuses.state, ["active", "extension_pending"]))))
    .orderBy(asc(refugeeStatuses.region), asc(refugeeStatuses.familyId), asc(people.surname));
  return rows.map(({ status, person }) => ({
    category: "refugee",
    certificateNumber: status.certificateNumber,
    surname: person.surname,
    givenNames: person.givenNames,
    birthDate: person.birthDate,
    sex: person.sex,
    countryOfOrigin: status.countryOfOrigin,
    region: status.region,
    familyId: status.familyId,
    relation: status.relation,
    state: status.state,
    endsOn: status.endsOn,
  }));
}

/**
 * RF-11: on the first day of each month (or the first run after it) the previous month's list is
 * produced once — the period's unique key makes a second run a no-op.
 */
export async function runMonthlyListSweep(db: Db, now = new Date()): Promise<{ periodStart: string; produced: boolean }> {
  const today = todayInKazakhstan(now);
  const { start, end } = previousMonth(today);
  const [existing] = await db.select({ id: refugeeMonthlyLists.id }).from(refugeeMonthlyLists).where(eq(refugeeMonthlyLists.periodStart, start));
  if (existing) return { periodStart: start, produced: false };
  const rows = await refugeeListRows(db, start, end);
  const pdf = await renderRefugeeList(rows, { start, end, producedAt: now });
  const inserted = await db
    .insert(refugeeMonthlyLists)
    .values({ periodStart: start, periodEnd: end, producedAt: now, rowCount: rows.length, csv: refugeeListCsv(rows), pdf })
    .onConflictDoNothing()
    .returning({ id: refugeeMonthlyLists.id });
  return { periodStart: start, produced: inserted.length > 0 };
}

/** RF-09: a refusal nobody complained about in time becomes final, and the status ends (RF-10). */
registerJobHandler("rf_refusal_final", async (db, job, now) => {
  if (!job.caseId) return;
  const [c] = await db.select({ version: cases.version }).from(cases).where(and(eq(cases.id, job.caseId), eq(cases.status, "refused")));
  if (!c) return;
  const r = await perform(db, SYSTEM_VIEWER, job.caseId, "finalise_refusal", {}, c.version, { now });
  if (r.ok) await perform(db, SYSTEM_VIEWER, job.caseId, "end_status", {}, r.case.version, { now });
});

registerJobHandler("rf_end_status", async (db, job, now) => {
  if (!job.caseId) return;
  const [c] = await db.select({ version: cases.version }).from(cases).where(and(eq(cases.id, job.caseId), eq(cases.status, "refusal_final")));
  if (c) await perform(db, SYSTEM_VIEWER, job.caseId, "end_status", {}, c.version, { now });
});

registerSweep("rf_reminders", runReminderSweep);
registerSweep("rf_monthly_list", runMonthlyListSweep);
