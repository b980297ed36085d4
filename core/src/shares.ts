/**
 * Shares and contributions are percentages that must add up to exactly 100 (co-owner shares of an
 * asset, inventors' contributions to an invention). Computed in hundredths so 33.33 + 33.33 + 33.34 is
 * exactly 100.
 */
export function sumsToHundred(values: readonly number[]): boolean {
  const hundredths = values.reduce((sum, value) => sum + Math.round(value * 100), 0);
  return hundredths === 10_000;
}

/** Returns the first value that appears twice, or undefined. */
export function firstDuplicate<T>(values: readonly T[]): T | undefined {
  const seen = new Set<T>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return undefined;
}
