import { CsvColumns, type CsvFormat } from './csv-columns.ts';
import { CsvParser, type CsvRow } from './csv-rows.ts';
import { ESPACENET_CSV } from './espacenet-csv.ts';
import { finishRecordAt } from './finish-record.ts';
import { LENS_CSV } from './lens-csv.ts';
import { readError, type ReadItem, type ReaderOptions } from './read-item.ts';
import { DEFAULT_XML_LIMITS } from './safe-xml-parser.ts';
import { failure, slices } from './xml-record-stream.ts';

/*
 * CSV exports of patent search services (Lens, Espacenet). The header row names the format and the
 * delimiter: it is looked for among the first lines of the file, since Espacenet writes a few lines
 * about the search before it. The rows are then streamed, one record (or, for an Espacenet family,
 * one per publication) at a time. A broken row is reported with its line and skipped.
 */

const FORMATS: readonly CsvFormat[] = [LENS_CSV, ESPACENET_CSV];
const DELIMITERS = [',', ';', '\t'];
const HEAD_ROWS = 20;
const HEAD_LENGTH = 64 * 1024;

interface Header {
  format: CsvFormat;
  delimiter: string;
  /** The header's index among the file's rows (blank lines aside). */
  index: number;
  columns: CsvColumns;
}

export async function* readPatentCsv(texts: AsyncIterable<string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  const limits = options.limits ?? DEFAULT_XML_LIMITS;
  const input = texts[Symbol.asyncIterator]();
  const head: string[] = [];
  let isComplete = false;
  try {
    for (let length = 0; length < HEAD_LENGTH; ) {
      const next = await input.next();
      if (next.done) {
        isComplete = true;
        break;
      }
      head.push(next.value);
      length += next.value.length;
    }
  } catch (error) {
    yield failure(error, options.fileName);
    return;
  }
  const header = findHeader(head.join(''), isComplete);
  if (!header) {
    await input.return?.(undefined);
    yield readError(options.fileName, { line: 1, column: 1 }, unknownHeader(head.join('')));
    return;
  }

  const parser = new CsvParser(header.delimiter, limits);
  let rowIndex = 0;
  const items = (rows: CsvRow[]): ReadItem[] =>
    rows.flatMap((row) => {
      rowIndex += 1;
      return rowIndex - 1 <= header.index ? [] : rowItems(row, header, options.fileName);
    });
  try {
    for (const text of head) {
      for (const slice of slices(text)) {
        parser.write(slice);
        yield* items(parser.drain());
      }
    }
    for (let next = await input.next(); !next.done; next = await input.next()) {
      for (const slice of slices(next.value)) {
        parser.write(slice);
        yield* items(parser.drain());
      }
    }
    parser.end();
    yield* items(parser.drain());
  } catch (error) {
    yield* items(parser.drain());
    yield failure(error, options.fileName);
  } finally {
    await input.return?.(undefined);
  }
}

/** The first row, with the first delimiter, that is a known format's header. */
function findHeader(text: string, isComplete: boolean): Header | null {
  for (const delimiter of DELIMITERS) {
    const parser = new CsvParser(delimiter);
    try {
      parser.write(text);
      if (isComplete) parser.end();
    } catch {
      // A head that does not parse with this delimiter names no format with it.
    }
    const rows = parser.drain().slice(0, HEAD_ROWS);
    for (const [index, row] of rows.entries()) {
      const columns = new CsvColumns(row.cells);
      const format = FORMATS.find((candidate) => candidate.isHeader(columns));
      if (format) return { format, delimiter, index, columns };
    }
  }
  return null;
}

function unknownHeader(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0]?.slice(0, 120) ?? '';
  return (
    `not a known CSV export: no header row in the first ${HEAD_ROWS} lines names the columns of ` +
    `${FORMATS.map((format) => format.expected).join(', or ')}. The first line reads ${JSON.stringify(firstLine)}`
  );
}

function rowItems(row: CsvRow, header: Header, file: string): ReadItem[] {
  const what = `row at line ${row.line}`;
  if (row.problem) return [readError(file, row.problem.position, `${what}: ${row.problem.message}`)];
  const start = { line: row.line, column: 1 };
  try {
    const records = header.format.records(header.columns, row.cells);
    if (records.length === 0) return [readError(file, start, `${what} has no publication number`)];
    return records.map((record) => finishRecordAt(record, what, start, file));
  } catch (error) {
    return [readError(file, start, `cannot read ${what}: ${error instanceof Error ? error.message : String(error)}`)];
  }
}
