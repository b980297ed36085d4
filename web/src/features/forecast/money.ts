import type { Currency } from '#core/fees/fee-table';

type FormatNumber = (value: number, options?: Intl.NumberFormatOptions) => string;

/** An amount in its own currency, in the reader's language: cents only when there are some. */
export function formatMoney(formatNumber: FormatNumber, amount: number, currency: Currency): string {
  const whole = Number.isInteger(amount);
  return formatNumber(amount, { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
}

/** A short amount for a chart's axis: "12 k€", "$1.2M". */
export function formatCompactMoney(formatNumber: FormatNumber, amount: number, currency: Currency): string {
  return formatNumber(amount, { style: 'currency', currency, notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });
}
