import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { Viewer } from "@/lib/engine/types";
import { HP_SERVICE, KC_SERVICE, KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services/ids";

/** The one password of every demo account; the demo prints it. Never used outside the demo and tests. */
export const DEMO_PASSWORD = "Demo-Password-2026!";

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  regions: string[];
  services: string[];
  locale: string;
  iin?: string;
  /** A mobile number for SMS reminders (E.164), so the demo outbox shows text messages too. */
  phone?: string;
}

/** The migration police's services; kandas status is decided by akimats (KD-03), so its staff are separate. */
const MIA_SERVICES = [TR_SERVICE, HP_SERVICE, RF_SERVICE, KC_SERVICE];
const AKIMAT_SERVICES = [KD_SERVICE];
/** Regions where the demo akimat staff decide kandas applications. */
export const AKIMAT_REGIONS = ["KZ-MAN", "KZ-TUR", "KZ-KAR", "KZ-ALM", "KZ-VOS", "KZ-AKT"];

/** Regions with a demo officer each, so every demo case has someone who may decide it. */
export const OFFICE_REGIONS: Record<string, string> = {
  "KZ-ALA": "almaty",
  "KZ-AST": "astana",
  "KZ-SHY": "shymkent",
  "KZ-ALM": "almaty-region",
  "KZ-TUR": "turkestan",
  "KZ-KAR": "karaganda",
  "KZ-MAN": "mangystau",
  "KZ-ZHA": "zhambyl",
  "KZ-AKT": "aktobe",
  "KZ-VOS": "east-kazakhstan",
};

export const DEMO_USERS: DemoUser[] = [
  { email: "applicant@demo.kz", displayName: "Aziz Karimov", role: "applicant", regions: [], services: [], locale: "ru", phone: "+77011234567" },
  { email: "applicant2@demo.kz", displayName: "Olga Petrova", role: "applicant", regions: [], services: [], locale: "en" },
  { email: "clerk.almaty@demo.kz", displayName: "Aigerim Nurlanova", role: "clerk", regions: ["KZ-ALA"], services: MIA_SERVICES, locale: "kk" },
  { email: "officer.almaty@demo.kz", displayName: "Daulet Serikbayev", role: "officer", regions: ["KZ-ALA"], services: MIA_SERVICES, locale: "kk" },
  { email: "officer.astana@demo.kz", displayName: "Marat Zhaksybekov", role: "officer", regions: ["KZ-AST"], services: MIA_SERVICES, locale: "ru" },
  { email: "supervisor.almaty@demo.kz", displayName: "Gulnara Abenova", role: "supervisor", regions: ["KZ-ALA", "KZ-ALM"], services: MIA_SERVICES, locale: "kk" },
  { email: "supervisor2.almaty@demo.kz", displayName: "Yerlan Mukanov", role: "supervisor", regions: ["KZ-ALA", "KZ-ALM"], services: MIA_SERVICES, locale: "ru" },
  { email: "employer@demo.kz", displayName: "Bolat Tulegenov", role: "applicant", regions: [], services: [], locale: "kk", iin: "750314300121" },
  { email: "refugee@demo.kz", displayName: "Ahmad Rahimi", role: "applicant", regions: [], services: [], locale: "ru" },
  { email: "kandas@demo.kz", displayName: "Erlan Abdimanapov", role: "applicant", regions: [], services: [], locale: "kk" },
  { email: "akimat.officer@demo.kz", displayName: "Ainur Bekova", role: "officer", regions: AKIMAT_REGIONS, services: AKIMAT_SERVICES, locale: "kk" },
  { email: "akimat.supervisor@demo.kz", displayName: "Serik Dosmukhamedov", role: "supervisor", regions: AKIMAT_REGIONS, services: AKIMAT_SERVICES, locale: "kk" },
  { email: "reviewer@demo.kz", displayName: "Saule Omarova", role: "reviewer", regions: [], services: [RF_SERVICE, KD_SERVICE], locale: "ru" },
  { email: "quota.planner@demo.kz", displayName: "Nurlan Abdrakhmanov", role: "quota_planner", regions: [], services: [], locale: "ru" },
  { email: "admin@demo.kz", displayName: "System Administrator", role: "admin", regions: [], services: [], locale: "en" },
  { email: "auditor@demo.kz", displayName: "Prosecutor's Office Auditor", role: "auditor", regions: [], services: [], locale: "ru" },
  ...Object.entries(OFFICE_REGIONS)
    .filter(([code]) => code !== "KZ-ALA" && code !== "KZ-AST")
    .map(([code, slug]) => ({
      email: `officer.${slug}@demo.kz`,
      displayName: `Officer ${slug}`,
      role: "officer" as const,
      regions: [code],
      services: MIA_SERVICES,
      locale: "kk",
    })),
  ...Object.entries(OFFICE_REGIONS)
    .filter(([code]) => code !== "KZ-ALA" && code !== "KZ-ALM")
    .map(([code, slug]) => ({
      email: `supervisor.${slug}@demo.kz`,
      displayName: `Supervisor ${slug}`,
      role: "supervisor" as const,
      regions: [code],
      services: MIA_SERVICES,
      locale: "ru",
    })),
];

/** Each office region's head of unit: the second pair of eyes on its refusals and revocations (four-eyes). */
export function supervisorEmail(region: string): string {
  if (region === "KZ-ALA" || region === "KZ-ALM") return "supervisor.almaty@demo.kz";
  return `supervisor.${OFFICE_REGIONS[region]}@demo.kz`;
}

export function viewerOf(row: typeof users.$inferSelect): Viewer {
  return { kind: "user", userId: row.id, role: row.role, regions: row.regions, services: row.services, displayName: row.displayName, locale: row.locale };
}

/** Creates the demo accounts that do not exist yet; returns all of them by email. */
export async function seedUsers(db: Db): Promise<Map<string, typeof users.$inferSelect>> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const out = new Map<string, typeof users.$inferSelect>();
  for (const u of DEMO_USERS) {
    await db.insert(users).values({ ...u, passwordHash }).onConflictDoNothing({ target: users.email });
    const [row] = await db.select().from(users).where(eq(users.email, u.email));
    out.set(u.email, row!);
  }
  return out;
}
