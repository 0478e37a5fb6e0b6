import styles from "./charts.module.css";

/**
 * Server-rendered SVG bar charts: no client JavaScript. Series are told apart by pattern as well as
 * colour (WCAG 1.4.1), the fills have at least 3:1 contrast against white (1.4.11), and every chart
 * comes with a real table of the same figures (ChartFigure), which is what screen readers use.
 */

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  values: readonly number[];
}

/** Dark fills (≥ 3:1 on white) each paired with a distinct pattern. */
const FILLS = ["#1d4e89", "#a13d00", "#2b6a2e", "#5b3a8c", "#6b5200"] as const;
const PATTERNS = ["solid", "diagonal", "dots", "cross", "vertical"] as const;

function patternId(chartId: string, index: number): string {
  return `${chartId}-p${index}`;
}

function PatternDefs({ chartId, count }: { chartId: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const fill = FILLS[i % FILLS.length]!;
        const kind = PATTERNS[i % PATTERNS.length]!;
        return (
          <pattern key={i} id={patternId(chartId, i)} patternUnits="userSpaceOnUse" width="8" height="8">
            <rect width="8" height="8" fill={kind === "solid" ? fill : "#ffffff"} />
            {kind === "diagonal" ? <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke={fill} strokeWidth="3" /> : null}
            {kind === "dots" ? <rect width="8" height="8" fill={fill} fillOpacity="0.25" /> : null}
            {kind === "dots" ? <circle cx="4" cy="4" r="2.5" fill={fill} /> : null}
            {kind === "cross" ? <path d="M0,4 h8 M4,0 v8" stroke={fill} strokeWidth="2.5" /> : null}
            {kind === "vertical" ? <path d="M2,0 v8 M6,0 v8" stroke={fill} strokeWidth="2.5" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** The pattern swatch of a series, for the legend. */
export function Swatch({ chartId, index }: { chartId: string; index: number }) {
  return (
    <svg className={styles.swatch} viewBox="0 0 24 16" aria-hidden="true" focusable="false">
      <PatternDefs chartId={`${chartId}-legend${index}`} count={index + 1} />
      <rect width="24" height="16" fill={`url(#${patternId(`${chartId}-legend${index}`, index)})`} stroke={FILLS[index % FILLS.length]} strokeWidth="2" />
    </svg>
  );
}

const WIDTH = 760;
const LABEL_WIDTH = 280;
const VALUE_SPACE = 56;
const BAR = 18;
const GAP = 12;
/** Longer row labels are cut in the drawing; the table beside it has them in full. */
const LABEL_CHARS = 36;

/**
 * Horizontal bars: one group per row; "grouped" draws one bar per series, "stacked" one bar whose
 * segments add up (for parts of a whole, e.g. used and free places).
 */
export function BarChart({
  id,
  title,
  description,
  series,
  rows,
  mode = "grouped",
  format,
}: {
  id: string;
  title: string;
  description: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
  mode?: "grouped" | "stacked";
  format: (n: number) => string;
}) {
  const plot = WIDTH - LABEL_WIDTH - VALUE_SPACE;
  const totals = rows.map((r) => r.values.reduce((s, v) => s + v, 0));
  const max = Math.max(1, ...(mode === "stacked" ? totals : rows.flatMap((r) => [...r.values])));
  const barsPerRow = mode === "stacked" ? 1 : series.length;
  const rowHeight = barsPerRow * BAR + GAP;
  const height = rows.length * rowHeight + GAP;
  const scale = (v: number) => (v / max) * plot;
  return (
    <svg className={styles.chart} viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} focusable="false">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <PatternDefs chartId={id} count={series.length} />
      <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} stroke="#0b0c0c" strokeWidth="1" />
      {rows.map((row, r) => {
        const top = GAP / 2 + r * rowHeight;
        const labelY = top + (barsPerRow * BAR) / 2 + 5;
        let offset = 0;
        return (
          <g key={r}>
            <text x={LABEL_WIDTH - 8} y={labelY} textAnchor="end" fontSize="14" fill="#0b0c0c">
              {row.label.length > LABEL_CHARS ? `${row.label.slice(0, LABEL_CHARS - 1)}…` : row.label}
            </text>
            {row.values.map((v, s) => {
              const w = scale(v);
              const x = mode === "stacked" ? LABEL_WIDTH + offset : LABEL_WIDTH;
              const y = mode === "stacked" ? top : top + s * BAR;
              offset += w;
              return (
                <g key={s}>
                  {w > 0 ? <rect x={x} y={y} width={w} height={BAR - 2} fill={`url(#${patternId(id, s)})`} stroke={FILLS[s % FILLS.length]} strokeWidth="1.5" /> : null}
                  {mode === "grouped" ? (
                    <text x={LABEL_WIDTH + w + 4} y={y + BAR - 4} fontSize="13" fill="#0b0c0c">
                      {format(v)}
                    </text>
                  ) : null}
                </g>
              );
            })}
            {mode === "stacked" ? (
              <text x={LABEL_WIDTH + offset + 4} y={top + BAR - 4} fontSize="13" fill="#0b0c0c">
                {format(totals[r]!)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
