import type { visaRegimes } from "@/db/schema";

type VisaRegimeSeed = typeof visaRegimes.$inferInsert;

/** "VF" = visa-free without a stated limit; a number = visa-free days; "visa" = visa required. */
type Cell = "VF" | number | "visa";

const EFFECTIVE_FROM = "2010-04-21";
const SOURCE = "MFA list of visa-free regimes as of 21 Apr 2010 (domain.md §6.5; 004_3d0d7bb50863f789.txt:1629-1676)";

// Footnote "*" of the source: the regime benefits Kazakh citizens only; these citizens need a Kazakh visa.
const ONE_SIDED = "one-sided regime in the source (*): citizens of this country need a Kazakh visa";
// Footnote "**": the agreement was not yet in force on 21 Apr 2010, so a visa was still required.
const NOT_IN_FORCE = "agreement not yet in force on 21 Apr 2010 (**)";

/** [country, national passport, official passport, diplomatic passport, note]. */
const TABLE: readonly [string, Cell, Cell, Cell, string?][] = [
  ["AZE", "VF", "VF", "VF"],
  ["BLR", "VF", "VF", "VF"],
  ["KGZ", "VF", "VF", "VF", "national passport: visa-free \"on credentials\" (probably internal ID documents)"],
  ["RUS", "VF", "VF", "VF", "national passport: visa-free \"on credentials\" (probably internal ID documents)"],
  ["TJK", "VF", "VF", "VF"],
  ["UZB", "VF", "VF", "VF"],
  ["ARM", 90, 90, 90],
  ["GEO", 90, 90, 90],
  ["MDA", 90, 90, 90],
  ["MNG", 90, 90, 90],
  ["UKR", 90, 90, 90],
  ["TUR", 30, 30, 30],
  ["MYS", "visa", "visa", "visa", `${ONE_SIDED}; Kazakh citizens get 1 month`],
  ["KOR", "visa", 90, 90],
  ["ROU", "visa", 90, 90],
  ["SVK", "visa", 90, 90],
  ["ISR", "visa", "visa", "visa", `${NOT_IN_FORCE}; official and diplomatic 90 days once in force`],
  ["FRA", "visa", "visa", "visa", `${NOT_IN_FORCE}; diplomatic 90 days once in force`],
  ["LTU", "visa", "visa", "visa", `${NOT_IN_FORCE}; diplomatic 90 days once in force`],
  ["EST", "visa", "visa", "visa", `${NOT_IN_FORCE}; diplomatic 90 days once in force`],
  ["OMN", "visa", "visa", "visa", `${NOT_IN_FORCE}; diplomatic 90 days once in force`],
  ["BRA", "visa", 30, 30],
  ["CHN", "visa", 30, 30],
  ["HRV", "visa", 30, 30],
  ["CUB", "visa", 30, 30],
  ["HUN", "visa", 30, 30],
  ["IND", "visa", 30, 30],
  ["IRN", "visa", 30, 30],
  ["PAK", "visa", 30, 30],
  ["PHL", "visa", 30, 30],
  ["SGP", "visa", "visa", "visa", `${ONE_SIDED}; Kazakh official and diplomatic passports get 30 days`],
  ["TKM", "visa", 30, 30],
  ["VNM", "visa", "visa", "visa", `${NOT_IN_FORCE}; official and diplomatic 30 days once in force`],
  ["EGY", "visa", "visa", 30],
  ["POL", "visa", "visa", 30],
  ["THA", "visa", "visa", "visa", `${ONE_SIDED}; Kazakh citizens get 15 days at Thai airports (uncertain in the source)`],
];

const PASSPORT_TYPES = ["national", "official", "diplomatic"] as const;

function row(country: string, passportType: (typeof PASSPORT_TYPES)[number], cell: Cell, note?: string): VisaRegimeSeed {
  const regime = cell === "VF" ? "visa_free_unlimited" : cell === "visa" ? "visa_required" : "visa_free_days";
  return {
    country,
    passportType,
    regime,
    days: typeof cell === "number" ? cell : null,
    effectiveFrom: EFFECTIVE_FROM,
    effectiveTo: null,
    note: note ? `${SOURCE}; ${note}` : SOURCE,
  };
}

/** Regimes for entering Kazakhstan; citizenships not listed had no visa-free regime in the source. */
export const VISA_REGIMES: readonly VisaRegimeSeed[] = TABLE.flatMap(([country, national, official, diplomatic, note]) =>
  PASSPORT_TYPES.map((type, i) => row(country, type, [national, official, diplomatic][i]!, note)),
);
