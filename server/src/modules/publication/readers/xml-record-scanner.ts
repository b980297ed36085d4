import { BYTE } from './xml-bytes.ts';
import type { XmlElement } from './xml-element.ts';
import { XmlFastLane } from './xml-fast-lane.ts';
import { NEED_MORE } from './xml-scanner-core.ts';

// XmlRecordScanner, the byte-level XML reader of the DOCDB reader (docdb.reader.ts): its public steps
// and the loop that runs its two lanes. The lanes are layers below it: the fast lane (xml-fast-lane.ts)
// over the general steps (xml-markup-steps.ts, xml-text-steps.ts), over the state and helpers they
// share (xml-scanner-core.ts).

/**
 * Where a record's bytes end, for a reader that cuts records at their start tags (docdb.reader.ts):
 * at the next record's start tag, which the reader searches for only when the scanner needs it. The
 * fast lane stops at a start tag of the records' name and reads nothing else that could hold one;
 * before a construct, the general steps ask how far they may read.
 */
export interface RecordCut {
  /** The records' qualified name, e.g. `exch:exchange-document`. */
  readonly name: Uint8Array;
  /** How far the record's bytes surely go from `index` (in the buffer): to the next record's start, or as far as read yet. */
  limitFrom(index: number): number;
}

/**
 * Reads one XML record from UTF-8 bytes, straight from the buffers: finds the markup with byte
 * comparisons, decodes only the names and text it keeps, and builds the record's tree with only the
 * kept elements (KeptElements). It checks what the saxes parser checks (well-formedness, XML
 * characters, names, entity and character references, the nesting, length and record size limits)
 * and reports the same errors, so that a record reads the same by either path. The record size limit
 * counts what the tree holds, as RecordCollector counts it: with fewer elements kept, a record of
 * many dropped elements reaches it later, memory staying bounded all the same.
 *
 * Input comes in windows: `scan` reads whole constructs (a tag, a text, a comment…) and stops before
 * one the window cuts short, to be read again from its start with more bytes. Line and column move
 * along as the bytes pass, so every kept element gets its position in the file.
 *
 * Two lanes read the constructs. The fast lane reads those of the plain forms nearly all have, with
 * only the checks these need, and stops before any other; the general steps read that one, and
 * report every error (so the fast lane never reports one: a construct it doubts is theirs).
 */
export class XmlRecordScanner extends XmlFastLane {
  /** Where the construct `scan` last threw at starts: what follows it is no longer the record's. */
  failedAt = 0;

  /** Starts a record: its start tag is the first thing `scan` reads. */
  begin(): void {
    this.depth = 0;
    this.savedLength = 0;
    this.recordSize = 0;
    this.root = null;
    this.isRootClosed = false;
  }

  /** The record's element, once its end tag has been read. */
  get record(): XmlElement | null {
    return this.isRootClosed ? this.root : null;
  }

  /** Why the record is incomplete, as the parser says it when the input ends. */
  get unclosed(): string {
    if (this.depth === 0) return 'unexpected end.';
    const name = this.openName(this.depth - 1);
    return `unclosed tag: ${Buffer.from(name.bytes.subarray(name.start, name.start + (this.openNameLength[this.depth - 1] as number))).toString('utf8')}`;
  }

  /**
   * Copies the names of the open elements out of the buffer, which the caller is about to move or
   * replace: names are compared where they are in the buffer, and copied only when it moves.
   */
  saveOpenNames(): void {
    for (let depth = 0; depth < this.depth; depth += 1) {
      const at = this.openNameAt[depth] as number;
      if (at < 0) continue;
      const length = this.openNameLength[depth] as number;
      if (this.savedLength + length > this.savedNames.length) {
        const grown = new Uint8Array(Math.max(2 * this.savedNames.length, this.savedLength + length));
        grown.set(this.savedNames.subarray(0, this.savedLength));
        this.savedNames = grown;
      }
      this.savedNames.set(this.buffer.subarray(at - this.base, at - this.base + length), this.savedLength);
      this.openNameSaved[depth] = this.savedLength;
      this.openNameAt[depth] = -1;
      this.savedLength += length;
    }
  }

  /**
   * Reads whole constructs from `start` until the record's end tag, `end`, or the next record's start
   * (with a RecordCut); returns where it stopped. `base` is the file offset of buffer[0]. Throws
   * XmlReadError where the record is malformed (with `failedAt` and the position set to the start of
   * the construct at fault).
   */
  scan(buffer: Buffer, base: number, start: number, end: number): number {
    if (buffer !== this.buffer) {
      this.buffer = buffer;
      this.view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    }
    this.base = base;
    this.windowEnd = end;
    this.textEnd = 0;
    const { position } = this;
    const maxLength = this.limits.maxTextLength;
    let index = start;
    try {
      while (index < end && !this.isRootClosed) {
        // The fast lane reads what it can; the general steps read the construct it stops before.
        index = this.plainConstructs(index, end);
        if (index >= end || this.isRootClosed) break;
        const limit = this.cut === null ? end : Math.min(end, this.cut.limitFrom(index));
        if (index >= limit) return index;
        position.save();
        const next = buffer[index] === BYTE.LT ? this.markup(index, limit) : this.characters(index, limit);
        if (next === NEED_MORE) {
          position.restore();
          return index;
        }
        if (next - index > maxLength) this.checkLength(index, next);
        index = next;
      }
    } catch (error) {
      position.restore();
      this.failedAt = index;
      throw error;
    }
    return index;
  }
}
