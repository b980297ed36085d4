import { describe, expect, it } from 'vitest';
import { CsvParser, CsvReadError, type CsvRow } from './csv-rows.ts';
import type { XmlLimits } from './safe-xml-parser.ts';

/** Parses a whole text, optionally a few characters at a time. */
function parse(text: string, options: { delimiter?: string; chunk?: number; limits?: XmlLimits } = {}): CsvRow[] {
  const parser = new CsvParser(options.delimiter ?? ',', options.limits);
  const rows: CsvRow[] = [];
  const chunk = options.chunk ?? text.length;
  for (let start = 0; start < text.length; start += chunk) {
    parser.write(text.slice(start, start + chunk));
    rows.push(...parser.drain());
  }
  parser.end();
  rows.push(...parser.drain());
  return rows;
}

const cellsOf = (rows: CsvRow[]) => rows.map((row) => row.cells);

describe('CSV rows (RFC 4180)', () => {
  it('reads quoted fields holding delimiters, doubled quotes and line breaks', () => {
    const text = 'a,"b, with comma","say ""hi""","two\r\nlines",\r\nlast,row,,"",x';
    expect(cellsOf(parse(text))).toEqual([
      ['a', 'b, with comma', 'say "hi"', 'two\r\nlines', ''],
      ['last', 'row', '', '', 'x'],
    ]);
  });

  it('takes CRLF, LF and a lone CR as line ends, skips empty lines and numbers rows by their first line', () => {
    const rows = parse('h1,h2\r\n\r\n"multi\nline",1\n2,3\r4,5\n');
    expect(cellsOf(rows)).toEqual([
      ['h1', 'h2'],
      ['multi\nline', '1'],
      ['2', '3'],
      ['4', '5'],
    ]);
    expect(rows.map((row) => row.line)).toEqual([1, 3, 5, 6]);
  });

  it('gives the same rows whatever the chunks, even cut inside quotes and CRLF', () => {
    const text = 'x;"a;""b""\r\nc";y\r\n1;2;3\r\n';
    const whole = parse(text, { delimiter: ';' });
    expect(cellsOf(whole)).toEqual([
      ['x', 'a;"b"\r\nc', 'y'],
      ['1', '2', '3'],
    ]);
    for (const chunk of [1, 2, 3, 5]) expect(parse(text, { delimiter: ';', chunk })).toEqual(whole);
  });

  it('keeps a quote inside an unquoted field as a character', () => {
    expect(cellsOf(parse('5" screen,ok'))).toEqual([['5" screen', 'ok']]);
  });

  it('reports a character after a closing quote on its row and goes on with the next line', () => {
    const rows = parse('a,"b"c,d\nnext,row\n');
    expect(rows[0]?.problem).toEqual({ message: '"c" after the closing quote of a field', position: { line: 1, column: 6 } });
    expect(rows[1]).toEqual({ cells: ['next', 'row'], line: 2, problem: null });
  });

  it('fails on a quoted field still open at the end, pointing at its opening quote', () => {
    expect(() => parse('a,b\nc,"never closed\nmore')).toThrow(CsvReadError);
    expect(() => parse('a,b\nc,"never closed\nmore')).toThrow(expect.objectContaining({ line: 2, column: 3 }));
  });

  it('stops a field longer than the limit', () => {
    const limits: XmlLimits = { maxTextLength: 50, maxDepth: 10, maxRecordSize: 1000 };
    expect(() => parse(`a,"${'x'.repeat(100)}"`, { limits, chunk: 7 })).toThrow('a single field is longer than 50 characters');
  });
});
