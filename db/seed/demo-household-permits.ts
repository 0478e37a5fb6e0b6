import type { Db } from "@/db/client";
import type { users } from "@/db/schema";
import { createCase } from "@/lib/engine/create";
import { perform } from "@/lib/engine/perform";
import type { CaseSnapshot, PerformResult, Viewer } from "@/lib/engine/types";
import { addCalendarDays, addMonthsClamped, todayInKazakhstan } from "@/lib/rules/dates";
import { iinCheckDigit } from "@/lib/rules/iin";
import { runDueJobs } from "@/lib/jobs/runner";
import { HP_SERVICE } from "@/lib/services";
import { confirmPermitPayment } from "@/lib/services/household-permit/payment";
import type { EmployerInput, HpApplicationInput, WorkCategory } from "@/lib/services/household-permit/schema";
import { random } from "./demo-cases";
import { heardBeforeRefusal } from "./hearing";
import { OFFICE_REGIONS, viewerOf } from "./users";
import { decideWithApproval, supervisorsByRegion } from "./approvals";

type Rng = ReturnType<typeof random>;

/** A valid IIN for a birth date and sex (20th or 21st century), the serial moved on until a check digit exists. */
export function iinFor(birthDate: string, sex: "M" | "F", serial: number): string {
  const [y, m, d] = birthDate.split("-");
  const centuryDigit = Number(y) >= 2000 ? (sex === "M" ? "5" : "6") : sex === "M" ? "3" : "4";
  for (let s = serial; ; s++) {
    const base = `${y!.slice(2)}${m}${d}${centuryDigit}${String(s % 10000).padStart(4, "0")}`;
    const digit = iinCheckDigit(base);
    if (digit !== null) return base + digit;
  }
}

/** The demo householder (employer@demo.kz). */
export const DEMO_EMPLOYER: EmployerInput = { iin: "750314300121", name: "Bolat Tulegenov", phone: "+7 701 314 03 14", region: "KZ-ALA", address: "Almaty, Medeu district, Dostyk avenue 210" };

