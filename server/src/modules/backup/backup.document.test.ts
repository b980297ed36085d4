import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BackupVisitor, readBackupDocument, valueEnd } from './backup.document.ts';

async function* chunksOf(text: string, size: number): AsyncIterable<string> {
  for (let start = 0; start < text.length; start += size) yield text.slice(start, start + size);
}

/** What the reader reports, as a list of events. */
async function eventsOf(text: string, size: number): Promise<unknown[]> {
  const events: unknown[] = [];
  const visitor: BackupVisitor = {
    header: async (header) => void events.push(['header', header.schemaMigration]),
    tableStart: async (name) => void events.push(['start', name]),
    row: async (table, index, row) => void events.push(['row', table, index, row]),
    tableEnd: async (name) => void events.push(['end', name]),
  };
  await readBackupDocument(chunksOf(text, size), visitor);
  return events;
}

/** The same events, read from the parsed document. */
function expectedEvents(document: { schemaMigration: string; tables: Record<string, unknown[]> }): unknown[] {
  return [
    ['header', document.schemaMigration],
    ...Object.entries(document.tables).flatMap(([name, rows]) => [
      ['start', name],
      ...rows.map((row, index) => ['row', name, index, row]),
      ['end', name],
    ]),
  ];
}

describe('readBackupDocument', () => {
  it('reads any rows, however the text is cut into chunks and laid out', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ minLength: 1 }), fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 4 }), { maxKeys: 3 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(undefined, 1, '\t'),
        async (tables, size, indent) => {
          const document = { format: 'valo-backup', version: 1, schemaMigration: '0000_init', tables };
          // JSON.parse turns -0 into 0 and drops nothing else: compare with what a parse gives.
          const parsed = JSON.parse(JSON.stringify(document)) as typeof document;
          expect(await eventsOf(JSON.stringify(document, null, indent), size)).toEqual(expectedEvents(parsed));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the line and column of a syntax error past the first chunk', async () => {
    const text = '{"format":"valo-backup","version":1,"schemaMigration":"0000_init","tables":{\n"people":[\n{"a":1},\n{"a":2} {"a":3}\n]}}';
    await expect(eventsOf(text, 3)).rejects.toThrow('line 4, column 9: expected "," or "]", found "{"');
  });
});

describe('valueEnd', () => {
  it.each([
    ['"a\\"]}" tail', 7],
    ['{"a":"}","b":[1,{}]},', 20],
    ['12.5e3,', 6],
    ['true]', 4],
  ])('finds where %s ends', (text, end) => {
    expect(valueEnd(text, 0, false)).toBe(end);
  });

  it('waits for more text when a value may go on', () => {
    expect(valueEnd('{"a":"b', 0, false)).toBeUndefined();
    expect(valueEnd('12', 0, false)).toBeUndefined();
    expect(valueEnd('12', 0, true)).toBe(2);
  });
});
