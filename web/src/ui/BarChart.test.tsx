// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BarChart } from './BarChart.tsx';

afterEach(cleanup);

const format = (value: number) => new Intl.NumberFormat('fr').format(value);

function renderChart() {
  return render(
    <BarChart
      title="Demandes par année"
      description="Diagramme en barres de 2021 à 2023."
      categories={['2021', '2022', '2023']}
      series={[
        { label: 'Demandes', values: [3, 0, 1_200] },
        { label: 'Publications', values: [1, 4] },
      ]}
      format={format}
      tableLabel="Tableau de données"
      categoryHeader="Année"
    />,
  );
}

const bars = (container: HTMLElement) => [...container.querySelectorAll('svg[role="img"] rect')];
const number = (element: Element, name: string) => Number(element.getAttribute(name));

describe('a bar chart', () => {
  it('is one image named by its title and described by its sentence', () => {
    renderChart();
    const image = screen.getByRole('img', { name: 'Demandes par année Diagramme en barres de 2021 à 2023.' });
    expect(image.tagName.toLowerCase()).toBe('svg');
    expect(screen.getByRole('figure').querySelector('figcaption')?.textContent).toBe('Demandes par année');
  });

  it('draws a bar per series in each category, its tooltip naming both and the value', () => {
    const { container } = renderChart();
    expect(bars(container).map((bar) => bar.querySelector('title')?.textContent)).toEqual([
      '2021 — Demandes: 3',
      '2021 — Publications: 1',
      '2022 — Demandes: 0',
      '2022 — Publications: 4',
      `2023 — Demandes: ${format(1_200)}`,
      '2023 — Publications: 0',
    ]);
  });

  it('gives bars heights in proportion to their values, side by side in the series’ colours', () => {
    const { container } = renderChart();
    const [first, second, , , tallest, missing] = bars(container);
    if (!first || !second || !tallest || !missing) throw new Error('bars missing');
    expect(number(tallest, 'height') / number(first, 'height')).toBeCloseTo(400);
    expect(number(missing, 'height')).toBe(0);
    expect(number(second, 'x')).toBeGreaterThan(number(first, 'x'));
    expect([first.getAttribute('class'), second.getAttribute('class')]).toEqual(['series-0', 'series-1']);
  });

  it('labels the value axis with round numbers up to a round top, and the category axis with each category', () => {
    const { container } = renderChart();
    expect([...container.querySelectorAll('.chart-grid text')].map((text) => text.textContent?.replace(/\s/g, ' '))).toEqual(['0', '500', '1 000', '1 500', '2 000']);
    expect([...container.querySelectorAll('.chart-axis')].map((text) => text.textContent)).toEqual(['2021', '2022', '2023']);
  });

  it('shows a legend in the bars’ colours, hidden from screen readers who have the table', () => {
    const { container } = renderChart();
    const legend = container.querySelector('.chart-legend');
    expect(legend?.getAttribute('aria-hidden')).toBe('true');
    expect([...(legend?.querySelectorAll('li') ?? [])].map((item) => [item.textContent, item.querySelector('.swatch')?.className])).toEqual([
      ['Demandes', 'swatch series-0'],
      ['Publications', 'swatch series-1'],
    ]);
  });

  it('gives the same figures in a data table, a row per category', () => {
    renderChart();
    const table = screen.getByRole('table', { name: 'Demandes par année', hidden: true });
    expect(within(table).getAllByRole('columnheader', { hidden: true }).map((cell) => cell.textContent)).toEqual(['Année', 'Demandes', 'Publications']);
    expect(within(table).getAllByRole('row', { hidden: true }).slice(1).map((row) => row.textContent)).toEqual(['202131', '202204', `2023${format(1_200)}0`]);
    expect(screen.getByText('Tableau de données').tagName.toLowerCase()).toBe('summary');
  });
});