// 2015 permits by citizenship (domain §6.1): Uzbekistan 93%, Tajikistan 3.8%, the rest from other HP-04 countries.
const CITIZENSHIPS = [
  ["UZB", 930],
  ["TJK", 38],
  ["AZE", 10],
  ["GEO", 8],
  ["UKR", 6],
  ["MDA", 5],
  ["MNG", 3],
] as const;
// By work category (domain §6.1).
const CATEGORIES = [
  ["construction_repair", 814],
  ["gardener", 71],
  ["nurse_nanny", 48],
  ["cook", 20],
  ["other", 42],
] as const satisfies readonly (readonly [WorkCategory, number])[];
const REGIONS = [
  ["KZ-ALA", 34],
  ["KZ-AST", 16],
  ["KZ-SHY", 14],
  ["KZ-TUR", 12],
  ["KZ-ALM", 10],
  ["KZ-ZHA", 6],
  ["KZ-KAR", 4],
  ["KZ-MAN", 4],
] as const;
const CITY: Record<string, string> = { "KZ-ALA": "Almaty", "KZ-AST": "Astana", "KZ-SHY": "Shymkent", "KZ-TUR": "Turkistan", "KZ-ALM": "Konaev", "KZ-ZHA": "Taraz", "KZ-KAR": "Karaganda", "KZ-MAN": "Aktau" };
const NAMES: Record<string, { surnames: string[]; male: string[]; female: string[] }> = {
  UZB: { surnames: ["KARIMOV", "YUSUPOV", "RAKHIMOV", "NAZAROV", "ERGASHEV", "SAIDOV", "TOSHMATOV", "ABDULLAEV", "MIRZAEV", "KHOLMATOV"], male: ["AZIZ", "BOBUR", "SHERZOD", "JAMSHID", "ULUGBEK", "DILSHOD", "RUSTAM"], female: ["DILNOZA", "MALIKA", "NIGORA", "GULNORA"] },
  TJK: { surnames: ["RAHMONOV", "SAFAROV", "ASHUROV", "NAZAROV", "KHOLOV"], male: ["FIRDAVS", "SUHROB", "DAVRON", "FARRUKH"], female: ["ZARINA", "MADINA"] },
  AZE: { surnames: ["ALIYEV", "MAMMADOV", "HASANOV"], male: ["RASHAD", "ELVIN", "ORKHAN"], female: ["AYSEL", "LEYLA"] },
  GEO: { surnames: ["BERIDZE", "KAPANADZE", "GELASHVILI"], male: ["GIORGI", "DAVIT", "LEVAN"], female: ["NINO", "TAMAR"] },
  UKR: { surnames: ["KOVALENKO", "BONDARENKO", "TKACHENKO"], male: ["OLEKSANDR", "MYKOLA", "IVAN"], female: ["OKSANA", "IRYNA"] },
  MDA: { surnames: ["ROTARU", "CEBAN", "MUNTEANU"], male: ["ION", "VASILE"], female: ["ANA", "MARIA"] },
  MNG: { surnames: ["BATBAYAR", "GANBOLD", "ERDENE"], male: ["BAT-ERDENE", "TEMUULEN"], female: ["ANU", "SARANGEREL"] },
};
const HOUSEHOLDERS = ["Serik Akhmetov", "Aliya Bekova", "Nurlan Omarov", "Dana Ismailova", "Yerlan Tulegenov", "Asel Zhunusova", "Marat Kassymov", "Gaukhar Sarsenova", "Askar Bekmukhambetov", "Zhanar Ospanova"];
const STREETS = ["Abay avenue", "Dostyk avenue", "Tole bi street", "Satpayev street", "Zhibek zholy street", "Baitursynov street"];

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+05:00`);

function must(r: PerformResult, what: string): CaseSnapshot {
  if (!r.ok) throw new Error(`Household-permit demo: ${what} failed: ${JSON.stringify(r)}`);
  return r.case;
}

type Outcome = "submitted" | "under_review" | "returned_for_correction" | "refused" | "approved_awaiting_payment" | "issued" | "active" | "revoked" | "withdrawn";

const OUTCOMES = [
  ["submitted", 8],
  ["under_review", 8],
  ["returned_for_correction", 3],
  ["refused", 4],
  ["approved_awaiting_payment", 7],
  ["issued", 5],
  ["active", 60],
  ["revoked", 2],
  ["withdrawn", 3],
] as const satisfies readonly (readonly [Outcome, number])[];

/** Householders per region; for the full demo two in Almaty and one in Shymkent are filled to the cap (HP-11). */
class EmployerPool {
  private readonly byRegion = new Map<string, { employer: EmployerInput; active: number; target: number }[]>();
  private serial = 1;

  constructor(
    private readonly rng: Rng,
    private readonly cap: number,
    fullEmployers: boolean,
  ) {
    this.byRegion.set("KZ-ALA", [{ employer: DEMO_EMPLOYER, active: 0, target: 3 }]);
    if (fullEmployers) {
      this.byRegion.get("KZ-ALA")!.push({ employer: this.make("KZ-ALA"), active: 0, target: cap }, { employer: this.make("KZ-ALA"), active: 0, target: cap });
      this.byRegion.set("KZ-SHY", [{ employer: this.make("KZ-SHY"), active: 0, target: cap }]);
    }
  }

  private make(region: string): EmployerInput {
    const rng = this.rng;
    const sex = rng.next() < 0.5 ? "M" : "F";
    const birth = `${rng.int(1955, 1990)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
    return {
      iin: iinFor(birth, sex, this.serial++ * 37),
      name: rng.pick(HOUSEHOLDERS),
      phone: `+7 70${rng.int(0, 9)} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`,
      region,
      address: `${CITY[region] ?? "Astana"}, ${rng.pick(STREETS)} ${rng.int(1, 300)}`,
    };
  }

  /** An employer in the region with a free place: the ones meant to be full first, else a new or small one. */
  take(region: string): EmployerInput {
    const list = this.byRegion.get(region) ?? [];
    this.byRegion.set(region, list);
    const filling = list.find((e) => e.active < e.target);
    const entry = filling ?? (list.length && this.rng.next() < 0.5 ? this.rng.pick(list.filter((e) => e.active < Math.min(e.target, this.cap))) : undefined);
    if (entry) {
      entry.active++;
      return entry.employer;
    }
    const fresh = { employer: this.make(region), active: 1, target: this.rng.int(1, 4) };
    list.push(fresh);
    return fresh.employer;
  }

  /** Whether the pool's targets (the demo employer's 3, the full ones' 5) are all reached. */
  get pendingTargets(): number {
    return [...this.byRegion.values()].flat().filter((e) => e.target > 0 && e.active < e.target && (e.target === this.cap || e.employer === DEMO_EMPLOYER)).length;
  }
}

