import { type ReactNode, useId } from 'react';
import { valueAxis } from './value-axis.ts';

/** One series of a chart: its name and one value per category. */
export interface Series {
  label: string;
  values: readonly number[];
}

/** What every chart is given: its name, what it shows, its categories and how its numbers read. */
export interface ChartProps {
  title: string;
  /** One sentence that says what the chart shows, read by screen readers with the title. */
  description: string;
  categories: readonly string[];
  /** A value in full, as each bar's tooltip and the data table give it. */
  format: (value: number) => string;
  /** A value where room is short, as on the value axis; `format` when not given. */
  formatAxis?: (value: number) => string;
  tableLabel: string;
  categoryHeader: string;
}

/** Where marks go: the height of a value, and the band of the category axis that holds each category. */
export interface Plot {
  y: (value: number) => number;
  bandLeft: (categoryIndex: number) => number;
  bandWidth: number;
}

interface ChartFrameProps extends ChartProps {
  className?: string;
  /** The names the legend shows, each in the colour of `seriesClass(index)`. */
  legend: readonly string[];
  /** The largest value a bar reaches; the value axis is scaled to it. */
  largest: number;
  /** The drawing's height in its own units, and the room left of the plot for the value axis labels. */
  height: number;
  axisWidth: number;
  /** The columns of the data table, one row a category. */
  columns: readonly Series[];
  /** Draws the marks over the gridlines and under the baseline. */
  children: (plot: Plot) => ReactNode;
}

const WIDTH = 720;
const MARGIN = { top: 16, right: 12, bottom: 32 };
/** How many series colours styles.css gives (`.series-0` to `.series-9`); further series take them again in turn. */
const SERIES_COLOURS = 10;

/** The class that colours the series at `index`, on its marks and on its legend swatch. */
export function seriesClass(index: number): string {
  return `series-${index % SERIES_COLOURS}`;
}

/**
 * What bar charts share, in plain SVG: the caption and description that name the drawing for screen
 * readers, the legend, the value axis with round gridlines, the category axis, and the same figures in a
 * data table for screen readers and for copying. The chart draws its own marks through `children`.
 */
export function ChartFrame(props: ChartFrameProps) {
  const { title, description, categories, format, formatAxis = format, tableLabel, categoryHeader } = props;
  const { className, legend, largest, height, axisWidth, columns, children } = props;
  const id = useId();
  const axis = valueAxis(largest);
  const left = axisWidth;
  const right = WIDTH - MARGIN.right;
  const bottom = height - MARGIN.bottom;
  const bandWidth = (right - left) / Math.max(1, categories.length);
  const plot: Plot = {
    y: (value) => bottom - (value / axis.max) * (bottom - MARGIN.top),
    bandLeft: (categoryIndex) => left + categoryIndex * bandWidth,
    bandWidth,
  };

  return (
    <figure className={className ? `chart ${className}` : 'chart'}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      <p id={`${id}-desc`} className="visually-hidden">
        {description}
      </p>
      <ul className="chart-legend" aria-hidden="true">
        {legend.map((label, index) => (
          <li key={label}>
            <span className={`swatch ${seriesClass(index)}`} />
            {label}
          </li>
        ))}
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        {axis.ticks.map((tick) => (
          <g key={tick} className="chart-grid">
            <line x1={left} x2={right} y1={plot.y(tick)} y2={plot.y(tick)} />
            <text x={left - 6} y={plot.y(tick) + 4} textAnchor="end">
              {formatAxis(tick)}
            </text>
          </g>
        ))}
        {children(plot)}
        {categories.map((category, index) => (
          <text key={category} className="chart-axis" x={plot.bandLeft(index) + bandWidth / 2} y={height - 10} textAnchor="middle">
            {category}
          </text>
        ))}
        <line className="chart-baseline" x1={left} x2={right} y1={bottom} y2={bottom} />
      </svg>
      <details className="chart-data">
        <summary>{tableLabel}</summary>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{categoryHeader}</th>
                {columns.map((column) => (
                  <th key={column.label} scope="col" className="numeric">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category, index) => (
                <tr key={category}>
                  <th scope="row">{category}</th>
                  {columns.map((column) => (
                    <td key={column.label} className="numeric">
                      {format(column.values[index] ?? 0)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
