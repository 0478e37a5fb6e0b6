import type { CSSProperties } from "react";

/** The shared summary list has a third column for "Change" links; these answers have none. */
export const TWO_COLUMN_LIST: CSSProperties = { gridTemplateColumns: "minmax(10rem, 1fr) 2fr" };
