import { BytePosition } from './byte-position.ts';
import { DOCDB_KEPT, docdbItems, type DocdbReaderOptions } from './docdb-record.ts';
import type { ReadItem } from './read-item.ts';
import { DEFAULT_XML_LIMITS, XmlReadError, describeLength, type XmlLimits, type XmlOrigin } from './safe-xml-parser.ts';
import { utf8Chunks } from './utf8-chunks.ts';
import { XmlRecordScanner, type RecordCut } from './xml-record-scanner.ts';
import { failure } from './xml-record-stream.ts';

export type { DocdbReaderOptions } from './docdb-record.ts';

/*
 * DOCDB bulk files (`exchange-documents`): tens of thousands of `exchange-document` records in one
 * file, read straight from the bytes. Each record is cut at its start tag (found with a byte search,
 * within a record only where the scanner's fast lane cannot tell: see RecordCut) and read on its own
 * by the byte scanner, so a broken record (cut short, not well-formed) is reported where it is and
 * skipped while the others are kept. The scanner yields the same items (records, and errors with
 * their positions) as the saxes reader it replaces, kept as the reference (docdb-saxes.reader.ts),
 * about seven times as fast.
 */

export async function* readDocdb(input: AsyncIterable<Uint8Array | string>, options: DocdbReaderOptions): AsyncGenerator<ReadItem> {
  const splitter = new RecordSplitter(options);
  try {
    for await (const bytes of utf8Chunks(input)) yield* splitter.push(bytes);
    yield* splitter.finish();
  } catch (error) {
    yield* splitter.drain();
    yield failure(error, options.fileName);
  }
}

// The bytes not yet read are kept in a buffer this large at first, grown when a construct is longer.
const INITIAL_CAPACITY = 256 * 1024;

// A construct cut by the end of the input read so far is read again from its start once more has
// come; past this length, only once the input read has doubled, so that reading it stays linear.
const RETRY_LENGTH = 64 * 1024;

/**
 * Cuts the bytes into records and hands each to the scanner. Bytes are held only while a construct
 * (tag, text, comment…) is cut by the end of a chunk, or a record start tag could be; bytes outside
 * records (the container's tags) are dropped, up to the length limit.
 */
class RecordSplitter {
  private readonly marker: Buffer;
  private readonly limits: XmlLimits;
  private readonly position = new BytePosition();
  private readonly scanner: XmlRecordScanner;
  private readonly ready: ReadItem[] = [];
  private buffer = Buffer.allocUnsafe(INITIAL_CAPACITY);
  /** The bytes not yet read are buffer[start..end); buffer[0] is at file offset `base`. */
  private start = 0;
  private end = 0;
  private base = 0;
  /** Where the open record starts, null between records. */
  private origin: XmlOrigin | null = null;
  /** The file offset the search for the next record start resumes from (past the open record's start). */
  private searchFrom = 0;
  private outsideLength = 0;
  private retryLength = 0;
  /** Where the next record starts in the buffer, once searched for while the open record is scanned (-1: nowhere yet; null: not searched). */
  private next: number | null = null;
  private isLast = false;

  constructor(private readonly options: DocdbReaderOptions) {
    this.marker = Buffer.from(`<${options.prefix}exchange-document`);
    this.limits = options.limits ?? DEFAULT_XML_LIMITS;
    const cut: RecordCut = { name: this.marker.subarray(1), limitFrom: (index) => this.limitFrom(index) };
    this.scanner = new XmlRecordScanner(DOCDB_KEPT, this.limits, this.position, cut);
  }

  push(bytes: Buffer): ReadItem[] {
    this.append(bytes);
    this.split(false);
    return this.drain();
  }

  finish(): ReadItem[] {
    this.split(true);
    if (this.origin) this.cutShort();
    return this.drain();
  }

  drain(): ReadItem[] {
    return this.ready.splice(0);
  }

  private split(isLast: boolean): void {
    for (;;) {
      if (this.origin === null && !this.startRecord(isLast)) return;
      this.isLast = isLast;
      // Where the next record starts is searched for only when the scanner asks (see RecordCut), but
      // for a long construct read again: when the next record does not start yet, it is not read again.
      this.next = null;
      if (this.retryLength > 0) {
        this.next = this.nextRecordStart(Math.max(this.searchFrom - this.base, this.start), isLast);
        if (this.next === -1 && !isLast && this.end - this.start < this.retryLength) {
          this.checkPendingLength();
          return;
        }
      }
      // The last bytes are held back: they could begin a start tag (one found is before them).
      const stopped = this.scanRecord(this.next !== null && this.next !== -1 ? this.next : this.heldBackFrom());
      if (stopped === -1) continue;
      if (this.scanner.record) {
        this.ready.push(...docdbItems(this.scanner.record, this.options.fileName));
        this.origin = null;
        this.consume(stopped);
        continue;
      }
      // The scanner read no record start tag up to where it stopped: the search goes on from there.
      const next = (this.next ??= this.nextRecordStart(Math.max(this.searchFrom - this.base, stopped), isLast));
      if (next !== -1) {
        // The next record starts before this one ends: this one was cut short.
        this.position.advance(this.buffer, this.base, stopped, next);
        this.consume(next);
        this.cutShort();
        continue;
      }
      this.consume(stopped);
      this.checkPendingLength();
      const pending = this.end - this.start;
      this.retryLength = pending > RETRY_LENGTH ? 2 * pending : 0;
      return;
    }
  }

