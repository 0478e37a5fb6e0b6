import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accommodationCentres, kandasNationalQuotas, kandasQuotas, type users } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { todayInKazakhstan } from "@/lib/rules/dates";
import { KD_SERVICE } from "@/lib/services/ids";
import type { KdApplicationInput } from "@/lib/services/kandas-status/schema";
import { KANDAS_CENTRES } from "./data/kandas-centres";
import { random } from "./demo-cases";
import { heardBeforeRefusal } from "./hearing";
import { viewerOf } from "./users";

/**
 * Kandas demo data, driven through the engine: this year's quota split across the akimat regions
 * (East Kazakhstan with one place left), the adaptation centres of §6.3 with their residents, and
 * families at every stage, from the origins of §6.3 (Uzbekistan, China, Mongolia, Turkmenistan,
 * Russia, other).
 */

/** This year's split, in families; East Kazakhstan gets 4 and 3 are taken below, so 1 is left. */
export const DEMO_QUOTA_SPLIT: Record<string, number> = { "KZ-TUR": 400, "KZ-MAN": 300, "KZ-ALM": 200, "KZ-KAR": 150, "KZ-AKT": 60, "KZ-VOS": 4 };
export const NEARLY_FULL_REGION = "KZ-VOS";

// Origins of the families granted the status (domain §6.3): Uzbekistan 61.6%, China 14.2%, Mongolia 9.2%, Turkmenistan 6.8%, Russia 4.6%, other 3.6%.
const ORIGINS = [
  ["UZB", 62],
  ["CHN", 14],
  ["MNG", 9],
  ["TKM", 7],
  ["RUS", 5],
  ["OTHER", 4],
] as const;
const OTHER_ORIGINS = ["TUR", "AFG", "IRN", "KGZ"];
// Families settle near where they come from: Uzbek Kazakhs in the south and west, Chinese and Mongolian Kazakhs in the east.
const REGIONS_BY_ORIGIN: Record<string, string[]> = {
  UZB: ["KZ-TUR", "KZ-MAN", "KZ-ALM"],
  CHN: ["KZ-ALM", "KZ-VOS"],
  MNG: ["KZ-KAR", "KZ-VOS"],
  TKM: ["KZ-MAN"],
  RUS: ["KZ-AKT", "KZ-KAR"],
  OTHER: ["KZ-ALM", "KZ-TUR"],
};
const SURNAMES = ["TOKTAROV", "NURGALIYEV", "ZHUMABAYEV", "SADYKOV", "BEKMURATOV", "KASYMOV", "ORAZBAYEV", "ALIMZHANOV", "SERIKBAYEV", "TLEUBAYEV", "ZHAKUPOV", "MUKHAMEDZHANOV"];
const MALE = ["ERLAN", "NURLAN", "BAURZHAN", "ASKAR", "DAULET", "SERIK", "YERBOL", "KANAT", "ARMAN", "TIMUR"];
const FEMALE = ["AIGUL", "GULNARA", "ZHANAR", "DINARA", "ASEL", "SAULE", "AINUR", "MADINA"];
const EDUCATION = ["secondary", "vocational", "higher", "higher", "postgraduate", "none"] as const;
const SECTORS = ["agriculture", "construction", "education", "health", "engineering", "trade", "services"] as const;

type Rng = ReturnType<typeof random>;
/** Where a demo case is taken to. */
type Stage = "submitted" | "under_review" | "decision_pending" | "status_granted" | "quota_review" | "in_quota" | "benefits_active" | "waitlisted" | "status_refused" | "complaint_review";

const femaleOf = (surname: string) => (surname.endsWith("OV") || surname.endsWith("EV") ? `${surname}A` : surname);