function demoApplication(rng: Rng, filedOn: string, region: string, termMonths: number, employer?: EmployerInput): HpApplicationInput {
  const citizenship = rng.weighted(CITIZENSHIPS);
  const names = NAMES[citizenship]!;
  // About 7% of permits went to women (domain §6.1).
  const sex = rng.next() < 0.07 ? "F" : "M";
  const category = sex === "F" ? rng.weighted([["nurse_nanny", 6], ["cook", 3], ["gardener", 1]] as const) : rng.weighted(CATEGORIES);
  const entryDate = addCalendarDays(filedOn, -rng.int(1, 25));
  const insuredUntil = addCalendarDays(addMonthsClamped(entryDate, 12), -1);
  return {
    person: {
      surname: sex === "F" && citizenship !== "GEO" && citizenship !== "MNG" ? `${rng.pick(names.surnames)}A` : rng.pick(names.surnames),
      givenNames: sex === "F" ? rng.pick(names.female) : rng.pick(names.male),
      birthDate: `${rng.int(1978, 2006)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`,
      sex,
      citizenship,
    },
    passport: { passportType: "national", passportNumber: `${citizenship.slice(0, 2)}${rng.int(1000000, 9999999)}`, passportExpiresOn: addCalendarDays(filedOn, rng.int(400, 3000)) },
    stay: { entryDate, registrationReference: rng.next() < 0.6 ? `TR-${filedOn.slice(0, 4)}-${String(rng.int(1, 999999)).padStart(6, "0")}-X` : undefined },
    work: { category, termMonths, region },
    insurance: { insurer: rng.pick(["Halyk Insurance", "Nomad Insurance", "Eurasia Insurance", "Freedom Insurance"]), policyNumber: `MED-${rng.int(100000, 999999)}`, validFrom: entryDate, validUntil: insuredUntil },
    certificates: {
      criminalRecordNumber: `CR-${citizenship}-${rng.int(10000, 99999)}`,
      criminalRecordIssuedOn: addCalendarDays(entryDate, -rng.int(5, 40)),
      criminalRecordHasEntries: rng.next() < 0.02,
      medicalNumber: `MC-${rng.int(1000, 99999)}`,
      medicalIssuedOn: addCalendarDays(filedOn, -rng.int(0, 3)),
      medicalCategory: category,
    },
    ...(employer ? { employer } : {}),
  };
}

interface Drive {
  db: Db;
  filer: Viewer;
  officer: Viewer;
  /** Approves the officer's refusals and revocations (four-eyes). */
  supervisor?: Viewer;
  app: HpApplicationInput;
  filedOn: string;
  outcome: Outcome;
  rng: Rng;
  channel: "online" | "front_office" | "api";
  /** Registered after issue when none was named at filing. */
  laterEmployer?: EmployerInput;
}

/** Walks one permit through the engine to its target state, a day or so between steps. */
async function drivePermit(d: Drive): Promise<void> {
  const { db, filer, officer, rng } = d;
  let day = d.filedOn;
  const today = todayInKazakhstan();
  // Steps a day or two apart, never later than today.
  const next = (maxDays = 2) => {
    const later = addCalendarDays(day, rng.int(0, maxDays));
    day = later < today ? later : today;
    return at(day, rng.int(9, 17));
  };
  let c = must(await createCase(db, filer, HP_SERVICE, d.app, { channel: d.channel, submit: true, now: at(day, 9) }), "filing");
  if (d.outcome === "submitted" || c.status === "not_required") return;
  if (d.outcome === "withdrawn" && (filer.role === "applicant" || filer.role === "clerk")) {
    must(await perform(db, filer, c.id, "withdraw", { reason: "Found work elsewhere." }, c.version, { now: next() }), "withdraw");
    return;
  }
  if (d.outcome === "returned_for_correction") {
    must(await perform(db, officer, c.id, "return_for_correction", { reason: "The medical certificate scan is unreadable; please bring the original." }, c.version, { now: next() }), "return");
    return;
  }
  c = must(await perform(db, officer, c.id, "start_review", {}, c.version, { now: next(1) }), "start_review");
  if (d.outcome === "under_review") return;
  if (d.outcome === "refused") {
    const onTheirSide = filer.role === "applicant" || filer.role === "clerk" ? filer : null;
    const heard = await heardBeforeRefusal(db, officer, c, { grounds: "certificate_problem", explanation: "We could not verify your criminal-record certificate with the issuing state.", applicantSide: onTheirSide, at: next() });
    if (heard.refuseAt > new Date()) return;
    const refusal = { reasonCode: "certificate_problem", reason: "The criminal-record certificate could not be verified with the issuing state." };
    must(await decideWithApproval(db, officer, d.supervisor ?? null, c.id, "refuse", refusal, heard.case.version, heard.refuseAt), "refuse");
    return;
  }
  c = must(await perform(db, officer, c.id, "approve", {}, c.version, { now: next() }), "approve");
  if (d.outcome === "approved_awaiting_payment") return;
  const payer = filer.role === "applicant" ? filer : officer;
  c = must(await confirmPermitPayment(db, payer, c.id, `KZ${rng.int(10_000_000, 99_999_999)}${rng.int(100, 999)}`, { now: next(3) }), "payment");
  if (d.laterEmployer && c.status === "issued" && d.outcome !== "issued") {
    c = must(await perform(db, officer, c.id, "register_contract", d.laterEmployer, c.version, { now: next() }), "register_contract");
  }
  if (d.outcome === "revoked") {
    const revocation = { ground: "region_violation", reason: "The holder was found working for a householder in another region." };
    must(await decideWithApproval(db, officer, d.supervisor ?? null, c.id, "revoke", revocation, c.version, next(10)), "revoke");
  }
}

