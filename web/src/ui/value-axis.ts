/** The top of a chart's value axis and the values its gridlines are drawn at, in ascending order from 0. */
export interface ValueAxis {
  max: number;
  ticks: readonly number[];
}

/**
 * The axis for bars reaching up to `largest`, in whole units (counts, amounts in a currency's units).
 * The top is 1, 2 or 5 times a power of ten, at least 1, so the bars fill most of the height; the lines
 * split it into steps that are round too: quarters of a 1 or a 2, fifths of a 5 (quarters of 5 000 would
 * put lines at 1 250 and 3 750, which a short label rounds to a number that is not the line's). A line
 * that would fall between two whole units is left out.
 */
export function valueAxis(largest: number): ValueAxis {
  if (!(largest > 1)) return { max: 1, ticks: [0, 1] };
  const power = 10 ** Math.floor(Math.log10(largest));
  const multiple = [1, 2, 5].find((candidate) => candidate * power >= largest) ?? 10;
  const max = multiple * power;
  const steps = multiple === 5 ? 5 : 4;
  const ticks = Array.from({ length: steps + 1 }, (_, index) => (index * max) / steps).filter((tick) => Number.isInteger(tick));
  return { max, ticks };
}
