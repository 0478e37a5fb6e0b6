/**
 * The shape of the bulk data set (npm run seed:bulk): how cases spread over services, regions,
 * years, statuses, flags and nationalities, and which engine actions lead to each status. Pure data,
 * so a test can hold it against the service definitions; ./load.ts turns it into SQL.
 *
 * Proportions follow domain.md §6 where it has figures (household permits: 93% Uzbek citizens,
 * 7% women, 81% construction; refugees: Afghans, mostly in Almaty and the south; kandas: Uzbekistan,
 * China, Mongolia, Turkmenistan, Russia) and are otherwise plausible guesses.
 */
import { HP_SERVICE, KC_SERVICE, KD_SERVICE, RF_SERVICE, TR_SERVICE } from "@/lib/services/ids";

export type Weighted<T> = readonly (readonly [T, number])[];

export interface ServicePlan {
  id: string;
  prefix: string;
  /** Share of all cases. */
  share: number;
  /** Share of women among applicants. */
  female: number;
  /** Cases younger than this many days draw their status from `recent`, older ones from `old`. */
  recentDays: number;
  recent: Weighted<string>;
  old: Weighted<string>;
  /** States whose statutory clock runs (due date set) and where it stands still (remaining days kept). */
  running: readonly string[];
  stopped: readonly string[];
  /** The statutory term in calendar days, approximating the working-day terms of the parameters. */
  termDays: number;
  /** Regions where the service's cases are filed, weighted. */
  regions: Weighted<string>;
  citizenship: Weighted<string>;
  /** Flags, each with the probability that a case carries it (a group is set together). */
  flags: readonly (readonly [readonly string[], number])[];
  /**
   * The engine actions that bring a case from draft to each status, after "create"; "action:state"
   * names the state for an action whose outcome depends on its input.
   */
  paths: Readonly<Record<string, readonly string[]>>;
  /** Statuses that are decisions or ends: the case has a decided_at. */
  decided: readonly string[];
}

/** Each year's share of the cases; the current year's share is spread up to today. */
export const YEAR_WEIGHTS: Weighted<number> = [
  [-4, 0.15],
  [-3, 0.18],
  [-2, 0.2],
  [-1, 0.22],
  [0, 0.25],
];

const ALL_REGIONS = [
  "KZ-AST", "KZ-ALA", "KZ-SHY", "KZ-AKM", "KZ-AKT", "KZ-ALM", "KZ-ATY", "KZ-ZAP", "KZ-ZHA", "KZ-KAR",
  "KZ-KUS", "KZ-KZY", "KZ-MAN", "KZ-PAV", "KZ-SEV", "KZ-VOS", "KZ-TUR", "KZ-ABY", "KZ-ZHT", "KZ-ULT",
] as const;

/** The city where a region's cases are filed (the regional centre). */
export const REGION_CITY: Readonly<Record<(typeof ALL_REGIONS)[number], string>> = {
  "KZ-AST": "Astana", "KZ-ALA": "Almaty", "KZ-SHY": "Shymkent", "KZ-AKM": "Kokshetau", "KZ-AKT": "Aktobe", "KZ-ALM": "Konaev",
  "KZ-ATY": "Atyrau", "KZ-ZAP": "Oral", "KZ-ZHA": "Taraz", "KZ-KAR": "Karaganda", "KZ-KUS": "Kostanay", "KZ-KZY": "Kyzylorda",
  "KZ-MAN": "Aktau", "KZ-PAV": "Pavlodar", "KZ-SEV": "Petropavl", "KZ-VOS": "Oskemen", "KZ-TUR": "Turkistan", "KZ-ABY": "Semey",
  "KZ-ZHT": "Taldykorgan", "KZ-ULT": "Zhezkazgan",
};

/** Foreigners concentrate in the three cities and the south; every region has some. */
const MIGRANT_REGIONS: Weighted<string> = ALL_REGIONS.map((r) => {
  const w: Record<string, number> = { "KZ-ALA": 22, "KZ-AST": 14, "KZ-SHY": 10, "KZ-TUR": 8, "KZ-ALM": 7, "KZ-KAR": 5, "KZ-MAN": 4, "KZ-ATY": 4, "KZ-AKT": 3, "KZ-ZHA": 3 };
  return [r, w[r] ?? 2] as const;
});

