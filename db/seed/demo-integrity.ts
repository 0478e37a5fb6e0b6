import { inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { people, type users } from "@/db/schema";
import { requestBreakGlass } from "@/lib/engine/break-glass";
import { createCase } from "@/lib/engine/create";
import { personNameKey } from "@/lib/engine/duplicates";
import type { CaseSnapshot, Viewer } from "@/lib/engine/types";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";
import { TR_SERVICE } from "@/lib/services";
import type { TrApplicationInput } from "@/lib/services/temporary-registration/schema";
import { viewerOf } from "./users";

const BACKFILL_BATCH = 1000;

/**
 * Fills the name key of people recorded before the column existed (or by a bulk load that skipped
 * it), a thousand rows per statement so a large register is done in minutes, not hours.
 */
export async function backfillNameKeys(db: Db): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows = await db.select({ id: people.id, surname: people.surname, givenNames: people.givenNames }).from(people).where(isNull(people.nameKey)).limit(BACKFILL_BATCH);
    if (!rows.length) return filled;
    const keyOf = sql.join(
      rows.map((p) => sql`when ${p.id}::uuid then ${personNameKey(p)}`),
      sql` `,
    );
    await db
      .update(people)
      .set({ nameKey: sql`case ${people.id} ${keyOf} end` })
      .where(inArray(people.id, rows.map((p) => p.id)));
    filled += rows.length;
  }
}

interface Filing {
  surname: string;
  givenNames: string;
  surnameCyrillic?: string;
  givenNamesCyrillic?: string;
  birthDate: string;
  sex: "F" | "M";
  citizenship: string;
  passportNumber: string;
  region: string;
  city: string;
}

function application(f: Filing, filedOn: string): TrApplicationInput {
  const entryDate = addCalendarDays(filedOn, -2);
  return {
    person: { surname: f.surname, givenNames: f.givenNames, surnameCyrillic: f.surnameCyrillic, givenNamesCyrillic: f.givenNamesCyrillic, birthDate: f.birthDate, sex: f.sex, citizenship: f.citizenship },
    passport: { passportType: "national", passportNumber: f.passportNumber, passportExpiresOn: addCalendarDays(filedOn, 1500) },
    stay: { entryDate, purpose: "private_visit", requestedEndDate: addCalendarDays(entryDate, 30), eaeuWorker: false },
    address: { region: f.region, city: f.city, street: "Abay avenue", building: "21", flat: "14" },
    host: { kind: "individual", identifier: "850412300016", name: "Serik Akhmetov", phone: "+7 701 555 12 34" },
  };
}

const ALMATY = { region: "KZ-ALA", city: "Almaty" };
const ASTANA = { region: "KZ-AST", city: "Astana" };

/**
 * Pairs of filings of one person under two spellings (Latin transliterations, the Cyrillic form, the
 * same passport), so the queue has potential duplicates to resolve; the first of each pair is filed
 * online by an applicant, the second a day later at the Almaty front office.
 */
const PAIRS: [Filing, Filing][] = [
  [
    { surname: "KHASANOV", givenNames: "RUSTAM", birthDate: "1988-03-12", sex: "M", citizenship: "UZB", passportNumber: "FA7140021", ...ALMATY },
    { surname: "HASANOV", givenNames: "RUSTAM", surnameCyrillic: "Хасанов", givenNamesCyrillic: "Рустам", birthDate: "1988-03-12", sex: "M", citizenship: "UZB", passportNumber: "FA9902113", ...ALMATY },
  ],
  [
    { surname: "KOVALENKO", givenNames: "IULIIA", birthDate: "1993-09-27", sex: "F", citizenship: "UKR", passportNumber: "FU3310448", ...ALMATY },
    { surname: "KOVALENKO", givenNames: "YULIYA", surnameCyrillic: "Коваленко", givenNamesCyrillic: "Юлия", birthDate: "1993-09-27", sex: "F", citizenship: "UKR", passportNumber: "FU3310449", ...ALMATY },
  ],
  [
    { surname: "AKHMEDOV", givenNames: "SHERZOD", birthDate: "1979-12-01", sex: "M", citizenship: "UZB", passportNumber: "AA5550001", ...ALMATY },
    { surname: "AHMEDOV", givenNames: "SHERZOD", surnameCyrillic: "Ахмедов", givenNamesCyrillic: "Шерзод", birthDate: "1979-12-01", sex: "M", citizenship: "UZB", passportNumber: "AA5550001", ...ALMATY },
  ],
  // The earlier filing is in Astana: an Almaty officer learns that a match exists there, without its personal data.
  [
    { surname: "TOKTOGULOV", givenNames: "NURLAN", birthDate: "1990-06-05", sex: "M", citizenship: "KGZ", passportNumber: "AC1234987", ...ASTANA },
    { surname: "TOKTOGULOV", givenNames: "NURLAN", surnameCyrillic: "Токтогулов", givenNamesCyrillic: "Нурлан", birthDate: "1990-06-05", sex: "M", citizenship: "KGZ", passportNumber: "AC1234988", ...ALMATY },
  ],
];

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+05:00`);

/** Potential duplicates for the queue and a break-glass grant for the Almaty supervisor to review. */
export async function seedDemoIntegrity(db: Db, accounts: Map<string, typeof users.$inferSelect>, now = new Date()): Promise<{ duplicates: number; grants: number }> {
  const account = (email: string): Viewer => viewerOf(accounts.get(email)!);
  const applicant = account("applicant2@demo.kz");
  const clerk = account("clerk.almaty@demo.kz");
  const today = todayInKazakhstan(now);
  const yesterday = addCalendarDays(today, -1);
  const file = async (viewer: Viewer, f: Filing, day: string, hour: number, channel: "online" | "front_office"): Promise<CaseSnapshot> => {
    const r = await createCase(db, viewer, TR_SERVICE, application(f, day), { channel, submit: true, now: at(day, hour) });
    if (!r.ok) throw new Error(`Demo seed: duplicate filing failed: ${JSON.stringify(r)}`);
    return r.case;
  };

  const firsts: CaseSnapshot[] = [];
  let duplicates = 0;
  for (const [i, [first, second]] of PAIRS.entries()) {
    firsts.push(await file(applicant, first, yesterday, 9 + i, "online"));
    const c = await file(clerk, second, today, 9, "front_office");
    if (c.flags.includes("potential_duplicate")) duplicates += 1;
  }

  // An Astana officer opened an Almaty registration half an hour ago.
  const opened = await requestBreakGlass(
    db,
    account("officer.astana@demo.kz"),
    { reference: firsts[0]!.reference, reason: "The applicant came to the Astana office and asked to move his registration here; checking the Almaty address first." },
    new Date(now.getTime() - 30 * 60_000),
  );
  return { duplicates, grants: opened.ok && opened.grantId ? 1 : 0 };
}
