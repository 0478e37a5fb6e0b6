import type { ReactNode } from "react";
import { BarChart, Swatch, type ChartRow, type ChartSeries } from "./bar-chart";
import styles from "./charts.module.css";

export interface TableColumn {
  label: string;
}

/**
 * A chart with everything that makes it accessible: a caption, a one-sentence text summary, a
 * legend with the same patterns, and the figures as a real table behind a disclosure (<details>),
 * which keyboards and screen readers handle natively.
 */
export function ChartFigure({
  id,
  caption,
  summary,
  series,
  rows,
  mode,
  format,
  tableLabel,
  rowHeader,
  table,
  empty,
}: {
  id: string;
  caption: string;
  summary: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  mode?: "grouped" | "stacked";
  format: (n: number) => string;
  /** The disclosure's text, e.g. "Show the figures as a table". */
  tableLabel: string;
  /** Header of the first column (what each row is). */
  rowHeader: string;
  /** Header and cells of the table; defaults to the chart's own series and values. */
  table?: { columns: readonly TableColumn[]; rows: readonly { label: string; cells: readonly ReactNode[] }[] };
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string;
}) {
  const columns = table?.columns ?? series.map((s) => ({ label: s.label }));
  const tableRows = table?.rows ?? rows.map((r) => ({ label: r.label, cells: r.values.map(format) }));
  return (
    <figure className={styles.figure} aria-labelledby={`${id}-caption`} data-chart={id}>
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      {rows.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <>
          <p className={styles.summary}>{summary}</p>
          {series.length > 1 ? (
            <ul className={styles.legend}>
              {series.map((s, i) => (
                <li key={s.key}>
                  <Swatch chartId={id} index={i} />
                  {s.label}
                </li>
              ))}
            </ul>
          ) : null}
          <BarChart id={id} title={caption} description={summary} series={series} rows={rows} mode={mode} format={format} />
          <details className={styles.details}>
            <summary>{tableLabel}</summary>
            <div className={styles.tableScroll}>
              <table className="data">
                <caption>{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{rowHeader}</th>
                    {columns.map((c) => (
                      <th scope="col" key={c.label}>
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {tableRows.map((r, i) => (
                    <tr key={i}>
                      <th scope="row">{r.label}</th>
                      {r.cells.map((c, j) => (
                        <td key={j}>{c}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </>
      )}
    </figure>
  );
}
