export type CsvCell = string | number | boolean | null | undefined;

/**
 * Quotes a cell when it holds the separator, a quote or a line break (RFC 4180), and defuses text that a
 * spreadsheet would run as a formula (=, +, -, @ first: OWASP "CSV injection").
 */
export function csvCell(value: CsvCell, separator: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  if (text.includes(separator) || /["\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function toCsv(rows: readonly (readonly CsvCell[])[], separator = ','): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n') + '\r\n';
}

/** A UTF-8 byte-order mark first, or Excel reads the file in the system's legacy code page. */
export const BOM = '\uFEFF';

export function downloadCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([BOM + csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
