import { useId } from 'react';
import { niceMax } from '../../ui/BarChart.tsx';

export interface Segment {
  label: string;
  /** One value per category. */
  values: readonly number[];
}

interface StackedBarChartProps {
  title: string;
  /** One sentence that says what the chart shows, read by screen readers with the title. */
  description: string;
  categories: readonly string[];
  segments: readonly Segment[];
  format: (value: number) => string;
  formatAxis: (value: number) => string;
  tableLabel: string;
  categoryHeader: string;
  totalHeader: string;
}

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 12, bottom: 32, left: 64 };
/** Colours told apart by most readers, each at least 3:1 against white (WCAG 1.4.11). */
export const SEGMENT_COLOURS = ['#1d4ed8', '#0f766e', '#b45309', '#7e22ce', '#be123c', '#4d7c0f', '#475569', '#a16207', '#0e7490', '#c2410c'];

/**
 * Stacked bars in plain SVG: a bar per category, a segment per series, with a legend; the same figures
 * in a data table for screen readers and for copying.
 */
export function StackedBarChart({ title, description, categories, segments, format, formatAxis, tableLabel, categoryHeader, totalHeader }: StackedBarChartProps) {
  const id = useId();
  const totals = categories.map((_, index) => segments.reduce((sum, segment) => sum + (segment.values[index] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const slot = plotWidth / Math.max(1, categories.length);
  const barWidth = Math.min(72, slot * 0.6);
  const y = (value: number) => MARGIN.top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((fraction) => fraction * max);
  const colour = (index: number) => SEGMENT_COLOURS[index % SEGMENT_COLOURS.length];

  return (
    <figure className="chart stacked-chart">
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p id={`${id}-desc`} className="visually-hidden">
        {description}
      </p>
      <ul className="chart-legend" aria-hidden="true">
        {segments.map((segment, index) => (
          <li key={segment.label}>
            <svg className="swatch" viewBox="0 0 10 10" aria-hidden="true">
              <rect width="10" height="10" fill={colour(index)} />
            </svg>
            {segment.label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        {ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatAxis(tick)}
            </text>
          </g>
        ))}
        {categories.map((category, categoryIndex) => {
          const x = MARGIN.left + categoryIndex * slot + (slot - barWidth) / 2;
          let base = 0;
          return (
            <g key={category}>
              {segments.map((segment, segmentIndex) => {
                const value = segment.values[categoryIndex] ?? 0;
                if (value <= 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return (
                  <rect key={segment.label} x={x} y={top} width={barWidth} height={Math.max(0, height - 1)} fill={colour(segmentIndex)}>
                    <title>{`${category} — ${segment.label}: ${format(value)}`}</title>
                  </rect>
                );
              })}
              <text className="chart-axis" x={x + barWidth / 2} y={HEIGHT - 10} textAnchor="middle">
                {category}
              </text>
              {(totals[categoryIndex] ?? 0) > 0 && (
                <text className="chart-total" x={x + barWidth / 2} y={y(totals[categoryIndex] ?? 0) - 4} textAnchor="middle">
                  {formatAxis(totals[categoryIndex] ?? 0)}
                </text>
              )}
            </g>
          );
        })}
        <line className="chart-baseline" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
      </svg>
      <details className="chart-data">
        <summary>{tableLabel}</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryHeader}</th>
                {segments.map((segment) => (
                  <th key={segment.label} scope="col" className="numeric">
                    {segment.label}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  {totalHeader}
                </th>
              </tr>
            </thead>
            <tbody>
              {categories.map((category, index) => (
                <tr key={category}>
                  <th scope="row">{category}</th>
                  {segments.map((segment) => (
                    <td key={segment.label} className="numeric">
                      {format(segment.values[index] ?? 0)}
                    </td>
                  ))}
                  <td className="numeric">{format(totals[index] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
