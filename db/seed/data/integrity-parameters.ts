const SINCE_ALWAYS = "2000-01-01";

/** Parameters of the duplicate check and of break-glass access (issue 6); all are proposals [INF]. */
export const INTEGRITY_PARAMETERS = [
  {
    key: "duplicate_name_similarity",
    value: 0.6,
    effectiveFrom: SINCE_ALWAYS,
    description:
      "Two people with the same date of birth are a potential duplicate when the trigram similarity of their transliteration-normalised names is at least this (0 to 1).",
    source: "issue 6 (duplicate check: fuzzy name + date of birth); proposal [INF]",
  },
  {
    key: "break_glass_minutes",
    value: 60,
    effectiveFrom: SINCE_ALWAYS,
    description: "A break-glass grant lets its holder read a case outside their regions for this many minutes.",
    source: "issue 6 (break-glass access expires after a parameterised time); proposal [INF]",
  },
  {
    key: "break_glass_requests_per_day",
    value: 10,
    effectiveFrom: SINCE_ALWAYS,
    description: "How many break-glass requests one member of staff may make in 24 hours, so references cannot be tried one after another.",
    source: "issue 6 (break-glass access); proposal [INF]",
  },
];