const KANDAS_REGIONS: Weighted<string> = ALL_REGIONS.map((r) => {
  const w: Record<string, number> = { "KZ-MAN": 16, "KZ-TUR": 14, "KZ-ALM": 14, "KZ-KAR": 8, "KZ-VOS": 6, "KZ-AKT": 6, "KZ-AST": 5, "KZ-PAV": 4, "KZ-SEV": 4, "KZ-KUS": 4 };
  return [r, w[r] ?? 2] as const;
});

export const SERVICES: readonly ServicePlan[] = [
  {
    id: TR_SERVICE,
    prefix: "TR",
    share: 0.62,
    female: 0.35,
    recentDays: 5,
    recent: [["submitted", 22], ["under_review", 24], ["returned_for_correction", 8], ["registered", 40], ["refused", 3], ["withdrawn", 3]],
    old: [["expired", 62], ["closed", 20], ["registered", 12], ["refused", 4], ["withdrawn", 1.5], ["submitted", 0.03], ["under_review", 0.05], ["returned_for_correction", 0.05]],
    running: ["submitted", "under_review"],
    stopped: ["returned_for_correction"],
    termDays: 2,
    regions: MIGRANT_REGIONS,
    citizenship: [["UZB", 30], ["RUS", 18], ["CHN", 10], ["KGZ", 10], ["TJK", 6], ["TUR", 6], ["MNG", 3], ["IND", 3], ["DEU", 2], ["AFG", 1], ["KOR", 2], ["USA", 1], ["AZE", 3], ["UKR", 3], ["TKM", 2]],
    flags: [
      [["eaeu_worker"], 0.12],
      [["late_filing", "late_tier_a"], 0.05],
      [["late_filing", "late_tier_b"], 0.02],
      [["overstay"], 0.015],
      [["protected_person"], 0.003],
      [["potential_duplicate"], 0.004],
    ],
    paths: {
      submitted: ["submit"],
      under_review: ["submit", "start_review"],
      returned_for_correction: ["submit", "start_review", "return_for_correction"],
      registered: ["submit", "start_review", "register"],
      refused: ["submit", "start_review", "preliminary_refuse", "waive_hearing", "refuse"],
      withdrawn: ["submit", "withdraw"],
      expired: ["submit", "start_review", "register", "expire"],
      closed: ["submit", "start_review", "register", "record_departure"],
    },
    decided: ["registered", "refused", "withdrawn", "expired", "closed"],
  },
  {
    id: HP_SERVICE,
    prefix: "HP",
    share: 0.3,
    female: 0.07,
    recentDays: 20,
    recent: [["submitted", 20], ["under_review", 30], ["returned_for_correction", 6], ["approved_awaiting_payment", 12], ["refused", 4], ["issued", 8], ["active", 17], ["withdrawn", 1], ["not_required", 1], ["lapsed", 1]],
    old: [["active", 25], ["expired", 50], ["issued", 3], ["lapsed", 6], ["refused", 6], ["revoked", 3], ["extension_requested", 1], ["withdrawn", 1], ["under_review", 0.05], ["submitted", 0.03]],
    running: ["submitted", "under_review"],
    stopped: ["returned_for_correction"],
    termDays: 14,
    regions: MIGRANT_REGIONS,
    citizenship: [["UZB", 93], ["TJK", 4], ["KGZ", 3]],
    flags: [
      [["criminal_record_entries"], 0.01],
      [["child_care_record_check"], 0.004],
      [["potential_duplicate"], 0.004],
    ],
    paths: {
      submitted: ["submit:submitted"],
      not_required: ["submit:not_required"],
      under_review: ["submit:submitted", "start_review"],
      returned_for_correction: ["submit:submitted", "start_review", "return_for_correction"],
      approved_awaiting_payment: ["submit:submitted", "start_review", "approve"],
      refused: ["submit:submitted", "start_review", "preliminary_refuse", "waive_hearing", "refuse"],
      issued: ["submit:submitted", "start_review", "approve", "confirm_payment"],
      active: ["submit:submitted", "start_review", "approve", "confirm_payment", "register_contract"],
      lapsed: ["submit:submitted", "start_review", "approve", "lapse"],
      expired: ["submit:submitted", "start_review", "approve", "confirm_payment", "register_contract", "expire"],
      revoked: ["submit:submitted", "start_review", "approve", "confirm_payment", "register_contract", "revoke"],
      extension_requested: ["submit:submitted", "start_review", "approve", "confirm_payment", "register_contract", "request_extension"],
      withdrawn: ["submit:submitted", "withdraw"],
    },
    decided: ["refused", "approved_awaiting_payment", "not_required", "issued", "active", "lapsed", "expired", "revoked", "extension_requested", "withdrawn"],
  },
  {
    id: RF_SERVICE,
    prefix: "RF",
    share: 0.005,
    female: 0.45,
    recentDays: 60,
    recent: [["submitted", 20], ["under_review", 30], ["commission_review", 15], ["returned_for_correction", 5], ["extended", 8], ["certificate_issued", 17], ["refused", 5]],
    old: [["certificate_issued", 75], ["refused", 2], ["refusal_final", 8], ["status_ended", 6], ["complaint_filed", 1], ["withdrawn", 3], ["under_review", 0.2]],
    running: ["extended"],
    stopped: [],
    termDays: 7,
    regions: [["KZ-ALA", 56], ["KZ-TUR", 18], ["KZ-SHY", 17], ["KZ-ALM", 7], ["KZ-ZHA", 2]],
    citizenship: [["AFG", 82], ["UZB", 6], ["SOM", 3], ["SYR", 4], ["ETH", 2], ["IRQ", 3]],
    flags: [
      [["late_filing"], 0.08],
      [["origin_changed"], 0.03],
    ],
    paths: {
      submitted: ["submit"],
      under_review: ["submit", "start_review"],
      returned_for_correction: ["submit", "start_review", "return_for_correction"],
      commission_review: ["submit", "start_review", "send_to_commission"],
      extended: ["submit", "start_review", "send_to_commission", "vote:extended"],
      certificate_issued: ["submit", "start_review", "send_to_commission", "vote:extended", "issue_certificate"],
      refused: ["submit", "start_review", "send_to_commission", "preliminary_refuse", "waive_hearing", "vote:refused"],
      complaint_filed: ["submit", "start_review", "send_to_commission", "preliminary_refuse", "waive_hearing", "vote:refused", "file_complaint"],
      refusal_final: ["submit", "start_review", "send_to_commission", "preliminary_refuse", "waive_hearing", "vote:refused", "finalise_refusal"],
      status_ended: ["submit", "start_review", "send_to_commission", "preliminary_refuse", "waive_hearing", "vote:refused", "finalise_refusal", "end_status"],
      withdrawn: ["submit", "withdraw"],
    },
    decided: ["extended", "certificate_issued", "refused", "complaint_filed", "refusal_final", "status_ended", "withdrawn"],
  },
  {
    id: KD_SERVICE,
    prefix: "KD",
    share: 0.06,
    female: 0.5,
    recentDays: 30,
    recent: [["submitted", 18], ["under_review", 25], ["returned_for_correction", 5], ["decision_pending", 10], ["status_granted", 10], ["quota_review", 10], ["status_refused", 5], ["in_quota", 6], ["waitlisted", 5], ["withdrawn", 2], ["complaint_review", 3]],
    old: [["benefits_active", 38], ["in_quota", 15], ["waitlisted", 10], ["status_refused", 8], ["quota_refused", 5], ["refusal_final", 5], ["status_granted", 3], ["quota_review", 2], ["withdrawn", 3], ["under_review", 0.1], ["decision_pending", 0.05]],
    running: ["submitted", "under_review", "decision_pending"],
    stopped: ["returned_for_correction"],
    termDays: 21,
    regions: KANDAS_REGIONS,
    citizenship: [["UZB", 62], ["CHN", 14], ["MNG", 9], ["TKM", 7], ["RUS", 5], ["KGZ", 2], ["TUR", 1]],
    flags: [
      [["in_centre"], 0.05],
      [["sla_alert"], 0.01],
      [["potential_duplicate"], 0.004],
    ],
    paths: {
      submitted: ["submit"],
      under_review: ["submit", "start_review"],
      returned_for_correction: ["submit", "start_review", "return_for_correction"],
      decision_pending: ["submit", "start_review", "propose_decision"],
      status_granted: ["submit", "start_review", "propose_decision", "approve_decision:status_granted"],
      status_refused: ["submit", "start_review", "preliminary_refuse", "waive_hearing", "propose_decision", "approve_decision:status_refused"],
      quota_review: ["submit", "start_review", "propose_decision", "approve_decision:status_granted", "start_quota_review"],
      in_quota: ["submit", "start_review", "propose_decision", "approve_decision:status_granted", "start_quota_review", "include_in_quota"],
      waitlisted: ["submit", "start_review", "propose_decision", "approve_decision:status_granted", "start_quota_review", "place_on_waitlist"],
      quota_refused: ["submit", "start_review", "propose_decision", "approve_decision:status_granted", "start_quota_review", "preliminary_refuse_quota", "waive_hearing", "refuse_quota"],
      benefits_active: ["submit", "start_review", "propose_decision", "approve_decision:status_granted", "start_quota_review", "include_in_quota", "activate_benefits"],
      complaint_review: ["submit", "start_review", "preliminary_refuse", "waive_hearing", "propose_decision", "approve_decision:status_refused", "file_complaint"],
      refusal_final: ["submit", "start_review", "preliminary_refuse", "waive_hearing", "propose_decision", "approve_decision:status_refused", "file_complaint", "dismiss_complaint"],
      withdrawn: ["submit", "withdraw"],
    },
    decided: ["status_granted", "status_refused", "quota_review", "in_quota", "waitlisted", "quota_refused", "benefits_active", "complaint_review", "refusal_final", "withdrawn"],
  },
  {
    id: KC_SERVICE,
    prefix: "KC",
    share: 0.015,
    female: 0.5,
    recentDays: 100,
    recent: [["submitted", 25], ["under_review", 60], ["granted", 12], ["refused", 3]],
    old: [["granted", 89], ["refused", 9], ["under_review", 0.3], ["submitted", 0.05]],
    running: ["submitted", "under_review"],
    stopped: [],
    termDays: 91,
    regions: KANDAS_REGIONS,
    citizenship: [["UZB", 62], ["CHN", 14], ["MNG", 9], ["TKM", 7], ["RUS", 5], ["KGZ", 3]],
    flags: [[["sla_alert"], 0.01]],
    paths: {
      submitted: ["submit"],
      under_review: ["submit", "start_review"],
      granted: ["submit", "start_review", "grant"],
      refused: ["submit", "start_review", "preliminary_refuse", "waive_hearing", "refuse"],
    },
    decided: ["granted", "refused"],
  },
];

