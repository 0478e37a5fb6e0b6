import type { DeadlineState } from "@/lib/engine/deadline";

const CLASS: Record<DeadlineState, string | null> = {
  on_time: "tag tag--green",
  due_soon: "tag tag--yellow",
  overdue: "tag tag--red",
  stopped: "tag tag--grey",
  none: null,
};

/**
 * The deadline state as a tag, the same on the case page, in queue rows and in the approval inbox.
 * Pass the translated `deadlines.state.<state>` as label; colour only repeats what the words say.
 * Get the state from `loadDeadlineJudge` (lib/dal/deadlines.ts).
 */
export function DeadlineBadge({ state, label }: { state: DeadlineState; label: string }) {
  const className = CLASS[state];
  if (!className) return null;
  return (
    <strong className={className} data-deadline-state={state}>
      {label}
    </strong>
  );
}
