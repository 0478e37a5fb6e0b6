import { eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { people, referenceCounters, refugeeFamilies, refugeeStatuses, refugeeStatusTerms, users as usersTable, type users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createCase } from "@/lib/engine/create";
import { RF_SERVICE } from "@/lib/services/ids";
import { runMonthlyListSweep, runReminderSweep } from "@/lib/services/refugee-renewal/jobs";
import type { RfApplicationInput } from "@/lib/services/refugee-renewal/schema";
import { random } from "./demo-cases";
import { DEMO_PASSWORD, viewerOf } from "./users";
import { formatCaseReference } from "@/lib/rules/case-reference";
import { addCalendarDays, addMonthsClamped, todayInKazakhstan } from "@/lib/rules/dates";
import { personNameKey } from "@/lib/engine/duplicates";

export interface RefugeeMemberSeed {
  surname: string;
  givenNames: string;
  birthDate: string;
  sex: "F" | "M";
  relation: "principal" | "spouse" | "child" | "parent" | "other";
}

export interface RefugeeFamilySeed {
  ownerId?: string | null;
  region: string;
  countryOfOrigin: string;
  grantedOn: string;
  /** The current term; an older grant has been extended up to it. */
  startsOn: string;
  endsOn: string;
  members: RefugeeMemberSeed[];
}

async function nextCertificateNumber(db: DbOrTx, year: number): Promise<string> {
  const [row] = await db
    .insert(referenceCounters)
    .values({ prefix: "RFC", year, last: 1 })
    .onConflictDoUpdate({ target: [referenceCounters.prefix, referenceCounters.year], set: { last: sql`${referenceCounters.last} + 1` } })
    .returning({ last: referenceCounters.last });
  return formatCaseReference("RFC", year, row!.last);
}

/** A refugee family with one status per member (RF-16), as the register held it before this system. */
export async function createRefugeeFamily(db: DbOrTx, f: RefugeeFamilySeed) {
  const [family] = await db.insert(refugeeFamilies).values({ region: f.region, ownerId: f.ownerId ?? null }).returning();
  const statuses: (typeof refugeeStatuses.$inferSelect)[] = [];
  for (const m of f.members) {
    const [person] = await db
      .insert(people)
      .values({ surname: m.surname, givenNames: m.givenNames, birthDate: m.birthDate, sex: m.sex, citizenship: f.countryOfOrigin, nameKey: personNameKey(m) })
      .returning({ id: people.id });
    const [status] = await db
      .insert(refugeeStatuses)
      .values({
        familyId: family!.id,
        personId: person!.id,
        relation: m.relation,
        certificateNumber: await nextCertificateNumber(db, Number(f.startsOn.slice(0, 4))),
        countryOfOrigin: f.countryOfOrigin,
        region: f.region,
        grantedOn: f.grantedOn,
        startsOn: f.startsOn,
        endsOn: f.endsOn,
      })
      .returning();
    await db.insert(refugeeStatusTerms).values({ statusId: status!.id, kind: f.grantedOn === f.startsOn ? "grant" : "extension", startsOn: f.startsOn, endsOn: f.endsOn, decidedOn: f.startsOn });
    statuses.push(status!);
  }
  return { family: family!, statuses, principal: statuses.find((s) => s.relation === "principal") ?? statuses[0]! };
}

// ---------------------------------------------------------------- demo data (domain §6.2)

/** Refugees by origin on 1 Jan 2010: almost all from Afghanistan; a few from Ethiopia, Somalia, Nigeria. */
const ORIGINS = [
  ["AFG", 618],
  ["ETH", 2],
  ["SOM", 1],
  ["NGA", 1],
] as const;
/** Where they lived in 2010: Almaty city 84.6%, South Kazakhstan (today Turkestan region and Shymkent) 15.3%. */
const REFUGEE_REGIONS = [
  ["KZ-ALA", 85],
  ["KZ-TUR", 8],
  ["KZ-SHY", 7],
] as const;
/** Family sizes averaging about 2.6 persons (622 refugees = 243 families). */
const FAMILY_SIZES = [
  [1, 28],
  [2, 20],
  [3, 22],
  [4, 20],
  [5, 10],
] as const;

const SURNAMES: Record<string, string[]> = {
  AFG: ["AHMADI", "HAIDARI", "NOORI", "SAIDI", "KARIMI", "MOHAMMADI", "HUSSAINI", "SHARIFI", "AZIMI", "WARDAK", "STANIKZAI", "POPAL"],
  ETH: ["TESFAYE", "GEBRE"],
  SOM: ["WARSAME", "FARAH"],
  NGA: ["OKAFOR", "ADEYEMI"],
};
const MALE = ["AHMAD", "MOHAMMAD", "ALI", "HAMID", "FARID", "JAVED", "OMID", "SAMIR", "YUSUF", "DAWIT", "ABDI", "CHINEDU"];
const FEMALE = ["MARYAM", "FATIMA", "ZAHRA", "SHABNAM", "NILOFAR", "SORAYA", "LAILA", "HAWA", "AMINA", "MERON", "NGOZI"];

type DemoRng = { int: (min: number, max: number) => number; pick: <T>(items: readonly T[]) => T; weighted: <T>(items: readonly (readonly [T, number])[]) => T };

function birthDate(rng: DemoRng, minAge: number, maxAge: number, today: string): string {
  const year = Number(today.slice(0, 4)) - rng.int(minAge, maxAge);
  return `${year}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}

function demoMembers(rng: DemoRng, surname: string, size: number, today: string, principal?: { givenNames: string; sex: "F" | "M"; birthDate: string }): RefugeeMemberSeed[] {
  const head = principal ?? { givenNames: rng.pick(MALE), sex: "M" as const, birthDate: birthDate(rng, 28, 60, today) };
  const members: RefugeeMemberSeed[] = [{ surname, ...head, relation: "principal" }];
  if (size >= 2) members.push({ surname, givenNames: rng.pick(head.sex === "M" ? FEMALE : MALE), sex: head.sex === "M" ? "F" : "M", birthDate: birthDate(rng, 25, 55, today), relation: "spouse" });
  for (let i = members.length; i < size; i++) {
    const sex = rng.pick(["F", "M"] as const);
    members.push({ surname, givenNames: rng.pick(sex === "M" ? MALE : FEMALE), sex, birthDate: birthDate(rng, 1, 17, today), relation: "child" });
  }
  return members;
}

/** A term ending on `endsOn` under the seeded convention: it started the day after the previous one-year term ended. */
function termEndingOn(endsOn: string): { startsOn: string } {
  return { startsOn: addCalendarDays(addMonthsClamped(endsOn, -12), 1) };
}

/**
 * Refugee families whose statuses end across the coming months, and the demo refugee's own family
 * (refugee@demo.kz), whose status ends in 40 days so the filing window and reminders show.
 */
export async function seedRefugeeFamilies(db: DbOrTx, rng: DemoRng, opts: { today: string; families: number; demoOwnerId: string | null }) {
  const own = opts.demoOwnerId
    ? await createRefugeeFamily(db, {
        ownerId: opts.demoOwnerId,
        region: "KZ-ALA",
        countryOfOrigin: "AFG",
        grantedOn: addCalendarDays(opts.today, 40 - 3 * 365),
        ...termEndingOn(addCalendarDays(opts.today, 40)),
        endsOn: addCalendarDays(opts.today, 40),
        members: [
          { surname: "RAHIMI", givenNames: "AHMAD", sex: "M", birthDate: "1984-06-12", relation: "principal" },
          { surname: "RAHIMI", givenNames: "MARYAM", sex: "F", birthDate: "1989-02-03", relation: "spouse" },
          { surname: "RAHIMI", givenNames: "OMID", sex: "M", birthDate: "2014-09-21", relation: "child" },
        ],
      })
    : null;
  const others = [];
  for (let i = 0; i < opts.families; i++) {
    const origin = rng.weighted(ORIGINS);
    const endsOn = addCalendarDays(opts.today, rng.int(5, 240));
    others.push(
      await createRefugeeFamily(db, {
        region: rng.weighted(REFUGEE_REGIONS),
        countryOfOrigin: origin,
        grantedOn: addCalendarDays(endsOn, -365 * rng.int(1, 8)),
        ...termEndingOn(endsOn),
        endsOn,
        members: demoMembers(rng, rng.pick(SURNAMES[origin]!), rng.weighted(FAMILY_SIZES), opts.today),
      }),
    );
  }
  return { own, others };
}

/**
 * The refugee part of the demo: families, a few renewals the Almaty officer filed at the counter for
 * refugees without an online account, then the daily reminder run and last month's list.
 */
export async function seedRefugeeDemo(db: Db, accounts: Map<string, typeof users.$inferSelect>, opts: { families: number; seed: number; now?: Date }) {
  const now = opts.now ?? new Date();
  const today = todayInKazakhstan(now);
  const rng = random(opts.seed);
  const { others } = await seedRefugeeFamilies(db, rng, { today, families: opts.families, demoOwnerId: accounts.get("refugee@demo.kz")?.id ?? null });
  // A second refugee whose status ends in 20 days: a late filing, and the refusal and complaint path.
  const second = await ensureDemoRefugee(db, SECOND_REFUGEE);
  await createRefugeeFamily(db, {
    ownerId: second.id,
    region: "KZ-ALA",
    countryOfOrigin: "AFG",
    grantedOn: addCalendarDays(today, 20 - 2 * 365),
    ...termEndingOn(addCalendarDays(today, 20)),
    endsOn: addCalendarDays(today, 20),
    members: [
      { surname: "SAIDI", givenNames: "FARID", sex: "M", birthDate: "1979-11-30", relation: "principal" },
      { surname: "SAIDI", givenNames: "LAILA", sex: "F", birthDate: "2008-04-17", relation: "child" },
    ],
  });
  // A third refugee, with a status ending in 40 days, who applies with the keyboard alone in the browser tests.
  const third = await ensureDemoRefugee(db, THIRD_REFUGEE);
  await createRefugeeFamily(db, {
    ownerId: third.id,
    region: "KZ-ALA",
    countryOfOrigin: "SYR",
    grantedOn: addCalendarDays(today, 40 - 365),
    ...termEndingOn(addCalendarDays(today, 40)),
    endsOn: addCalendarDays(today, 40),
    members: [{ surname: "HADDAD", givenNames: "SAMIR", sex: "M", birthDate: "1990-01-15", relation: "principal" }],
  });
  const officer = accounts.get("officer.almaty@demo.kz");
  let filed = 0;
  if (officer) {
    const viewer = viewerOf(officer);
    const due = others.filter((f) => f.family.region === "KZ-ALA" && f.principal.endsOn <= addCalendarDays(today, 40)).slice(0, 3);
    for (const f of due) {
      const r = await createCase(db, viewer, RF_SERVICE, counterApplication(f.principal), { channel: "front_office", submit: true, now });
      if (r.ok) filed++;
    }
  }
  const reminders = await runReminderSweep(db, now);
  const list = await runMonthlyListSweep(db, now);
  return { accounts: [SECOND_REFUGEE.email, THIRD_REFUGEE.email], families: others.length + 3, filed, reminded: reminders.reminded, listProduced: list.produced };
}

/** Not in the shared account list: only the refugee demo needs it. Same demo password as every account. */
export const SECOND_REFUGEE = { email: "refugee2@demo.kz", displayName: "Farid Saidi" };
export const THIRD_REFUGEE = { email: "refugee3@demo.kz", displayName: "Samir Haddad" };

async function ensureDemoRefugee(db: Db, account: { email: string; displayName: string }) {
  await db
    .insert(usersTable)
    .values({ ...account, role: "applicant", locale: "ru", passwordHash: await hashPassword(DEMO_PASSWORD) })
    .onConflictDoNothing({ target: usersTable.email });
  const [row] = await db.select().from(usersTable).where(eq(usersTable.email, account.email));
  return row!;
}

function counterApplication(status: typeof refugeeStatuses.$inferSelect): RfApplicationInput {
  return {
    status: { id: status.id, certificateNumber: status.certificateNumber, endsOn: status.endsOn, holderName: "—", countryOfOrigin: status.countryOfOrigin },
    identity: { type: "refugee_certificate", number: status.certificateNumber },
    address: { region: status.region, city: "Almaty", street: "Tole bi street", building: String(10 + (status.certificateNumber.length % 80)), phone: "+7 727 250 00 00" },
    familyChanges: [],
    statement: "Filed at the counter: the refugee asks to extend the status; circumstances unchanged according to the refugee.",
  };
}
