import { useId } from 'react';

export interface Series {
  label: string;
  values: readonly number[];
}

interface BarChartProps {
  title: string;
  /** One sentence that says what the chart shows, read by screen readers with the title. */
  description: string;
  categories: readonly string[];
  series: readonly Series[];
  formatNumber: (value: number) => string;
  tableLabel: string;
  categoryHeader: string;
}

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 12, bottom: 32, left: 40 };

/** Rounds the axis up to 1, 2 or 5 times a power of ten, so ticks read as round numbers. */
export function niceMax(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 5, 10].map((step) => step * power);
  return steps.find((step) => step >= value) ?? 10 * power;
}

/** A grouped bar chart in plain SVG, with the same numbers in a table for screen readers and for copying. */
export function BarChart({ title, description, categories, series, formatNumber, tableLabel, categoryHeader }: BarChartProps) {
  const id = useId();
  const max = niceMax(Math.max(0, ...series.flatMap((serie) => serie.values)));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const groupWidth = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.min(28, (groupWidth * 0.8) / Math.max(1, series.length));
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => fraction * max).filter((tick) => Number.isInteger(tick));

  return (
    <figure className="chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p id={`${id}-desc`} className="visually-hidden">
        {description}
      </p>
      <ul className="chart-legend" aria-hidden="true">
        {series.map((serie, index) => (
          <li key={serie.label}>
            <span className={`swatch series-${index}`} />
            {serie.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        {ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatNumber(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, categoryIndex) => {
          const groupX = MARGIN.left + categoryIndex * groupWidth + (groupWidth - barWidth * series.length) / 2;
          return (
            <g key={category}>
              {series.map((serie, serieIndex) => {
                const value = serie.values[categoryIndex] ?? 0;
                return (
                  <rect
                    key={serie.label}
                    className={`series-${serieIndex}`}
                    x={groupX + serieIndex * barWidth}
                    y={y(value)}
                    width={barWidth - 2}
                    height={Math.max(0, MARGIN.top + plotHeight - y(value))}
                  >
                    <title>{`${category} — ${serie.label}: ${formatNumber(value)}`}</title>
                  </rect>
                );
              })}
              <text className="chart-axis" x={MARGIN.left + categoryIndex * groupWidth + groupWidth / 2} y={HEIGHT - 10} textAnchor="middle">
                {category}
              </text>
            </g>
          );
        })}
        <line className="chart-baseline" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
      </svg>
      <details className="chart-data">
        <summary>{tableLabel}</summary>
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{categoryHeader}</th>
              {series.map((serie) => (
                <th key={serie.label} scope="col" className="numeric">
                  {serie.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => (
              <tr key={category}>
                <th scope="row">{category}</th>
                {series.map((serie) => (
                  <td key={serie.label} className="numeric">
                    {formatNumber(serie.values[index] ?? 0)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
