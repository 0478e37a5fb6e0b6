import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { people, referenceCounters, refugeeFamilies, refugeeStatuses, refugeeStatusTerms } from "@/db/schema";
import { formatCaseReference } from "@/lib/rules/case-reference";

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
      .values({ surname: m.surname, givenNames: m.givenNames, birthDate: m.birthDate, sex: m.sex, citizenship: f.countryOfOrigin })
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