/** Who performs an action in the generated history. */
export function actorOf(action: string): "filer" | "officer" | "supervisor" | "reviewer" | "system" | "owner" {
  if (action === "submit" || action === "withdraw" || action === "request_extension") return "filer";
  if (action === "file_complaint") return "owner";
  if (["expire", "lapse", "finalise_refusal", "end_status"].includes(action)) return "system";
  if (["vote", "approve_decision"].includes(action)) return "supervisor";
  if (["dismiss_complaint", "decide_complaint", "uphold_complaint"].includes(action)) return "reviewer";
  return "officer";
}

/** Refusals and other decisions against the applicant carry a reason in the history. */
export const REASONED_ACTIONS = new Set(["refuse", "return_for_correction", "revoke", "refuse_quota", "dismiss_complaint"]);

/** Name cultures by citizenship; the names of each culture are in ./names.ts. */
export const CULTURE_OF: Readonly<Record<string, string>> = {
  UZB: "uzbek", TJK: "tajik", KGZ: "kyrgyz", TKM: "uzbek", AZE: "turkic", TUR: "turkic",
  RUS: "russian", UKR: "russian",
  CHN: "chinese", MNG: "mongol", KOR: "korean",
  AFG: "afghan", IRQ: "arab", SYR: "arab", SOM: "african", ETH: "african",
  IND: "indian", DEU: "western", USA: "western",
};

