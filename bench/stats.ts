/** One measured figure of bench/results.json. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  inputs: Record<string, string | number | boolean>;
}

/** The p-th percentile (nearest rank) of a list of measurements. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('no measurements');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** A one-line progress bar on stderr, redrawn in place on a terminal. */
export function progressBar(label: string, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
  process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
}
