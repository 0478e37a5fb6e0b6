import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { applicationDrafts, cases, issuedDocuments, users } from "@/db/schema";
import { notify } from "@/lib/engine/effects";
import type { WorkingCalendar } from "@/lib/rules/calendar";
import { addCalendarDays, isValidCivilDate, todayInKazakhstan } from "@/lib/rules/dates";
import { loadParameters, loadReferenceData } from "@/lib/rules/load";
import type { ParameterReader } from "@/lib/rules/parameters";
import { dueReminder, type ReminderOffsets } from "@/lib/rules/reminders";
import { HP_SERVICE, TR_SERVICE } from "@/lib/services/ids";
import { registerSweep } from "./registry";

/**
 * Reminders before deadlines, in the recipient's language, in the app, by email and (when the
 * recipient gave a phone number) by SMS. The sweep may run any number of times a day: each
 * reminder's dedupe key (what, which record, which deadline, which offset) writes it once.
 */

/**
 * TR-02: registration is due within tr_registration_deadline_days of entry (day 0 = the day of
 * entry). From day tr_registration_reminder_day until the deadline an unsent registration is
 * reminded once. Null when no reminder is due today.
 */
export function trRegistrationReminder(entryDate: string, today: string, params: ParameterReader): { deadline: string; days: number } | null {
  if (!isValidCivilDate(entryDate)) return null;
  const days = params.number("tr_registration_deadline_days", entryDate);
  const deadline = addCalendarDays(entryDate, days);
  const remindFrom = addCalendarDays(entryDate, params.number("tr_registration_reminder_day", entryDate));
  return today >= remindFrom && today <= deadline ? { deadline, days } : null;
}

/** The reminder of a deadline with offsets from a parameter (in force on `today`); null when none is due. */
export function offsetReminder(due: unknown, today: string, params: ParameterReader, key: string, calendar: WorkingCalendar): { offset: number } | null {
  if (typeof due !== "string" || !isValidCivilDate(due)) return null;
  return dueReminder(due, today, params.get<ReminderOffsets>(key, today), calendar);
}

interface StayData {
  stay?: { entryDate?: unknown; eaeuWorker?: unknown };
}

function entryOf(data: unknown): string | null {
  const stay = (data as StayData | null)?.stay;
  // TR-05: an EAEU worker has 30 days; the day-4 reminder is not theirs.
  if (!stay || stay.eaeuWorker === true || typeof stay.entryDate !== "string") return null;
  return stay.entryDate;
}

async function send(db: Db, n: Parameters<typeof notify>[1]): Promise<void> {
  await db.transaction((tx) => notify(tx, n));
}

export async function runReminderSweep(db: Db, now = new Date()): Promise<{ tr: number; hpExpiry: number; hpPayment: number }> {
  const today = todayInKazakhstan(now);
  const [params, ref] = await Promise.all([loadParameters(db), loadReferenceData(db)]);
  const sent = { tr: 0, hpExpiry: 0, hpPayment: 0 };

  // TR-02 day 4: drafts not yet sent, and applications returned to the applicant for correction.
  const drafts = await db
    .select({ id: applicationDrafts.id, data: applicationDrafts.data, userId: users.id, locale: users.locale })
    .from(applicationDrafts)
    .innerJoin(users, eq(users.id, applicationDrafts.ownerId))
    .where(eq(applicationDrafts.service, TR_SERVICE));
  for (const d of drafts) {
    const entryDate = entryOf(d.data);
    const due = entryDate ? trRegistrationReminder(entryDate, today, params) : null;
    if (!entryDate || !due) continue;
    await send(db, { userId: d.userId, template: "reminders.trUnsent", params: { deadline: due.deadline, days: due.days, entryDate }, locale: d.locale, dedupeKey: `reminder:tr-draft:${d.id}:${entryDate}`, at: now });
    sent.tr++;
  }
  const returned = await db
    .select({ id: cases.id, reference: cases.reference, data: cases.data, userId: users.id, locale: users.locale })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.ownerId))
    .where(and(eq(cases.service, TR_SERVICE), inArray(cases.status, ["draft", "returned_for_correction"])));
  for (const c of returned) {
    const entryDate = entryOf(c.data);
    const due = entryDate ? trRegistrationReminder(entryDate, today, params) : null;
    if (!entryDate || !due) continue;
    await send(db, {
      userId: c.userId,
      caseId: c.id,
      template: "reminders.trReturned",
      params: { reference: c.reference, deadline: due.deadline, days: due.days, entryDate },
      locale: c.locale,
      dedupeKey: `reminder:tr-case:${c.id}:${entryDate}`,
      at: now,
    });
    sent.tr++;
  }

  // Household permits: the permit's end (HP-17) and the fee's due date (HP-14).
  const permits = await db
    .select({ id: cases.id, reference: cases.reference, status: cases.status, data: cases.data, userId: users.id, locale: users.locale, number: issuedDocuments.number })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.ownerId))
    .leftJoin(issuedDocuments, and(eq(issuedDocuments.caseId, cases.id), isNull(issuedDocuments.revokedAt)))
    .where(and(eq(cases.service, HP_SERVICE), isNotNull(cases.ownerId), inArray(cases.status, ["issued", "active", "approved_awaiting_payment"])));
  for (const p of permits) {
    const data = p.data as { permit?: { validUntil?: unknown }; invoice?: { dueOn?: unknown; amountKzt?: unknown } };
    if (p.status === "approved_awaiting_payment") {
      const dueOn = data.invoice?.dueOn;
      const due = offsetReminder(dueOn, today, params, "hp_payment_reminders", ref.calendar);
      if (!due) continue;
      await send(db, {
        userId: p.userId,
        caseId: p.id,
        template: "reminders.hpPaymentDue",
        params: { reference: p.reference, dueOn: dueOn as string, amount: Number(data.invoice?.amountKzt ?? 0) },
        locale: p.locale,
        dedupeKey: `reminder:hp-payment:${p.id}:${dueOn as string}:${due.offset}`,
        at: now,
      });
      sent.hpPayment++;
    } else {
      const endsOn = data.permit?.validUntil;
      const due = offsetReminder(endsOn, today, params, "hp_permit_expiry_reminders", ref.calendar);
      if (!due) continue;
      await send(db, {
        userId: p.userId,
        caseId: p.id,
        template: "reminders.hpPermitExpiry",
        params: { number: p.number ?? p.reference, endsOn: endsOn as string },
        locale: p.locale,
        // The end date is in the key: an extension moves it and the reminders start again.
        dedupeKey: `reminder:hp-expiry:${p.id}:${endsOn as string}:${due.offset}`,
        at: now,
      });
      sent.hpExpiry++;
    }
  }
  return sent;
}

registerSweep("deadline_reminders", runReminderSweep);
