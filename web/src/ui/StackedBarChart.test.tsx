// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StackedBarChart } from './StackedBarChart.tsx';

afterEach(cleanup);

const format = (value: number) => `${value} €`;
const formatAxis = (value: number) => `${value / 1_000} k€`;

function renderChart(segments = [
  { label: 'Télécom Paris', values: [1_000, 500] },
  { label: 'Mines Paris', values: [0, 1_500] },
  { label: 'ENSTA', values: [2_000, 1_000] },
]) {
  return render(
    <StackedBarChart
      title="Budget en EUR par année et par école"
      description="Barres empilées, une par année."
      categories={['2026', '2027']}
      segments={segments}
      format={format}
      formatAxis={formatAxis}
      tableLabel="Tableau de données"
      categoryHeader="Année"
      totalHeader="Total"
    />,
  );
}

const segmentsDrawn = (container: HTMLElement) => [...container.querySelectorAll('svg[role="img"] rect')];
const number = (element: Element | undefined, name: string) => Number(element?.getAttribute(name));

describe('a stacked bar chart', () => {
  it('is one image named by its title and described by its sentence, in a figure the forecast page styles', () => {
    renderChart();
    expect(screen.getByRole('img', { name: 'Budget en EUR par année et par école Barres empilées, une par année.' })).toBeTruthy();
    expect(screen.getByRole('figure').classList.contains('stacked-chart')).toBe(true);
  });

  it('stacks a segment per series, bottom first, and draws none for a zero', () => {
    const { container } = renderChart();
    const rects = segmentsDrawn(container);
    expect(rects.map((rect) => rect.querySelector('title')?.textContent)).toEqual([
      '2026 — Télécom Paris: 1000 €',
      '2026 — ENSTA: 2000 €',
      '2027 — Télécom Paris: 500 €',
      '2027 — Mines Paris: 1500 €',
      '2027 — ENSTA: 1000 €',
    ]);
    const [bottom, top] = rects;
    expect(number(top, 'x')).toBe(number(bottom, 'x'));
    // A one-unit gap parts each segment from the one above it.
    expect(number(top, 'y') + number(top, 'height') + 1).toBeCloseTo(number(bottom, 'y'));
    expect((number(top, 'height') + 1) / (number(bottom, 'height') + 1)).toBeCloseTo(2);
    expect(rects.map((rect) => rect.getAttribute('class'))).toEqual(['series-0', 'series-2', 'series-0', 'series-1', 'series-2']);
  });

  it('writes each bar’s total above it, and scales the axis to the largest total', () => {
    const { container } = renderChart();
    expect([...container.querySelectorAll('.chart-total')].map((text) => text.textContent)).toEqual(['3 k€', '3 k€']);
    expect([...container.querySelectorAll('.chart-grid text')].map((text) => text.textContent)).toEqual(['0 k€', '1 k€', '2 k€', '3 k€', '4 k€', '5 k€']);
    expect([...container.querySelectorAll('.chart-axis')].map((text) => text.textContent)).toEqual(['2026', '2027']);
  });

  it('writes no total over an empty year', () => {
    const { container } = renderChart([{ label: 'Télécom Paris', values: [0, 800] }]);
    expect([...container.querySelectorAll('.chart-total')].map((text) => text.textContent)).toEqual(['0.8 k€']);
  });

  it('names every series in the legend, in its segments’ colours, taking the ten colours again past the tenth', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({ label: `École ${index + 1}`, values: [100, 100] }));
    const { container } = renderChart(many);
    const legend = [...container.querySelectorAll('.chart-legend li')];
    expect(legend.map((item) => item.textContent)).toEqual(many.map((segment) => segment.label));
    const colours = legend.map((item) => item.querySelector('.swatch')?.classList[1]);
    expect(colours).toEqual([...Array.from({ length: 10 }, (_, index) => `series-${index}`), 'series-0', 'series-1']);
    expect(segmentsDrawn(container).slice(0, 12).map((rect) => rect.getAttribute('class'))).toEqual(colours);
  });

  it('finds a colour in the style sheet for each of the ten series classes', () => {
    // Read from disk: the test runner hands style sheets to tests empty.
    const styles = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../styles.css'), 'utf8');
    const coloured = [...styles.matchAll(/^\.chart \.(series-\d+) \{ fill: (#[0-9a-f]{6}); background: \2; \}$/gm)].map((match) => match[1]);
    expect(coloured).toEqual(Array.from({ length: 10 }, (_, index) => `series-${index}`));
  });

  it('gives the amounts in full in a data table, with each year’s total', () => {
    renderChart();
    const table = screen.getByRole('table', { name: 'Budget en EUR par année et par école', hidden: true });
    expect(within(table).getAllByRole('columnheader', { hidden: true }).map((cell) => cell.textContent)).toEqual(['Année', 'Télécom Paris', 'Mines Paris', 'ENSTA', 'Total']);
    expect(within(table).getAllByRole('row', { hidden: true })[2]?.textContent).toBe('2027500 €1500 €1000 €3000 €');
  });
});