  /**
   * How far the scanner's general steps may read from `index`: to the next record's start, searched
   * from there (the scanner read no start tag of a record before), else to the end of the bytes read
   * but the last ones, which could begin one.
   */
  private limitFrom(index: number): number {
    this.next ??= this.nextRecordStart(Math.max(this.searchFrom - this.base, index), this.isLast);
    return this.next !== -1 ? this.next : this.heldBackFrom();
  }

  /** Where the bytes that could begin a record start tag cut by the end of the input read so far begin. */
  private heldBackFrom(): number {
    return this.isLast ? this.end : Math.max(this.start, this.end - this.marker.length);
  }

  /** Drops the bytes before the next record start and opens that record; false when none starts yet. */
  private startRecord(isLast: boolean): boolean {
    // Not from the start tag of a record that just failed: the search went past it.
    const at = this.nextRecordStart(Math.max(this.searchFrom - this.base, this.start), isLast);
    // The last bytes could be the beginning of a start tag cut by the chunk's end.
    this.passOutside(at !== -1 ? at : isLast ? this.end : Math.max(this.start, this.end - this.marker.length));
    if (at === -1) return false;
    this.origin = this.position.at(this.base + at);
    this.outsideLength = 0;
    this.retryLength = 0;
    this.searchFrom = this.base + at + 1;
    this.scanner.begin();
    return true;
  }

  /** Scans the open record up to `limit`; returns where it stopped, or -1 when the record was malformed. */
  private scanRecord(limit: number): number {
    try {
      return this.scanner.scan(this.buffer, this.base, this.start, limit);
    } catch (error) {
      if (!(error instanceof XmlReadError) || error.fatal) throw error;
      this.fail(error);
      this.consume(this.scanner.failedAt);
      return -1;
    }
  }

  /** Where the next record's start tag begins: the marker followed by a space, `>` or `/`; -1 when none does yet. */
  private nextRecordStart(from: number, isLast: boolean): number {
    const view = this.buffer.subarray(0, this.end);
    for (let at = view.indexOf(this.marker, from); at !== -1; at = view.indexOf(this.marker, at + 1)) {
      const after = at + this.marker.length;
      if (after >= this.end) break;
      if (isRecordStartEnd(view, after)) return at;
    }
    if (!isLast) this.searchFrom = this.base + Math.max(from, this.end - this.marker.length);
    return -1;
  }

  private passOutside(to: number): void {
    this.outsideLength += this.position.advance(this.buffer, this.base, this.start, to);
    this.consume(to);
    if (this.outsideLength > this.limits.maxTextLength) {
      throw new XmlReadError(
        `no <${this.marker.toString('utf8', 1)}> record starts in ${describeLength(this.limits.maxTextLength)} of text`,
        this.position.at(this.base + to),
        true,
      );
    }
  }

  /** A construct the input read so far cuts short may not grow past the length limit, as with the parser. */
  private checkPendingLength(): void {
    if (this.end - this.start <= this.limits.maxTextLength) return;
    const position = this.position.copy();
    if (position.advance(this.buffer, this.base, this.start, this.end) <= this.limits.maxTextLength) return;
    throw new XmlReadError(
      `a single text, tag or comment is longer than ${describeLength(this.limits.maxTextLength)}`,
      position.at(this.base + this.end),
      true,
    );
  }

  /**
   * The next record starts, or the file ends: a record still open was cut short. It is reported where
   * it starts, since where the scanner stopped is already the next record.
   */
  private cutShort(): void {
    if (!this.origin) return;
    this.fail(new XmlReadError(`it ends before its closing tag (${this.scanner.unclosed})`, this.origin));
  }

  private fail(error: XmlReadError): void {
    const origin = this.origin;
    this.origin = null;
    const item = failure(error, this.options.fileName);
    if (!item.ok && origin) item.error.message = `record starting at line ${origin.line}: ${item.error.message}`;
    this.ready.push(item);
  }

  private consume(to: number): void {
    this.start = to;
  }

  /** Adds bytes after those not yet read, moving these to the front or to a larger buffer when needed. */
  private append(bytes: Buffer): void {
    const length = this.end - this.start;
    if (this.end + bytes.length > this.buffer.length) {
      if (this.origin) this.scanner.saveOpenNames();
      const target = length + bytes.length > this.buffer.length ? Buffer.allocUnsafe(Math.max(2 * this.buffer.length, length + bytes.length)) : this.buffer;
      this.buffer.copy(target, 0, this.start, this.end);
      this.buffer = target;
      this.base += this.start;
      this.start = 0;
      this.end = length;
    }
    bytes.copy(this.buffer, this.end);
    this.end += bytes.length;
  }
}

/** After the marker, what ends the name of a record's start tag (as `/\s/` tests it, so the scanner then judges the tag). */
function isRecordStartEnd(bytes: Uint8Array, index: number): boolean {
  const byte = bytes[index] as number;
  if (byte === 0x3e || byte === 0x2f) return true;
  if (byte < 0x80) return /\s/.test(String.fromCharCode(byte));
  return /^\s/.test(Buffer.from(bytes.subarray(index, index + 4)).toString('utf8'));
}