function demoFamily(rng: Rng, origin: string, region: string, members: number): KdApplicationInput {
  const surname = rng.pick(SURNAMES);
  const birthYear = rng.int(1955, 1988);
  const country = origin === "OTHER" ? rng.pick(OTHER_ORIGINS) : origin;
  const doc = () => `${String.fromCharCode(65 + rng.int(0, 25))}${String.fromCharCode(65 + rng.int(0, 25))}${rng.int(1000000, 9999999)}`;
  const family: KdApplicationInput["members"] = [];
  if (members > 0) {
    family.push({ surname: femaleOf(surname), givenNames: rng.pick(FEMALE), birthDate: `${birthYear + rng.int(0, 4)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`, sex: "F", citizenship: country, documentType: "passport_national", documentNumber: doc(), relationship: "spouse" });
  }
  for (let i = 1; i < members; i++) {
    const sex = rng.next() < 0.5 ? "M" : "F";
    family.push({
      surname: sex === "F" ? femaleOf(surname) : surname,
      givenNames: rng.pick(sex === "F" ? FEMALE : MALE),
      birthDate: `${Math.min(birthYear + 22 + i * 2, 2022)}-0${rng.int(1, 9)}-0${rng.int(1, 9)}`,
      sex,
      citizenship: country,
      documentType: "passport_national",
      documentNumber: doc(),
      relationship: "child",
    });
  }
  const education = rng.pick(EDUCATION);
  const years = rng.int(0, 25);
  const qualification = education === "none" ? undefined : rng.pick(["Agronomist", "Teacher", "Nurse", "Welder", "Driver", "Engineer", "Accountant"]);
  const documents: KdApplicationInput["documents"] = ["identity_document", "ethnicity_proof", "residence_abroad_proof"];
  if (members > 0) documents.push("family_documents");
  if (education !== "none" || qualification || years > 0) documents.push("education_proof", "employment_record");
  return {
    principal: { surname, givenNames: rng.pick(MALE), birthDate: `${birthYear}-0${rng.int(1, 9)}-2${rng.int(0, 8)}`, sex: "M", citizenship: country, documentType: "passport_national", documentNumber: doc(), ethnicKazakh: true, birthCountry: country },
    members: family,
    origin: { basis: "resident_abroad_at_cutoff", residenceOnCutoff: country, parentEthnicKazakh: false, familyHistory: "abroad_for_generations", currentCountry: country },
    qualifications: { education, qualification, sector: rng.pick(SECTORS), yearsOfExperience: years },
    resettlement: { region, needsCentrePlace: rng.next() < 0.3, phone: `+7 70${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}` },
    documents,
  };
}

function ok(r: PerformResult, what: string): CaseSnapshot {
  if (!r.ok) throw new Error(`Kandas demo: ${what} failed: ${JSON.stringify(r)}`);
  return r.case;
}

interface Actors {
  officer: Viewer;
  supervisor: Viewer;
  reviewer: Viewer;
  applicant: Viewer;
}

const ORDER: Stage[] = ["submitted", "under_review", "decision_pending", "status_granted", "quota_review", "in_quota", "benefits_active"];

async function takeTo(db: Db, a: Actors, c0: CaseSnapshot, stage: Stage): Promise<CaseSnapshot> {
  let c = c0;
  const step = async (viewer: Viewer, action: string, input: Record<string, unknown> = {}) => (c = ok(await perform(db, viewer, c.id, action, input, c.version), `${action} on ${c.reference}`));
  const refused = stage === "status_refused" || stage === "complaint_review";
  const target = refused ? "decision_pending" : stage === "waitlisted" ? "quota_review" : stage;
  for (const s of ORDER.slice(1, ORDER.indexOf(target) + 1)) {
    if (s === "under_review") await step(a.officer, "start_review");
    if (s === "decision_pending" && refused) {
      // X-HEAR-03: the family is heard before the refusal is proposed; a family filed at the desk has nobody online to answer, so its case waits in the preliminary refusal.
      const heard = await heardBeforeRefusal(db, a.officer, c, { grounds: "resident_in_kazakhstan_at_cutoff", explanation: "Archive records show that your family lived in Kazakhstan on 16 December 1991.", applicantSide: c.ownerId ? a.applicant : null, at: new Date() });
      c = heard.case;
      if (heard.refuseAt > new Date()) return c;
    }
    if (s === "decision_pending") {
      await step(a.officer, "propose_decision", refused ? { outcome: "refuse", reasonCode: "resident_in_kazakhstan_at_cutoff", reason: "Archive records show residence in Kazakhstan in 1991." } : { outcome: "grant", reason: "Residence abroad on 16 December 1991 is documented." });
    }
    if (s === "status_granted") await step(a.supervisor, "approve_decision");
    if (s === "quota_review") await step(a.officer, "start_quota_review");
    if (s === "in_quota") await step(a.officer, "include_in_quota");
    if (s === "benefits_active") {
      await step(a.officer, "activate_benefits");
      await step(a.officer, "grant_benefit", { measure: "one_off_payment", amountKzt: 450_000 });
      await step(a.officer, "grant_benefit", { measure: "adaptation_services" });
    }
  }
  if (refused) await step(a.supervisor, "approve_decision");
  if (stage === "complaint_review") await step(a.applicant, "file_complaint", { reason: "My family lived in Karakalpakstan in 1991; the archive record is of a namesake." });
  if (stage === "waitlisted") await step(a.officer, "place_on_waitlist");
  return c;
}

