import { describe, expect, it } from 'vitest';
import { readAll, readText } from './reader.fixtures.ts';
import type { XmlLimits } from './safe-xml-parser.ts';

const EP_DOCUMENT_START = '<ep-patent-document country="EP" doc-number="1" kind="A1" date-publ="20200101">';

/** A minimal EP publication whose number is `number`, so a test can see what an entity became. */
function epDocument(number: string, prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${prolog}${EP_DOCUMENT_START}<SDOBI><B100><B110>${number}</B110><B130>A1</B130><B190>EP</B190></B100></SDOBI></ep-patent-document>`;
}

const MEGABYTE = 1024 * 1024;

/**
 * A document whose one element never ends: `head`, then up to 2 GB of the letter A, generated as it
 * is read. Counts what the reader pulled, to show it stopped early.
 */
function endlessElement(head: string) {
  const counter = { bytes: 0 };
  const chunk = Buffer.alloc(MEGABYTE, 'A');
  async function* stream() {
    yield Buffer.from(head);
    for (let sent = 0; sent < 2048; sent += 1) {
      counter.bytes += chunk.length;
      yield chunk;
    }
  }
  return { stream: stream(), counter };
}

describe('hostile XML', () => {
  it('refuses an external entity declared in the DOCTYPE, reading nothing', async () => {
    const text = epDocument('&xxe;', '<?xml version="1.0"?>\n<!DOCTYPE ep-patent-document [\n  <!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>\n');
    const { records, errors } = await readText(text, 'xxe.xml');
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { file: 'xxe.xml', line: 4, column: 3, message: 'DOCTYPE with an internal subset refused: entity declarations are not processed' },
    ]);
  });

  it('fails fast on a billion laughs with a clear error', async () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let level = 1; level <= 9; level += 1) entities.push(`<!ENTITY lol${level} "${`&lol${level - 1 === 0 ? '' : level - 1};`.repeat(10)}">`);
    const text = epDocument('&lol9;', `<?xml version="1.0"?><!DOCTYPE lolz [${entities.join('')}]>`);
    const startedAt = performance.now();
    const { records, errors } = await readText(text, 'lol.xml');
    expect(performance.now() - startedAt).toBeLessThan(1000);
    expect(records).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toBe('DOCTYPE with an internal subset refused: entity declarations are not processed');
  });

  it('reads a file whose DOCTYPE points to an external DTD without fetching it, as the EPO files do', async () => {
    const text = epDocument('1605745', '<?xml version="1.0"?><!DOCTYPE ep-patent-document SYSTEM "http://127.0.0.1:9/ep-patent-document-v1-5.dtd">');
    const { records, errors } = await readText(text);
    expect(errors).toEqual([]);
    expect(records.map((record) => record.number)).toEqual(['1605745']);
  });

  it('keeps an entity nobody declared as it is written, expanding nothing', async () => {
    const { records } = await readText(epDocument('1&xxe;2'));
    expect(records.map((record) => record.number)).toEqual(['1&xxe;2']);
  });

  it('stops a 2 GB single element after 10 MB, with bounded memory', async () => {
    const { stream, counter } = endlessElement(`<?xml version="1.0"?>\n${EP_DOCUMENT_START}<SDOBI><B100><B110>`);
    const rssBefore = process.memoryUsage().rss;
    const { records, errors } = await readAll(stream, { fileName: 'huge.xml' });
    const rssGrowth = process.memoryUsage().rss - rssBefore;
    expect(records).toEqual([]);
    expect(errors).toEqual([
      { file: 'huge.xml', line: 2, column: expect.any(Number), message: 'a single text, tag or comment is longer than 10 MB' },
    ]);
    expect(counter.bytes).toBeLessThan(16 * MEGABYTE);
    expect(rssGrowth).toBeLessThan(200 * MEGABYTE);
  });

  it('stops a 2 GB element inside a DOCDB bulk file instead of skipping to the next record', async () => {
    const { stream, counter } = endlessElement(
      '<exch:exchange-documents>\n<exch:exchange-document country="DE" doc-number="1" kind="A"><exch:bibliographic-data><exch:abstract><exch:p>',
    );
    const { records, errors } = await readAll(stream, { fileName: 'bulk.xml' });
    expect(records).toEqual([]);
    expect(errors).toEqual([{ file: 'bulk.xml', line: 2, column: expect.any(Number), message: 'a single text, tag or comment is longer than 10 MB' }]);
    expect(counter.bytes).toBeLessThan(16 * MEGABYTE);
  });

  it('stops a DOCDB file where no record starts for 10 MB', async () => {
    const { stream, counter } = endlessElement('<exch:exchange-documents>');
    const { errors } = await readAll(stream, { fileName: 'empty.xml' });
    expect(errors.map((error) => error.message)).toEqual(['no <exch:exchange-document> record starts in 10 MB of text']);
    expect(counter.bytes).toBeLessThan(16 * MEGABYTE);
  });

  it('refuses elements nested deeper than 200 levels', async () => {
    const deep = `${'<B>'.repeat(250)}${'</B>'.repeat(250)}`;
    const { records, errors } = await readText(epDocument(`1</B110>${deep}<B110>`));
    expect(records).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual(['elements nested deeper than 200 levels']);
  });

  it('refuses a record holding more than its limit, even made of small elements', async () => {
    const limits: XmlLimits = { maxTextLength: MEGABYTE, maxDepth: 200, maxRecordSize: 100_000 };
    const many = '<B999>x</B999>'.repeat(5000);
    async function* chunks() {
      yield epDocument(`1</B110>${many}<B110>`);
    }
    const { records, errors } = await readAll(chunks(), { fileName: 'wide.xml', limits });
    expect(records).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual(['a record holds more than 100000 characters']);
  });

  it('reports bytes that are not UTF-8 with their offset', async () => {
    async function* bytes() {
      yield Buffer.from(epDocument('1', `<?xml version="1.0"?><!--${' '.repeat(400)}-->`).slice(0, 300));
      yield Buffer.from([0xc3, 0x28]);
    }
    const { errors } = await readAll(bytes(), { fileName: 'latin.xml' });
    expect(errors).toEqual([{ file: 'latin.xml', line: null, column: null, message: 'the bytes from offset 300 to 302 are not valid utf-8 text' }]);
  });

  it('decodes a file declared ISO-8859-1', async () => {
    async function* bytes() {
      yield Buffer.from(epDocument('Köln', '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1');
    }
    const { records } = await readAll(bytes(), { fileName: 'latin1.xml' });
    expect(records.map((record) => record.number)).toEqual(['Köln']);
  });
});
