import { COUNTRIES } from "@/db/seed/data/countries";
import { REGIONS } from "@/db/seed/data/regions";
import { RULE_PARAMETERS } from "@/db/seed/data/rule-parameters";
import { VISA_REGIMES } from "@/db/seed/data/visa-regimes";
import { kazakhstanCalendar } from "@/lib/rules/kz-holidays";
import { parameterReaderFrom } from "@/lib/rules/parameters";
import { referenceDataFrom } from "@/lib/rules/reference";

/** The seeded parameters and reference data, as pure objects for rule unit tests (no database). */
export const seededParams = parameterReaderFrom(RULE_PARAMETERS.map((p) => ({ key: p.key, value: p.value, effectiveFrom: p.effectiveFrom, effectiveTo: p.effectiveTo ?? null })));

export const seededRef = referenceDataFrom({
  countries: COUNTRIES.map((c) => ({ eaeuFrom: null, eaeuTo: null, ...c })),
  regions: REGIONS.map((r) => ({ validTo: null, ...r })),
  visaRegimes: VISA_REGIMES.map((v, i) => ({ id: String(i), days: null, effectiveTo: null, note: null, ...v })),
  calendarDays: kazakhstanCalendar([2025, 2026, 2027]),
});
