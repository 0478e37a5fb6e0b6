import type { Db } from "@/db/client";
import type { users } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { addCalendarDays, todayInKazakhstan } from "@/lib/rules/dates";
import { iinCheckDigit } from "@/lib/rules/iin";
import { runDueJobs } from "@/lib/jobs/runner";
import { TR_SERVICE } from "@/lib/services";
import type { TrApplicationInput } from "@/lib/services/temporary-registration/schema";
import { heardBeforeRefusal } from "./hearing";
import { OFFICE_REGIONS, viewerOf } from "./users";
import { decideWithApproval, supervisorsByRegion } from "./approvals";

/** A small deterministic generator, so `--e2e` data is the same on every run. */
export function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const weighted = <T,>(items: readonly (readonly [T, number])[]) => {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [item, w] of items) if ((r -= w) < 0) return item;
    return items[items.length - 1]![0];
  };
  return { next, int, pick, weighted };
}

type Rng = ReturnType<typeof random>;

// Visitors by citizenship, shaped on the 2008 arrivals (domain §6.8): Uzbekistan, Russia and Kyrgyzstan first.
const CITIZENSHIPS = [
  ["UZB", 35],
  ["RUS", 20],
  ["KGZ", 17],
  ["TJK", 7],
  ["CHN", 6],
  ["TUR", 4],
  ["DEU", 3],
  ["AZE", 2],
  ["MNG", 2],
  ["IND", 2],
  ["KOR", 1],
  ["AFG", 1],
] as const;

// Irregular migration is heaviest in Astana, Almaty, Shymkent and Turkestan region (domain §6.6).
const REGIONS = [
  ["KZ-ALA", 30],
  ["KZ-AST", 20],
  ["KZ-SHY", 12],
  ["KZ-TUR", 8],
  ["KZ-ALM", 7],
  ["KZ-KAR", 6],
  ["KZ-MAN", 5],
  ["KZ-ZHA", 5],
  ["KZ-AKT", 4],
  ["KZ-VOS", 3],
] as const;

const CITIES: Record<string, string> = {
  "KZ-ALA": "Almaty",
  "KZ-AST": "Astana",
  "KZ-SHY": "Shymkent",
  "KZ-TUR": "Turkistan",
  "KZ-ALM": "Konaev",
  "KZ-KAR": "Karaganda",
  "KZ-MAN": "Aktau",
  "KZ-ZHA": "Taraz",
  "KZ-AKT": "Aktobe",
  "KZ-VOS": "Oskemen",
};
const STREETS = ["Abay avenue", "Dostyk avenue", "Tole bi street", "Satpayev street", "Kabanbay batyr avenue", "Nauryzbay batyr street", "Zhibek zholy street", "Baitursynov street"];