/**
 * About `count` household-permit cases (domain §6.1 proportions), every one driven through the
 * engine: filed, reviewed, paid, contracted. The demo householder ends with 3 active contracts and
 * some employers sit at the cap of 5, so HP-11 can be seen refusing a sixth.
 */
export async function seedDemoHouseholdPermits(
  db: Db,
  accounts: Map<string, typeof users.$inferSelect>,
  opts: { count: number; days: number; seed: number; fullEmployers: boolean },
): Promise<number> {
  const rng = random(opts.seed);
  const today = todayInKazakhstan();
  const officers = new Map(Object.entries(OFFICE_REGIONS).map(([code, slug]) => [code, viewerOf(accounts.get(`officer.${slug}@demo.kz`)!)]));
  const applicant = viewerOf(accounts.get("applicant@demo.kz")!);
  const clerk = viewerOf(accounts.get("clerk.almaty@demo.kz")!);
  const pool = new EmployerPool(rng, 5, opts.fullEmployers);
  const almaty = officers.get("KZ-ALA")!;
  const supervisors = supervisorsByRegion(accounts);

  // The contracts that make the demo employer's and the full employers' counts: recent, long enough not to expire.
  let made = 0;
  while (pool.pendingTargets > 0) {
    const region = made % 4 === 3 ? "KZ-SHY" : "KZ-ALA";
    const filedOn = addCalendarDays(today, -rng.int(10, 25));
    const app = demoApplication(rng, filedOn, region, 6, pool.take(region));
    await drivePermit({ db, filer: region === "KZ-ALA" ? clerk : officers.get(region)!, officer: officers.get(region)!, app, filedOn, outcome: "active", rng, channel: "front_office" });
    made++;
  }

  // The demo applicant's own permits: one waiting for payment (the amount is shown), one issued without a contract.
  for (const outcome of ["approved_awaiting_payment", "issued", "under_review"] as const) {
    const filedOn = addCalendarDays(today, -rng.int(2, 6));
    const app = demoApplication(rng, filedOn, "KZ-ALA", 6);
    app.person = { ...app.person, surname: "KARIMOV", givenNames: "AZIZ", citizenship: "UZB", birthDate: "1990-05-14", sex: "M" };
    await drivePermit({ db, filer: applicant, officer: almaty, app, filedOn, outcome, rng, channel: "online" });
    made++;
  }

  // An EAEU citizen who applied anyway: "no permit required" (HP-03).
  const kyrgyz = demoApplication(rng, addCalendarDays(today, -3), "KZ-ALA", 3);
  kyrgyz.person = { ...kyrgyz.person, citizenship: "KGZ", surname: "ASANOV", givenNames: "NURLAN" };
  await drivePermit({ db, filer: clerk, officer: almaty, app: kyrgyz, filedOn: addCalendarDays(today, -3), outcome: "submitted", rng, channel: "front_office" });
  made++;

  for (; made < opts.count; made++) {
    const region = rng.weighted(REGIONS);
    const filedOn = addCalendarDays(today, -rng.int(0, opts.days));
    let outcome: Outcome = rng.weighted(OUTCOMES);
    if (filedOn >= addCalendarDays(today, -2)) outcome = rng.pick(["submitted", "under_review"] as const);
    if (filedOn < addCalendarDays(today, -20) && (outcome === "submitted" || outcome === "under_review" || outcome === "returned_for_correction")) outcome = "active";
    // Payment is due within hp_payment_days; the ones older than that lapse when the follow-ups run.
    const entryLimit = rng.pick([3, 6, 9] as const);
    const atFiling = rng.next() < 0.6;
    const employer = outcome === "active" || outcome === "revoked" ? pool.take(region) : undefined;
    const app = demoApplication(rng, filedOn, region, entryLimit, atFiling ? employer : undefined);
    const officer = officers.get(region)!;
    const filer = region === "KZ-ALA" && rng.next() < 0.5 ? clerk : officer;
    await drivePermit({ db, filer, officer, supervisor: supervisors.get(region), app, filedOn, outcome, rng, channel: filer === clerk ? "front_office" : "api", laterEmployer: atFiling ? undefined : employer });
  }
  // Unpaid approvals past their day lapse, permits past their term expire.
  await runDueJobs(db);
  return made;
}
