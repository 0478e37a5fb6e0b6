/**
 * The one date that matters most for a case in the applicant's list: the statutory decision date
 * while it runs (cases.dueOn, the engine's deadline), otherwise how long what was granted lasts.
 */
export type StatutoryDate = { kind: "due" | "validUntil" | "statusEnds" | "permitUntil"; date: string };

const str = (v: unknown): string | null => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : null);

// After an extension the end date copied into the application is the old one: it is not shown.
const STATUS_END_REPLACED = new Set(["extended", "certificate_issued"]);

export function statutoryDate(c: { status: string; dueOn: string | null; data: Record<string, unknown> }): StatutoryDate | null {
  if (c.dueOn) return { kind: "due", date: c.dueOn };
  const data = c.data as { registration?: { validUntil?: unknown }; permit?: { validUntil?: unknown }; status?: { endsOn?: unknown } };
  const registration = str(data.registration?.validUntil);
  if (registration) return { kind: "validUntil", date: registration };
  const permit = str(data.permit?.validUntil);
  if (permit) return { kind: "permitUntil", date: permit };
  const status = str(data.status?.endsOn);
  if (status && !STATUS_END_REPLACED.has(c.status)) return { kind: "statusEnds", date: status };
  return null;
}
