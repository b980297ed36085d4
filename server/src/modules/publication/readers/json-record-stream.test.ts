import { describe, expect, it } from 'vitest';
import { JsonReadError, jsonRecords, type JsonRecord } from './json-record-stream.ts';
import type { XmlLimits } from './safe-xml-parser.ts';

async function* chunks(text: string, length: number) {
  for (let start = 0; start < text.length; start += length) yield text.slice(start, start + length);
}

async function collect(text: string, options: { keys?: string[]; chunk?: number; limits?: XmlLimits } = {}) {
  const records: JsonRecord[] = [];
  let error: unknown = null;
  try {
    const keys = new Set(options.keys ?? ['bag']);
    for await (const record of jsonRecords(chunks(text, options.chunk ?? text.length), {
      limits: options.limits,
      isRecordArray: (key) => key === null || keys.has(key),
    })) {
      records.push(record);
    }
  } catch (caught) {
    error = caught;
  }
  return { records, error };
}

const SAMPLE = `{
  "count": 2,
  "facets": [{"big": [1, 2, 3]}],
  "bag": [
    {"id": "a", "n": -1.5e3, "ok": true, "none": null, "list": [1, {"x": "y"}], "text": "caf\\u00e9 \\"quoted\\" \\\\ \\/ \\n"},
    {"id": "b", "emoji": "\\ud83d\\ude00"}
  ],
  "requestIdentifier": "r"
}`;

describe('streaming JSON records', () => {
  it('yields the elements of the chosen array with their position, passing over the rest', async () => {
    const { records, error } = await collect(SAMPLE);
    expect(error).toBeNull();
    expect(records.map((record) => [record.key, record.index, record.position])).toEqual([
      ['bag', 0, { line: 5, column: 5 }],
      ['bag', 1, { line: 6, column: 5 }],
    ]);
    expect(records[0]?.value).toEqual({ id: 'a', n: -1500, ok: true, none: null, list: [1, { x: 'y' }], text: 'café "quoted" \\ / \n' });
    expect(records[1]?.value).toEqual({ id: 'b', emoji: '😀' });
  });

  it('reads the same records when the text comes one character at a time', async () => {
    const whole = await collect(SAMPLE);
    const byCharacter = await collect(SAMPLE, { chunk: 1 });
    expect(byCharacter.error).toBeNull();
    expect(byCharacter.records).toEqual(whole.records);
  });

  it('reads the elements of a top-level array, scalars included', async () => {
    const { records } = await collect('[{"a":1}, "two", 3, [4]]');
    expect(records.map((record) => [record.key, record.index, record.value])).toEqual([
      [null, 0, { a: 1 }],
      [null, 1, 'two'],
      [null, 2, 3],
      [null, 3, [4]],
    ]);
  });

  it('builds records without prototypes, so a "__proto__" key is only a key', async () => {
    const { records } = await collect('{"bag":[{"__proto__":{"polluted":true}}]}');
    const value = records[0]?.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['{"bag":[{"a":1},{"a":2,}]}', 1, 'expected a key in double quotes, found "}"', { line: 1, column: 24 }],
    ['{"bag":[{"a":1},\n {"a": tru}]}', 1, '"tru" is not true, false or null', { line: 2, column: 8 }],
    ['{"bag":[{"a":1},{"a":01}]}', 1, '"01" is not a number', { line: 1, column: 22 }],
    ['{"bag":[{"a":1},{"a":"x\ny"}]}', 1, 'a control character inside a string (a line break must be written \\n)', { line: 1, column: 24 }],
    ['{"bag":[{"a":1},{"a":"\\q"}]}', 1, 'unknown escape \\q', { line: 1, column: 23 }],
    ['{"bag":[{"a":1},{"a":2}', 2, 'the JSON text ends before its last value is complete', { line: 1, column: 24 }],
    ['{"bag":[{"a":1}]} x', 1, 'unexpected "x" after the end of the JSON value', { line: 1, column: 19 }],
    ['   ', 0, 'the file holds no JSON value', { line: 1, column: 4 }],
  ])('stops at malformed JSON with its position, keeping the records before: %s', async (text, kept, message, position) => {
    const { records, error } = await collect(text);
    expect(records).toHaveLength(kept);
    expect(error).toBeInstanceOf(JsonReadError);
    expect(error).toMatchObject({ message, line: position.line, column: position.column });
  });

  it('stops a string longer than the limit, nesting deeper than the limit, and a record larger than the limit', async () => {
    const limits: XmlLimits = { maxTextLength: 100, maxDepth: 5, maxRecordSize: 1000 };
    const long = await collect(`{"bag":[{"a":"${'x'.repeat(200)}"}]}`, { limits, chunk: 7 });
    expect(long.error).toMatchObject({ message: 'a single string or number is longer than 100 characters' });
    const deep = await collect(`{"bag":[${'['.repeat(10)}${']'.repeat(10)}]}`, { limits });
    expect(deep.error).toMatchObject({ message: 'values nested deeper than 5 levels', line: 1, column: 12 });
    const large = await collect(`{"bag":[{"a":1},[${'"xxxxxxxxxx",'.repeat(200)}1]]}`, { limits });
    expect(large.records).toHaveLength(1);
    expect(large.error).toMatchObject({ message: 'a record holds more than 1000 characters', line: 1, column: 17 });
  });

  it('streams a large answer one record at a time, in bounded memory', async () => {
    const count = 100_000;
    const record = JSON.stringify({ applicationNumberText: '15123456', inventionTitle: 'X'.repeat(400) });
    async function* generated() {
      yield '{"count": 100000, "bag": [';
      for (let index = 0; index < count; index += 1) yield index === 0 ? record : `,${record}`;
      yield ']}';
    }
    const rssBefore = process.memoryUsage().rss;
    let seen = 0;
    for await (const item of jsonRecords(generated(), { isRecordArray: (key) => key === 'bag' })) {
      if (item.index === seen) seen += 1;
    }
    expect(seen).toBe(count);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
  });
});
