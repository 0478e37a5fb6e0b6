import type { ParameterPeriod } from "@/lib/dal/admin";

/** Whether a period is in force today, still to come or over; in words, not only by colour. */
export function PeriodTag({
  period,
  labels,
}: {
  period: Pick<ParameterPeriod, "inForce" | "scheduled">;
  labels: { inForce: string; scheduled: string; ended: string };
}) {
  if (period.inForce) return <strong className="tag tag--green">{labels.inForce}</strong>;
  if (period.scheduled) return <strong className="tag tag--yellow">{labels.scheduled}</strong>;
  return <strong className="tag tag--grey">{labels.ended}</strong>;
}