/** Kandas (ethnic Kazakhs from abroad) carry Kazakh names whatever their citizenship. */
export const KAZAKH_NAMED_SERVICES: readonly string[] = [KD_SERVICE, KC_SERVICE];

/** Passport number series by issuing country (two letters and seven digits, like most CIS passports). */
export const PASSPORT_SERIES: Readonly<Record<string, string>> = {
  UZB: "FA", TJK: "AB", KGZ: "AC", TKM: "A", AZE: "C", TUR: "U", RUS: "75", UKR: "FE", CHN: "E", MNG: "E",
  KOR: "M", AFG: "P", IRQ: "A", SYR: "N", SOM: "P", ETH: "EP", IND: "Z", DEU: "C", USA: "5",
};

/** Weighted sum of a reference's prefix and year for the check character (lib/rules/case-reference.ts). */
export function referenceBaseSum(prefix: string, year: number): number {
  const payload = prefix + String(year);
  let sum = 0;
  for (let i = 0; i < payload.length; i += 1) {
    const code = payload.charCodeAt(i);
    sum += (i + 1) * (code <= 57 ? code - 48 : code - 55);
  }
  return sum;
}

/** Splits `total` by weights into whole numbers that add up to `total` exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const whole = exact.map(Math.floor);
  let left = total - whole.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    whole[i]! += 1;
    left -= 1;
  }
  return whole;
}
