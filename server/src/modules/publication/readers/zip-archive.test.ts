import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicationSourcesAt, zipSources } from './publication-sources.ts';
import { FIXTURES, USPTO_GRANT, readSources } from './reader.fixtures.ts';
import { ZipReadError, fileBytes, memoryBytes, zipEntries, zipEntryBytes, type ByteSource, type ZipEntry } from './zip-archive.ts';

interface ZipInput {
  name: string;
  text: string;
  method?: 0 | 8;
  /** Sizes and CRC after the data rather than in the local header (flag bit 3). */
  hasDataDescriptor?: boolean;
  isEncrypted?: boolean;
  /** What the central directory states, when it should lie. */
  statedSize?: number;
  statedCrc?: number;
}

/**
 * Writes a ZIP archive by hand after APPNOTE.TXT, so the reader is tested on layouts the sample
 * archives do not have: data descriptors, UTF-8 names, stored entries, ZIP64 end records.
 */
function buildZip(inputs: ZipInput[], options: { isZip64?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const input of inputs) {
    const data = Buffer.from(input.text, 'utf8');
    const method = input.method ?? 8;
    const stored = method === 8 ? deflateRawSync(data) : data;
    const crc = input.statedCrc ?? crc32(data);
    const size = input.statedSize ?? data.length;
    const name = Buffer.from(input.name, 'utf8');
    const flags = (input.hasDataDescriptor ? 0x0008 : 0) | 0x0800 | (input.isEncrypted ? 0x0001 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(input.hasDataDescriptor ? 0 : crc, 14);
    local.writeUInt32LE(input.hasDataDescriptor ? 0 : stored.length, 18);
    local.writeUInt32LE(input.hasDataDescriptor ? 0 : size, 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(input.hasDataDescriptor ? 16 : 0);
    if (input.hasDataDescriptor) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(stored.length, 8);
      descriptor.writeUInt32LE(size, 12);
    }
    locals.push(local, name, stored, descriptor);

    const zip64Extra = Buffer.alloc(options.isZip64 ? 28 : 0);
    if (options.isZip64) {
      zip64Extra.writeUInt16LE(0x0001, 0);
      zip64Extra.writeUInt16LE(24, 2);
      zip64Extra.writeBigUInt64LE(BigInt(size), 4);
      zip64Extra.writeBigUInt64LE(BigInt(stored.length), 12);
      zip64Extra.writeBigUInt64LE(BigInt(offset), 20);
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(45, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(options.isZip64 ? 0xffffffff : stored.length, 20);
    entry.writeUInt32LE(options.isZip64 ? 0xffffffff : size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(zip64Extra.length, 30);
    entry.writeUInt32LE(options.isZip64 ? 0xffffffff : offset, 42);
    directory.push(entry, name, zip64Extra);
    offset += local.length + name.length + stored.length + descriptor.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const tail: Buffer[] = [];
  if (options.isZip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeBigUInt64LE(BigInt(inputs.length), 24);
    record.writeBigUInt64LE(BigInt(inputs.length), 32);
    record.writeBigUInt64LE(BigInt(directoryBytes.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + directoryBytes.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const comment = Buffer.from('built by the test');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.isZip64 ? 0xffff : inputs.length, 8);
  end.writeUInt16LE(options.isZip64 ? 0xffff : inputs.length, 10);
  end.writeUInt32LE(options.isZip64 ? 0xffffffff : directoryBytes.length, 12);
  end.writeUInt32LE(options.isZip64 ? 0xffffffff : offset, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, directoryBytes, ...tail, end, comment]);
}

async function textOf(bytes: ByteSource, entry: ZipEntry): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of zipEntryBytes(bytes, entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function entriesOf(zip: Buffer) {
  const bytes = memoryBytes(zip);
  const entries = await zipEntries(bytes);
  return { bytes, entries };
}

const GRANT_XML = `<?xml version="1.0"?>\n<!DOCTYPE us-patent-grant SYSTEM "x.dtd" [ ]>\n<us-patent-grant><us-bibliographic-data-grant><publication-reference><document-id><country>US</country><doc-number>11000001</doc-number><kind>B1</kind><date>20230404</date></document-id></publication-reference></us-bibliographic-data-grant></us-patent-grant>\n`;

describe('ZIP archives', () => {
  it('lists the entries of a USPTO weekly archive from its central directory', async () => {
    const entries = await zipEntries(fileBytes(`${FIXTURES}${USPTO_GRANT}ipgb20230404_wk14.zip`));
    expect(entries.map((entry) => [entry.name, entry.method, entry.size])).toEqual([
      ['ipgb20230404.xml', 8, 85132],
      ['ipgb20230404lst.txt', 8, 52362],
      ['ipgb20230404rpt.html', 8, 32885],
    ]);
  });

  it('reads stored and deflated entries, with data descriptors and UTF-8 names, in a hand-written archive', async () => {
    const { bytes, entries } = await entriesOf(
      buildZip([
        { name: 'semaine/brevets-été.xml', text: GRANT_XML, method: 8, hasDataDescriptor: true },
        { name: 'notes.txt', text: 'stored as is', method: 0 },
      ]),
    );
    expect(entries.map((entry) => entry.name)).toEqual(['semaine/brevets-été.xml', 'notes.txt']);
    expect(await textOf(bytes, entries[0] as ZipEntry)).toBe(GRANT_XML);
    expect(await textOf(bytes, entries[1] as ZipEntry)).toBe('stored as is');
  });

  it('reads a ZIP64 archive (64-bit end record and sizes in the extra field)', async () => {
    const { bytes, entries } = await entriesOf(buildZip([{ name: 'a.xml', text: GRANT_XML }, { name: 'b.csv', text: 'x' }], { isZip64: true }));
    expect(entries.map((entry) => [entry.name, entry.size])).toEqual([
      ['a.xml', Buffer.byteLength(GRANT_XML)],
      ['b.csv', 1],
    ]);
    expect(await textOf(bytes, entries[0] as ZipEntry)).toBe(GRANT_XML);
  });

  it.each([
    ['a CRC-32 that does not match', { statedCrc: 12345 }, 'a.xml is damaged: its CRC-32 does not match'],
    ['more bytes than stated (a zip bomb stops there)', { statedSize: 10 }, 'a.xml inflates past its stated size of 10 bytes'],
    ['fewer bytes than stated', { statedSize: 100_000 }, `a.xml holds ${Buffer.byteLength(GRANT_XML)} bytes, not the 100000 its directory states`],
    ['an encrypted entry', { isEncrypted: true }, 'a.xml is encrypted'],
  ])('refuses an entry with %s', async (_case, lie, message) => {
    const { bytes, entries } = await entriesOf(buildZip([{ name: 'a.xml', text: GRANT_XML, ...lie }]));
    await expect(textOf(bytes, entries[0] as ZipEntry)).rejects.toThrow(new ZipReadError(message));
  });

  it('refuses a file that is not an archive, and an unknown compression method', async () => {
    await expect(zipEntries(memoryBytes(Buffer.from('PK but not really')))).rejects.toThrow('not a ZIP archive: no end of central directory record');
    const zip = buildZip([{ name: 'a.xml', text: 'x', method: 0 }]);
    const { bytes, entries } = await entriesOf(zip);
    const bzip2 = { ...(entries[0] as ZipEntry), method: 12 };
    await expect(textOf(bytes, bzip2)).rejects.toThrow('a.xml is compressed with method 12; only stored and deflated entries are read');
  });

  it('hands over the .xml, .json and .csv entries of an archive, named after it, and passes over the others', async () => {
    const zip = buildZip([
      { name: 'ipgb.xml', text: GRANT_XML },
      { name: 'ipgblst.txt', text: 'list' },
      { name: 'folder/', text: '', method: 0 },
      { name: 'odp.json', text: '{"patentBag":[]}' },
    ]);
    const names: string[] = [];
    for await (const source of zipSources('week.zip', memoryBytes(zip))) names.push(source.name);
    expect(names).toEqual(['week.zip!/ipgb.xml', 'week.zip!/odp.json']);
    const { records } = await readSources(zipSources('week.zip', memoryBytes(zip)));
    expect(records.map((record) => record.number)).toEqual(['11000001']);
  });

  describe('in a folder', () => {
    let folder = '';
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'valo-zip-'));
      await writeFile(join(folder, 'a-broken.zip'), 'not an archive');
      await writeFile(join(folder, 'b-week.zip'), buildZip([{ name: 'ipgb.xml', text: GRANT_XML }]));
    });
    afterAll(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('reports an archive that cannot be read under its name, and reads the next one', async () => {
      const { records, errors } = await readSources(publicationSourcesAt(folder));
      expect(records.map((record) => record.number)).toEqual(['11000001']);
      expect(errors).toEqual([
        { file: join(folder, 'a-broken.zip'), line: null, column: null, message: 'not a ZIP archive: no end of central directory record' },
      ]);
    });
  });
});
