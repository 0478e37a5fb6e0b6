import type { ReactNode } from "react";
import styles from "./staff.module.css";

/** A definition list of facts about a case, shared by the case page and each service's details. */
export function Summary({ children }: { children: ReactNode }) {
  return <dl className={`summary-list ${styles.summary}`}>{children}</dl>;
}

export function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