/** Seeds the kandas demo once (skipped when this year's quota is already there); returns the cases made. */
export async function seedDemoKandas(db: Db, accounts: Map<string, typeof users.$inferSelect>, seed = 1991): Promise<number> {
  const account = (email: string) => viewerOf(accounts.get(email)!);
  const a: Actors = { officer: account("akimat.officer@demo.kz"), supervisor: account("akimat.supervisor@demo.kz"), reviewer: account("reviewer@demo.kz"), applicant: account("kandas@demo.kz") };
  const year = Number(todayInKazakhstan().slice(0, 4));
  const national = Object.values(DEMO_QUOTA_SPLIT).reduce((s, n) => s + n, 0);
  await db.insert(accommodationCentres).values([...KANDAS_CENTRES]).onConflictDoNothing({ target: accommodationCentres.code });
  const inserted = await db.insert(kandasNationalQuotas).values({ year, families: national, basis: "Demo: presidential decree on the kandas quota" }).onConflictDoNothing().returning();
  if (!inserted.length) return 0;
  await db.insert(kandasQuotas).values(Object.entries(DEMO_QUOTA_SPLIT).map(([region, familiesAllocated]) => ({ year, region, familiesAllocated })));

  const rng = random(seed);
  let made = 0;
  const file = async (app: KdApplicationInput, owner?: Viewer) => {
    made++;
    return ok(await createCase(db, owner ?? a.officer, KD_SERVICE, app, { channel: owner ? "online" : "front_office", submit: true }), "filing");
  };

  // East Kazakhstan: three families included, so one place is left.
  for (let i = 0; i < 3; i++) await takeTo(db, a, await file(demoFamily(rng, rng.pick(["CHN", "MNG"]), NEARLY_FULL_REGION, rng.int(1, 5))), "in_quota");

  const stages: Stage[] = ["submitted", "submitted", "under_review", "under_review", "decision_pending", "status_granted", "quota_review", "quota_review", "in_quota", "in_quota", "benefits_active", "benefits_active", "status_refused"];
  for (const stage of stages) {
    const origin = rng.weighted(ORIGINS);
    const c = await takeTo(db, a, await file(demoFamily(rng, origin, rng.pick(REGIONS_BY_ORIGIN[origin]!), rng.int(0, 5))), stage);
    // Families under review wait for the decision in their region's centre, where there is one (KD-09).
    if (stage === "under_review") {
      const [centre] = await db.select().from(accommodationCentres).where(eq(accommodationCentres.region, c.region));
      if (centre) ok(await perform(db, a.officer, c.id, "place_in_centre", { centreId: centre.id }, c.version), "placement");
    }
  }

  // The demo applicant's own family: status granted and in the quota, so the simplified citizenship is open to them.
  await takeTo(db, a, await file(demoFamily(rng, "UZB", "KZ-TUR", 3), a.applicant), "benefits_active");
  await takeTo(db, a, await file(demoFamily(rng, "MNG", "KZ-KAR", 2), a.applicant), "complaint_review");
  return made;
}