const NAMES: Record<string, { surnames: string[]; male: string[]; female: string[]; cyrillic?: boolean }> = {
  UZB: { surnames: ["KARIMOV", "YUSUPOV", "RAKHIMOV", "TASHKENTOV", "NAZAROV", "ERGASHEV", "SAIDOV"], male: ["AZIZ", "BOBUR", "SHERZOD", "JAMSHID", "ULUGBEK"], female: ["DILNOZA", "MALIKA", "NIGORA"] },
  RUS: { surnames: ["IVANOV", "PETROV", "SMIRNOV", "KUZNETSOV", "POPOV", "SOKOLOV"], male: ["ALEKSEI", "DMITRII", "SERGEI", "ANDREI"], female: ["OLGA", "ANNA", "TATIANA", "ELENA"], cyrillic: true },
  KGZ: { surnames: ["ASANOV", "ABDYKADYROV", "TOKTOGULOV", "SYDYKOV", "ISAKOV"], male: ["NURLAN", "ERMEK", "AIBEK", "TALANT"], female: ["AIGUL", "NAZIRA", "CHOLPON"] },
  TJK: { surnames: ["RAHMONOV", "SAFAROV", "ASHUROV", "NAZAROV"], male: ["FIRDAVS", "SUHROB", "DAVRON"], female: ["ZARINA", "MADINA"] },
  CHN: { surnames: ["WANG", "LI", "ZHANG", "LIU", "CHEN"], male: ["WEI", "JUN", "LEI"], female: ["FANG", "XIU", "MEI"] },
  TUR: { surnames: ["YILMAZ", "KAYA", "DEMIR", "SAHIN", "CELIK"], male: ["MEHMET", "MUSTAFA", "EMRE"], female: ["AYSE", "ZEYNEP", "ELIF"] },
  DEU: { surnames: ["MUELLER", "SCHMIDT", "SCHNEIDER", "FISCHER"], male: ["LUKAS", "JONAS", "FELIX"], female: ["ANNA", "LEA", "SOPHIE"] },
  AZE: { surnames: ["ALIYEV", "MAMMADOV", "HASANOV"], male: ["RASHAD", "ELVIN", "ORKHAN"], female: ["AYSEL", "LEYLA"] },
  MNG: { surnames: ["BATBAYAR", "GANBOLD", "ERDENE"], male: ["BAT-ERDENE", "TEMUULEN"], female: ["ANU", "SARANGEREL"] },
  IND: { surnames: ["SHARMA", "PATEL", "SINGH", "KUMAR"], male: ["RAHUL", "AMIT", "VIKRAM"], female: ["PRIYA", "ANANYA"] },
  KOR: { surnames: ["KIM", "LEE", "PARK", "CHOI"], male: ["MINJUN", "SEOJUN"], female: ["JIWOO", "SEOYEON"] },
  AFG: { surnames: ["AHMADI", "RAHIMI", "KARIMI"], male: ["AHMAD", "MOHAMMAD", "FARID"], female: ["FARIDA", "MARYAM"] },
};
const CYRILLIC: Record<string, string> = { IVANOV: "ИВАНОВ", PETROV: "ПЕТРОВ", SMIRNOV: "СМИРНОВ", KUZNETSOV: "КУЗНЕЦОВ", POPOV: "ПОПОВ", SOKOLOV: "СОКОЛОВ" };

// Citizenships that need a visa with an ordinary passport (domain §6.5), with the term of a typical visa.
const VISA_DAYS: Record<string, number> = { CHN: 30, DEU: 60, IND: 30, KOR: 60, AFG: 30 };
const VISA_FREE_DAYS: Record<string, number> = { TUR: 30, MNG: 90 };
const EAEU = new Set(["RUS", "KGZ", "ARM", "BLR"]);

function validIin(rng: Rng): string {
  for (;;) {
    const yy = String(rng.int(60, 99));
    const mm = String(rng.int(1, 12)).padStart(2, "0");
    const dd = String(rng.int(1, 28)).padStart(2, "0");
    const base = `${yy}${mm}${dd}${rng.pick(["3", "4"])}${String(rng.int(0, 9999)).padStart(4, "0")}`;
    const digit = iinCheckDigit(base);
    if (digit !== null) return base + digit;
  }
}

function validBin(rng: Rng): string {
  for (;;) {
    const base = `${String(rng.int(95, 99))}${String(rng.int(1, 12)).padStart(2, "0")}4${rng.pick(["0", "1"])}${String(rng.int(0, 99999)).padStart(5, "0")}`;
    const digit = iinCheckDigit(base);
    if (digit !== null) return base + digit;
  }
}

