import { type ChartProps, ChartFrame, seriesClass, type Series } from './ChartFrame.tsx';

interface StackedBarChartProps extends ChartProps {
  /** The parts of each bar, bottom first. */
  segments: readonly Series[];
  /** The header of the data table's last column, each category's sum. */
  totalHeader: string;
}

/** Stacked bars: a bar per category, a segment per series, its total written above it. */
export function StackedBarChart({ segments, totalHeader, ...chart }: StackedBarChartProps) {
  const { categories, format, formatAxis = format } = chart;
  const totals = categories.map((_, index) => segments.reduce((sum, segment) => sum + (segment.values[index] ?? 0), 0));
  const labels = segments.map((segment) => segment.label);
  const columns = [...segments, { label: totalHeader, values: totals }];
  return (
    <ChartFrame {...chart} className="stacked-chart" legend={labels} largest={Math.max(0, ...totals)} height={280} axisWidth={64} columns={columns}>
      {(plot) => {
        const barWidth = Math.min(72, plot.bandWidth * 0.6);
        return categories.map((category, categoryIndex) => {
          const x = plot.bandLeft(categoryIndex) + (plot.bandWidth - barWidth) / 2;
          const total = totals[categoryIndex] ?? 0;
          let base = 0;
          return (
            <g key={category}>
              {segments.map((segment, segmentIndex) => {
                const value = segment.values[categoryIndex] ?? 0;
                if (value <= 0) return null;
                const top = plot.y(base + value);
                const height = plot.y(base) - top;
                base += value;
                return (
                  // One unit shorter than its share, so a thin gap parts it from the segment above.
                  <rect key={segment.label} x={x} y={top} width={barWidth} height={Math.max(0, height - 1)} className={seriesClass(segmentIndex)}>
                    <title>{`${category} — ${segment.label}: ${format(value)}`}</title>
                  </rect>
                );
              })}
              {total > 0 && (
                <text className="chart-total" x={x + barWidth / 2} y={plot.y(total) - 4} textAnchor="middle">
                  {formatAxis(total)}
                </text>
              )}
            </g>
          );
        });
      }}
    </ChartFrame>
  );
}
