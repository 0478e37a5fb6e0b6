/**
 * The shape of a report table and how its cells read, shared by the page and by the CSV and XLSX
 * downloads, so that a download holds exactly the rows and texts the screen shows.
 */

export type CellValue = string | number | null;
export type ReportRow = Record<string, CellValue>;

export type ColumnKind =
  /** 'YYYY-MM' */
  | "month"
  | "year"
  /** A region code, shown by its name. */
  | "region"
  /** An ISO alpha-3 code, shown by its name. */
  | "country"
  /** A code shown through the message under `labels` (e.g. "hp.categories"). */
  | "code"
  | "count"
  /** A share in percent (0–100, one decimal), null when there is nothing to divide. */
  | "percent";

export interface ReportColumn {
  key: string;
  kind: ColumnKind;
  /** Message prefix for a code column. */
  labels?: string;
}

/** Names for codes in the reader's language. */
export interface Labeler {
  region(code: string): string;
  country(code: string): string;
  code(prefix: string, code: string): string;
}

/** A cell as shown: names for codes, numbers stay numbers (the XLSX keeps them numeric). */
export function displayCell(column: ReportColumn, value: CellValue, labels: Labeler): CellValue {
  if (value === null || value === undefined) return null;
  switch (column.kind) {
    case "region":
      return labels.region(String(value));
    case "country":
      return labels.country(String(value));
    case "code":
      return column.labels ? labels.code(column.labels, String(value)) : String(value);
    case "count":
    case "percent":
      return Number(value);
    default:
      return String(value);
  }
}

export function displayRows(columns: readonly ReportColumn[], rows: readonly ReportRow[], labels: Labeler): CellValue[][] {
  return rows.map((row) => columns.map((c) => displayCell(c, row[c.key] ?? null, labels)));
}

/** Share of part in whole in percent with one decimal; null for an empty whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}
