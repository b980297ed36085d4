import { type ChartProps, ChartFrame, seriesClass, type Series } from './ChartFrame.tsx';

interface BarChartProps extends ChartProps {
  series: readonly Series[];
}

/** Grouped bars: in each category a bar per series, side by side. */
export function BarChart({ series, ...chart }: BarChartProps) {
  const largest = Math.max(0, ...series.flatMap((serie) => serie.values));
  const labels = series.map((serie) => serie.label);
  return (
    <ChartFrame {...chart} legend={labels} largest={largest} height={260} axisWidth={40} columns={series}>
      {(plot) => {
        const barWidth = Math.min(28, (plot.bandWidth * 0.8) / Math.max(1, series.length));
        return chart.categories.map((category, categoryIndex) => {
          const groupX = plot.bandLeft(categoryIndex) + (plot.bandWidth - barWidth * series.length) / 2;
          return (
            <g key={category}>
              {series.map((serie, serieIndex) => {
                const value = serie.values[categoryIndex] ?? 0;
                return (
                  <rect
                    key={serie.label}
                    x={groupX + serieIndex * barWidth}
                    y={plot.y(value)}
                    width={barWidth - 2}
                    height={Math.max(0, plot.y(0) - plot.y(value))}
                    className={seriesClass(serieIndex)}
                  >
                    <title>{`${category} — ${serie.label}: ${chart.format(value)}`}</title>
                  </rect>
                );
              })}
            </g>
          );
        });
      }}
    </ChartFrame>
  );
}
