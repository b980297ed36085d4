import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32, createInflateRaw } from 'node:zlib';

/*
 * A small ZIP reader for the offices' bulk archives (USPTO weekly grants, INPI open data): it reads
 * the central directory at the end of the archive, then streams one entry at a time, stored or
 * deflated, inflating with node:zlib. Each entry is checked against the directory: it may not inflate
 * past its stated size (a "zip bomb" stops there) and its CRC-32 must match. ZIP64 archives (over
 * 4 GB or 65,535 entries) are read; archives split over several disks and encrypted entries are not.
 * Layout: PKWARE APPNOTE.TXT 6.3 (local header 4.3.7, central directory 4.3.12, end records 4.3.14–16).
 */

/** Random access to an archive's bytes: a file on disk, or bytes in memory. */
export interface ByteSource {
  size(): Promise<number>;
  read(offset: number, length: number): Promise<Buffer>;
  stream(offset: number, length: number): AsyncIterable<Uint8Array>;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; other methods are not read. */
  method: number;
  isEncrypted: boolean;
  isDirectory: boolean;
  compressedSize: number;
  size: number;
  crc32: number;
  localHeaderOffset: number;
}

export class ZipReadError extends Error {
  override readonly name = 'ZipReadError';
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_LENGTH = 22;
const MAX_COMMENT = 0xffff;
// The central directory is read whole: this bounds it (about a million entries).
const MAX_DIRECTORY_SIZE = 64 * 1024 * 1024;

export function fileBytes(path: string): ByteSource {
  return {
    size: async () => {
      const handle = await open(path, 'r');
      try {
        return (await handle.stat()).size;
      } finally {
        await handle.close();
      }
    },
    read: async (offset, length) => {
      const handle = await open(path, 'r');
      try {
        const buffer = Buffer.alloc(length);
        const { bytesRead } = await handle.read(buffer, 0, length, offset);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    stream: (offset, length) => (length === 0 ? Readable.from([]) : createReadStream(path, { start: offset, end: offset + length - 1 })),
  };
}

export function memoryBytes(bytes: Uint8Array): ByteSource {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: () => Promise.resolve(buffer.length),
    read: (offset, length) => Promise.resolve(buffer.subarray(offset, offset + length)),
    stream: async function* (offset, length) {
      yield buffer.subarray(offset, offset + length);
    },
  };
}

/** The entries of an archive, in the order of its central directory. */
export async function zipEntries(source: ByteSource): Promise<ZipEntry[]> {
  const end = await endOfDirectory(source);
  if (end.size > MAX_DIRECTORY_SIZE) throw new ZipReadError(`the central directory is larger than ${MAX_DIRECTORY_SIZE / (1024 * 1024)} MB`);
  const directory = await source.read(end.offset, end.size);
  if (directory.length < end.size) throw new ZipReadError('the central directory runs past the end of the file');
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let index = 0; index < end.count; index += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== DIRECTORY_ENTRY) {
      throw new ZipReadError(`central directory entry ${index + 1} of ${end.count} is missing or damaged`);
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const nameBytes = directory.subarray(at + 46, at + 46 + nameLength);
    // Bit 11: the name is UTF-8. Otherwise it is in the DOS code page, read here as Latin-1 (ASCII names read the same).
    const name = nameBytes.toString(flags & 0x0800 ? 'utf8' : 'latin1');
    const sizes = zip64Sizes(directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
      size: directory.readUInt32LE(at + 24),
      compressedSize: directory.readUInt32LE(at + 20),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    });
    entries.push({
      name,
      method: directory.readUInt16LE(at + 10),
      isEncrypted: (flags & 0x0001) !== 0,
      isDirectory: name.endsWith('/'),
      crc32: directory.readUInt32LE(at + 16),
      ...sizes,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes, inflated and checked. Throws ZipReadError when they do not match the directory. */
export async function* zipEntryBytes(source: ByteSource, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  if (entry.isEncrypted) throw new ZipReadError(`${entry.name} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipReadError(`${entry.name} is compressed with method ${entry.method}; only stored and deflated entries are read`);
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) throw new ZipReadError(`${entry.name}: no local header at offset ${entry.localHeaderOffset}`);
  const dataOffset = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = Readable.from(source.stream(dataOffset, entry.compressedSize));
  const inflater = entry.method === 8 ? createInflateRaw() : null;
  const bytes: AsyncIterable<Uint8Array> = inflater ? raw.on('error', (error) => inflater.destroy(error)).pipe(inflater) : raw;
  let size = 0;
  let checksum = 0;
  try {
    for await (const chunk of bytes) {
      size += chunk.length;
      if (size > entry.size) throw new ZipReadError(`${entry.name} inflates past its stated size of ${entry.size} bytes`);
      checksum = crc32(chunk, checksum);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof ZipReadError) throw error;
    throw new ZipReadError(`${entry.name} cannot be inflated: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    raw.destroy();
    inflater?.destroy();
  }
  if (size !== entry.size) throw new ZipReadError(`${entry.name} holds ${size} bytes, not the ${entry.size} its directory states`);
  if (checksum !== entry.crc32) throw new ZipReadError(`${entry.name} is damaged: its CRC-32 does not match`);
}

interface EndOfDirectory {
  count: number;
  size: number;
  offset: number;
}

/** The end-of-central-directory record, found backwards from the end past a comment of up to 64 KB. */
async function endOfDirectory(source: ByteSource): Promise<EndOfDirectory> {
  const fileSize = await source.size();
  const tailLength = Math.min(fileSize, END_LENGTH + MAX_COMMENT);
  const tailOffset = fileSize - tailLength;
  const tail = await source.read(tailOffset, tailLength);
  for (let at = tail.length - END_LENGTH; at >= 0; at -= 1) {
    if (tail.readUInt32LE(at) !== END_OF_DIRECTORY || at + END_LENGTH + tail.readUInt16LE(at + 20) !== tail.length) continue;
    if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw new ZipReadError('archives split over several disks are not read');
    const end = { count: tail.readUInt16LE(at + 10), size: tail.readUInt32LE(at + 12), offset: tail.readUInt32LE(at + 16) };
    if (end.count !== 0xffff && end.size !== 0xffffffff && end.offset !== 0xffffffff) return end;
    return zip64EndOfDirectory(source, tailOffset + at);
  }
  throw new ZipReadError('not a ZIP archive: no end of central directory record');
}

async function zip64EndOfDirectory(source: ByteSource, endOffset: number): Promise<EndOfDirectory> {
  const locator = endOffset < 20 ? Buffer.alloc(0) : await source.read(endOffset - 20, 20);
  if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipReadError('a ZIP64 archive without its ZIP64 locator');
  const record = await source.read(safeNumber(locator.readBigUInt64LE(8)), 56);
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_END_OF_DIRECTORY) throw new ZipReadError('a ZIP64 archive without its ZIP64 end record');
  return {
    count: safeNumber(record.readBigUInt64LE(32)),
    size: safeNumber(record.readBigUInt64LE(40)),
    offset: safeNumber(record.readBigUInt64LE(48)),
  };
}

/** The ZIP64 extra field (id 1) holds, in this order, whichever of the three values were too large for 32 bits. */
function zip64Sizes(extra: Buffer, values: { size: number; compressedSize: number; localHeaderOffset: number }) {
  const sizes = { ...values };
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
        if (sizes[key] !== 0xffffffff || field + 8 > at + 4 + length) continue;
        sizes[key] = safeNumber(extra.readBigUInt64LE(field));
        field += 8;
      }
    }
    at += 4 + length;
  }
  return sizes;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipReadError('a ZIP64 size or offset beyond what can be read');
  return Number(value);
}
