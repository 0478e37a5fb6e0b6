import styles from "./staff.module.css";

/** Status and flag tags. Every tag carries its text: colour only repeats what the words say. */

const STATUS_CLASS: Record<string, string> = {
  submitted: "tag",
  under_review: "tag tag--yellow",
  returned_for_correction: "tag tag--grey",
  registered: "tag tag--green",
  refused: "tag tag--red",
};

const FLAG_CLASS: Record<string, string> = {
  late_filing: "tag tag--red",
  late_tier_a: "tag tag--red",
  late_tier_b: "tag tag--red",
  overstay: "tag tag--red",
  protected_person: "tag",
  eaeu_worker: "tag tag--grey",
};

export function StatusTag({ status, label }: { status: string; label: string }) {
  return (
    <strong className={STATUS_CLASS[status] ?? "tag tag--grey"} data-status={status}>
      {label}
    </strong>
  );
}

export function FlagTags({ flags, label, none }: { flags: readonly string[]; label: (flag: string) => string; none: string }) {
  if (!flags.length) return <span className="muted">{none}</span>;
  return (
    <ul className={styles.tags}>
      {flags.map((f) => (
        <li key={f}>
          <span className={FLAG_CLASS[f] ?? "tag tag--grey"}>{label(f)}</span>
        </li>
      ))}
    </ul>
  );
}

export type DueState = "overdue" | "today" | null;

/** Overdue: the due date is before today in Kazakhstan; a case due today is still on time. */
export function dueState(dueOn: string | null, today: string): DueState {
  if (!dueOn) return null;
  return dueOn < today ? "overdue" : dueOn === today ? "today" : null;
}

export function DueMark({ state, overdue, today }: { state: DueState; overdue: string; today: string }) {
  if (state === "overdue") return <span className="tag tag--red">{overdue}</span>;
  if (state === "today") return <span className="tag tag--yellow">{today}</span>;
  return null;
}
