/**
 * Horizontal bars hand-drawn in SVG, as the use-log chart draws its bars: one row per label, the value written at
 * the bar's end. The chart is a picture of the figures listed beside it, so it is hidden from screen readers.
 */
const ROW = 22;
const LABEL_W = 210;
const W = 560;

export function BarChart({
  title,
  bars,
  max,
  format = String,
}: {
  title: string;
  bars: ReadonlyArray<{ label: string; value: number | null }>;
  /** The value a full-width bar stands for (100 for percentages); the largest value when omitted. */
  max?: number;
  format?: (v: number) => string;
}) {
  const top = Math.max(1, max ?? Math.max(0, ...bars.map((b) => b.value ?? 0)));
  const plot = W - LABEL_W - 60;
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <svg
        width={W}
        height={bars.length * ROW + 4}
        viewBox={`0 0 ${W} ${bars.length * ROW + 4}`}
        aria-hidden="true"
      >
        {bars.map((b, i) => {
          const y = i * ROW + 2;
          const w = b.value === null ? 0 : (plot * b.value) / top;
          return (
            <g key={b.label}>
              <text x={LABEL_W - 8} y={y + 14} textAnchor="end">
                {b.label}
              </text>
              <rect className="bar" x={LABEL_W} y={y + 3} width={Math.max(0, w)} height={ROW - 8} />
              <text x={LABEL_W + w + 6} y={y + 14}>
                {b.value === null ? 'none eligible' : format(b.value)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