/** A plausible application filed on `filedOn`; about one in eight is filed after the 5-day deadline. */
export function demoApplication(rng: Rng, filedOn: string, region: string): TrApplicationInput {
  const citizenship = rng.weighted(CITIZENSHIPS);
  const names = NAMES[citizenship]!;
  const sex = rng.next() < 0.3 ? "F" : "M";
  const surname = rng.pick(names.surnames);
  const female = sex === "F" && citizenship === "RUS" ? `${surname}A` : surname;
  const late = rng.next() < 0.12;
  const entryDate = addCalendarDays(filedOn, -(late ? rng.int(6, 14) : rng.int(0, 5)));
  const eaeuWorker = EAEU.has(citizenship) && rng.next() < 0.4;
  const visaDays = VISA_DAYS[citizenship];
  const permitted = visaDays ?? VISA_FREE_DAYS[citizenship] ?? 90;
  const stay = Math.max(3, rng.int(Math.min(10, permitted - 1), permitted - 1));
  const hostIsOrg = rng.next() < 0.35;
  return {
    person: {
      surname: female,
      givenNames: sex === "F" ? rng.pick(names.female) : rng.pick(names.male),
      surnameCyrillic: names.cyrillic && CYRILLIC[surname] ? `${CYRILLIC[surname]}${sex === "F" ? "А" : ""}` : undefined,
      birthDate: `${rng.int(1965, 2004)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      sex,
      citizenship,
    },
    passport: {
      passportType: "national",
      passportNumber: `${citizenship.slice(0, 2)}${rng.int(1000000, 9999999)}`,
      passportExpiresOn: addCalendarDays(filedOn, rng.int(200, 3000)),
    },
    stay: {
      entryDate,
      purpose: eaeuWorker ? "work" : rng.weighted([["private_visit", 35], ["business", 20], ["tourism", 20], ["family", 10], ["study", 5], ["medical", 5], ["other", 5]] as const),
      requestedEndDate: addCalendarDays(entryDate, stay),
      eaeuWorker,
      ...(visaDays ? { visaNumber: `V${rng.int(10000000, 99999999)}`, visaValidUntil: addCalendarDays(entryDate, visaDays - 1) } : {}),
    },
    address: { region, city: CITIES[region] ?? "Astana", street: rng.pick(STREETS), building: String(rng.int(1, 180)), flat: rng.next() < 0.7 ? String(rng.int(1, 200)) : undefined },
    host: hostIsOrg
      ? { kind: "organisation", identifier: validBin(rng), name: rng.pick(["Rixos Almaty LLP", "Kazakh National University", "Astana Hub LLP", "KazMunayGas JSC", "Hotel Kazakhstan JSC"]), phone: `+7 727 ${rng.int(200, 399)} ${rng.int(10, 99)} ${rng.int(10, 99)}` }
      : { kind: "individual", identifier: validIin(rng), name: rng.pick(["Serik Akhmetov", "Aliya Bekova", "Nurlan Omarov", "Dana Ismailova", "Yerlan Tulegenov"]), phone: `+7 70${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}` },
  };
}

type Outcome = "submitted" | "under_review" | "returned_for_correction" | "registered" | "refusal_proposed" | "refused" | "withdrawn" | "departed";

const OUTCOMES = [
  ["submitted", 14],
  ["under_review", 14],
  ["returned_for_correction", 5],
  ["registered", 50],
  ["refusal_proposed", 2],
  ["refused", 5],
  ["withdrawn", 3],
  ["departed", 9],
] as const satisfies readonly (readonly [Outcome, number])[];

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+05:00`);

function must(r: PerformResult, what: string): CaseSnapshot {
  if (!r.ok) throw new Error(`Demo seed: ${what} failed: ${JSON.stringify(r)}`);
  return r.case;
}

/** Walks one case through the engine to its target state, each step an hour or more after the last. */
async function driveCase(db: Db, filer: Viewer, officer: Viewer, supervisor: Viewer, app: TrApplicationInput, filedOn: string, outcome: Outcome, rng: Rng, channel: "online" | "front_office" | "api"): Promise<void> {
  let hour = rng.int(8, 15);
  let day = filedOn;
  const later = () => {
    // The next working hour: later the same day, or the next morning.
    if (hour < 17 && rng.next() < 0.6) hour += rng.int(1, Math.min(2, 18 - hour));
    else {
      day = addCalendarDays(day, 1);
      hour = rng.int(9, 11);
    }
    return at(day, hour);
  };
  let c = must(await createCase(db, filer, TR_SERVICE, app, { channel, submit: true, now: at(day, hour) }), "filing");
  if (outcome === "submitted") return;
  // Only the applicant or the front office that filed may withdraw.
  if (outcome === "withdrawn" && (filer.role === "applicant" || filer.role === "clerk")) {
    must(await perform(db, filer, c.id, "withdraw", { reason: "Plans changed." }, c.version, { now: later() }), "withdraw");
    return;
  }
  if (outcome === "returned_for_correction") {
    must(await perform(db, officer, c.id, "return_for_correction", { reason: "The host's consent to the address is missing; please add the flat number." }, c.version, { now: later() }), "return");
    return;
  }
  c = must(await perform(db, officer, c.id, "start_review", {}, c.version, { now: later() }), "start_review");
  if (outcome === "under_review") return;
  if (outcome === "refused" || outcome === "refusal_proposed") {
    // The right to be heard first; then four-eyes: the officer proposes, the region's supervisor approves (or it waits in the inbox).
    const onTheirSide = filer.role === "applicant" || filer.role === "clerk" ? filer : null;
    const heard = await heardBeforeRefusal(db, officer, c, { grounds: "address_not_confirmed", explanation: "The host told us that you do not live at the address.", applicantSide: onTheirSide, at: later() });
    // Without anyone to answer, the refusal waits for the response term; until then the case stays preliminary.
    if (heard.refuseAt > new Date()) return;
    const refusal = { reasonCode: "address_not_confirmed", reason: "The host denied that the applicant lives at the address." };
    const r = await decideWithApproval(db, officer, outcome === "refused" ? supervisor : null, c.id, "refuse", refusal, heard.case.version, heard.refuseAt);
    if (outcome === "refused") must(r, "refuse");
    else if (r.ok || r.error !== "approval_requested") throw new Error(`Demo seed: refusal proposal failed: ${JSON.stringify(r)}`);
    return;
  }
  c = must(await perform(db, officer, c.id, "register", {}, c.version, { now: later() }), "register");
  if (outcome === "departed") {
    const departure = addCalendarDays(day, rng.int(3, 20));
    if (departure < todayInKazakhstan()) {
      must(await perform(db, officer, c.id, "record_departure", { departureDate: departure, reason: "Exit recorded at the border." }, c.version, { now: at(departure, 20) }), "departure");
    }
  }
}

/**
 * About `count` temporary-registration cases across regions and statuses, filed over the last
 * `days` days, each through the engine so that history, deadlines and flags are real.
 */
export async function seedDemoCases(db: Db, accounts: Map<string, typeof users.$inferSelect>, opts: { count: number; days: number; seed: number }): Promise<number> {
  const rng = random(opts.seed);
  const today = todayInKazakhstan();
  const officers = new Map(Object.entries(OFFICE_REGIONS).map(([code, slug]) => [code, viewerOf(accounts.get(`officer.${slug}@demo.kz`)!)]));
  const applicant = viewerOf(accounts.get("applicant@demo.kz")!);
  const clerk = viewerOf(accounts.get("clerk.almaty@demo.kz")!);

  // The demo applicant's own cases, one per interesting state.
  const mine: Outcome[] = ["registered", "under_review", "returned_for_correction"];
  const supervisors = supervisorsByRegion(accounts);
  for (const [i, outcome] of mine.entries()) {
    const filedOn = addCalendarDays(today, -(i * 9 + 2));
    const app = demoApplication(rng, filedOn, "KZ-ALA");
    app.person = { ...app.person, surname: "KARIMOV", givenNames: "AZIZ", citizenship: "UZB", birthDate: "1990-05-14", sex: "M" };
    app.passport = { ...app.passport, passportNumber: `FA${1234567 + i}` };
    await driveCase(db, applicant, officers.get("KZ-ALA")!, supervisors.get("KZ-ALA")!, app, filedOn, outcome, rng, "online");
  }
  // Refusals waiting in the Almaty supervisors' approval inbox (filed long enough ago for the response term to have passed).
  for (const days of [14, 18]) {
    const filedOn = addCalendarDays(today, -days);
    await driveCase(db, officers.get("KZ-ALA")!, officers.get("KZ-ALA")!, supervisors.get("KZ-ALA")!, demoApplication(rng, filedOn, "KZ-ALA"), filedOn, "refusal_proposed", rng, "api");
  }

  for (let i = mine.length + 2; i < opts.count; i++) {
    const region = rng.weighted(REGIONS);
    const filedOn = addCalendarDays(today, -rng.int(0, opts.days));
    const officer = officers.get(region)!;
    const filer = region === "KZ-ALA" && rng.next() < 0.5 ? clerk : officer;
    let outcome = rng.weighted(OUTCOMES);
    // Recent filings are still open; old ones are decided.
    if (filedOn >= addCalendarDays(today, -1) && outcome !== "withdrawn") outcome = rng.pick(["submitted", "under_review"] as const);
    if (filedOn < addCalendarDays(today, -10) && (outcome === "submitted" || outcome === "under_review")) outcome = "registered";
    await driveCase(db, filer, officer, supervisors.get(region)!, demoApplication(rng, filedOn, region), filedOn, outcome, rng, filer === clerk ? "front_office" : "api");
  }
  // Registrations whose term has passed are ended and, after the grace period, flagged (TR-08).
  await runDueJobs(db);
  return opts.count;
}
