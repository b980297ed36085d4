import { BytePosition } from './byte-position.ts';
import type { KeptElements } from './kept-elements.ts';
import { XmlReadError, describeLength, type XmlLimits, type XmlOrigin } from './safe-xml-parser.ts';
import { BYTE_KIND, CONTINUATION, CONTROL, CR, LEAD, LEAD_EF, LF } from './xml-byte-kinds.ts';
import { BYTE, NAME_BYTE, NAME_CHARACTER, NAME_COLON, NOT_NAME, codePointAt, isAsciiNameStart, isSameAscii, isSameRun, sequenceLength } from './xml-bytes.ts';
import type { XmlElement } from './xml-element.ts';
import type { RecordCut } from './xml-record-scanner.ts';
import { isNameCode, isNameStartCode } from './xml-names.ts';

// The ground layer of XmlRecordScanner (xml-record-scanner.ts): the state it reads a record with (the
// window, the stack of open elements, the record's tree and size), and what every reading step needs:
// closing the innermost element, decoding text and names, passing white space, limits and errors.
// The steps that read constructs build on it: xml-text-steps.ts, xml-markup-steps.ts (the general
// steps, which check everything) and xml-fast-lane.ts.

/** What a reading step returns for a construct the input read so far cuts short: scan again with more bytes. */
export const NEED_MORE = -1;

// What an element costs in memory beyond its text, for the record size limit (as RecordCollector counts).
export const ELEMENT_COST = 64;

// ASCII strings shorter than this are cut from the window's text; longer ones are decoded on their own,
// so that no kept string holds on to the whole window's (V8 shares the characters of longer substrings).
const SHARED_STRING_LENGTH = 13;

// How many bytes of the window are made text at a time for the short strings.
const TEXT_LENGTH = 4096;

// How many decoded names are kept (a power of two); a hostile file with many names only misses more.
const NAME_SLOTS = 1024;

/** The state of a record's reading and the helpers of its reading steps; see XmlRecordScanner. */
export abstract class XmlScannerCore {
  protected buffer: Buffer = Buffer.alloc(0);
  /** The same bytes, read four at a time (names compared, plain text passed). */
  protected view: DataView = new DataView(new ArrayBuffer(0));
  /** The file offset of buffer[0]. */
  protected base = 0;
  /**
   * Part of the window as Latin-1 text, bytes textStart..textEnd (file offsets): a short ASCII string
   * is cut from it. Made when a string needs it, from there up to TEXT_LENGTH bytes on: the window
   * runs to the end of the bytes read, past the record, and most of a record is dropped elements.
   */
  protected text = '';
  protected textStart = 0;
  protected textEnd = 0;
  /** Where the window `scan` reads ends, in the buffer. */
  protected windowEnd = 0;
  protected depth = 0;
  /**
   * Where the qualified name of each open element is, to match its end tag: its file offset while the
   * buffer still holds it, else -1 and the index of a copy in `savedNames` (see `saveOpenNames`).
   */
  protected readonly openNameAt: Float64Array;
  protected readonly openNameLength: Int32Array;
  /** 0 when the open element's name has characters beyond ASCII, whose bytes move the column differently. */
  protected readonly openNameIsAscii: Uint8Array;
  protected readonly openNameSaved: Int32Array;
  protected savedNames = new Uint8Array(1024);
  protected savedLength = 0;
  protected readonly openElements: (XmlElement | null)[];
  protected readonly openKept: (KeptElements | null)[];
  protected recordSize = 0;
  protected root: XmlElement | null = null;
  protected isRootClosed = false;
  /** Set by `name`: where the name's first colon is (-1 for none), and whether it is all ASCII. */
  protected colonAt = -1;
  protected isNameAscii = true;
  /** Set by `reference` and `attributeValue`: the characters read. */
  protected value = '';
  /** Decoded names, by a slot computed from their bytes: names repeat in every record. */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS);

  constructor(
    protected readonly kept: KeptElements,
    protected readonly limits: XmlLimits,
    protected readonly position: BytePosition,
    protected readonly cut: RecordCut | null = null,
  ) {
    // The stack of open elements never grows past the depth limit: allocated once, at that size.
    const capacity = limits.maxDepth + 1;
    this.openNameAt = new Float64Array(capacity);
    this.openNameLength = new Int32Array(capacity);
    this.openNameIsAscii = new Uint8Array(capacity);
    this.openNameSaved = new Int32Array(capacity);
    this.openElements = new Array<XmlElement | null>(capacity).fill(null);
    this.openKept = new Array<KeptElements | null>(capacity).fill(null);
  }

  // --- the open elements ------------------------------------------------------------------------

  /** Where the bytes of an open element's name are: in the buffer, or in the saved copies. */
  protected openName(depth: number): { bytes: Uint8Array; start: number } {
    const at = this.openNameAt[depth] as number;
    return at >= 0 ? { bytes: this.buffer, start: at - this.base } : { bytes: this.savedNames, start: this.openNameSaved[depth] as number };
  }

  /** An end tag whose name, at nameStart..nameEnd, is the innermost element's (and `>` follows) closes it. */
  protected closedAs(nameStart: number, nameEnd: number): number {
    // The name is passed at once: its bytes beyond ASCII move the column as they would one by one.
    if (this.openNameIsAscii[this.depth - 1] === 0) this.position.lineAdjust += continuationBytes(this.buffer, nameStart, nameEnd);
    return this.closed(nameEnd + 1);
  }

  protected closed(after: number): number {
    this.depth -= 1;
    if (this.openNameAt[this.depth] === -1) this.savedLength = this.openNameSaved[this.depth] as number;
    if (this.depth === 0) this.isRootClosed = true;
    return after;
  }

  /** True when bytes start..end are the qualified name of the innermost open element. */
  protected isOpenName(start: number, end: number): boolean {
    const depth = this.depth - 1;
    const length = end - start;
    if ((this.openNameLength[depth] as number) !== length) return false;
    const at = this.openNameAt[depth] as number;
    if (at >= 0) return isSameRun(this.view, this.buffer, at - this.base, start, length);
    const { buffer, savedNames } = this;
    const shift = (this.openNameSaved[depth] as number) - start;
    for (let index = start; index < end; index += 1) {
      if (savedNames[index + shift] !== buffer[index]) return false;
    }
    return true;
  }

  // --- bytes and text ---------------------------------------------------------------------------

  /** A byte other than plain ASCII: moves the position along, or refuses a character XML does not allow. */
  protected pass(kind: number, index: number): void {
    switch (kind) {
      case CONTINUATION:
        this.position.lineAdjust += 1;
        return;
      case LF:
        this.position.lineFeed(this.base + index);
        return;
      case CR:
        this.position.carriageReturn(this.base + index);
        return;
      case LEAD_EF: {
        // U+FFFE and U+FFFF are not XML characters (surrogates and the rest are not UTF-8 at all).
        const { buffer } = this;
        if (buffer[index + 1] === 0xbf && ((buffer[index + 2] as number) & 0xfe) === 0xbe) throw this.errorAfter('disallowed character.', index);
        return;
      }
      case LEAD:
        return;
      default:
        throw this.errorAfter('disallowed character.', index);
    }
  }

  /** Bytes as text, line ends made LF as XML requires. */
  protected decode(start: number, end: number, isAscii: boolean, hasReturn: boolean): string {
    if (start === end) return '';
    const text = isAscii ? this.ascii(start, end) : this.buffer.toString('utf8', start, end);
    return hasReturn ? text.replace(/\r\n?/g, '\n') : text;
  }

  protected ascii(start: number, end: number): string {
    if (end - start >= SHARED_STRING_LENGTH) return this.buffer.toString('latin1', start, end);
    const { base } = this;
    if (base + start < this.textStart || base + end > this.textEnd) {
      const textEnd = Math.max(end, Math.min(this.windowEnd, start + TEXT_LENGTH));
      this.text = this.buffer.toString('latin1', start, textEnd);
      this.textStart = base + start;
      this.textEnd = base + textEnd;
    }
    return this.text.substring(base + start - this.textStart, base + end - this.textStart);
  }

  // --- names and spaces -------------------------------------------------------------------------

  protected isNameStartAt(index: number): boolean {
    const byte = this.buffer[index] as number;
    if (byte < 0x80) return isAsciiNameStart(byte);
    return isNameStartCode(codePointAt(this.buffer, index));
  }

  /**
   * The end of the name at `start` (`start` itself when there is none), or NEED_MORE when the input
   * read so far ends inside it. Sets `colonAt` and `isNameAscii`.
   */
  protected name(start: number, end: number, needsStart: boolean): number {
    const { buffer } = this;
    if (needsStart && start < end && !this.isNameStartAt(start)) {
      this.colonAt = -1;
      this.isNameAscii = true;
      return start;
    }
    let index = start;
    let colonAt = -1;
    let isAscii = true;
    while (index < end) {
      const byte = buffer[index] as number;
      const kind = NAME_BYTE[byte] as number;
      if (kind === NAME_CHARACTER) {
        index += 1;
        continue;
      }
      if (kind === NAME_COLON) {
        if (colonAt === -1) colonAt = index;
        index += 1;
        continue;
      }
      if (kind === NOT_NAME || !isNameCode(codePointAt(buffer, index))) break;
      const length = sequenceLength(byte);
      this.position.lineAdjust += length - 1;
      isAscii = false;
      index += length;
    }
    if (index >= end) return NEED_MORE;
    this.colonAt = colonAt;
    this.isNameAscii = isAscii;
    return index;
  }

  /** The name bytes start..end (checked by `name`) as a string, decoded once for all its occurrences. */
  protected nameText(start: number, end: number): string {
    const { buffer, names } = this;
    if (!this.isNameAscii) return buffer.toString('utf8', start, end);
    const length = end - start;
    const slot = (length * 61 + (buffer[start] as number) * 31 + (buffer[end - 1] as number) * 7 + (buffer[start + (length >> 1)] as number)) & (NAME_SLOTS - 1);
    const cached = names[slot];
    if (cached !== undefined && isSameAscii(cached, buffer, start, end)) return cached;
    const name = this.ascii(start, end);
    names[slot] = name;
    return name;
  }

  /** Skips white space (moving the line along); returns the first index past it. */
  protected spaces(start: number, end: number): number {
    const { buffer } = this;
    let index = start;
    for (; index < end; index += 1) {
      const byte = buffer[index] as number;
      if (byte === BYTE.SPACE || byte === BYTE.TAB) continue;
      if (byte === BYTE.LF) this.position.lineFeed(this.base + index);
      else if (byte === BYTE.CR) this.position.carriageReturn(this.base + index);
      else break;
    }
    return index;
  }

  // --- limits and errors ------------------------------------------------------------------------

  /** No single construct may be longer than the limit, as the saxes parser counts it (UTF-16 code units). */
  protected checkLength(start: number, end: number): void {
    if (new BytePosition().advance(this.buffer, this.base, start, end) <= this.limits.maxTextLength) return;
    throw new XmlReadError(`a single text, tag or comment is longer than ${describeLength(this.limits.maxTextLength)}`, this.position.at(this.base + end), true);
  }

  protected grow(size: number, position: XmlOrigin): void {
    this.recordSize += size;
    if (this.recordSize > this.limits.maxRecordSize) {
      throw new XmlReadError(`a record holds more than ${describeLength(this.limits.maxRecordSize)}`, position, true);
    }
  }

  /**
   * An error reported just after the character at `index`, where the parser reports it. A character
   * XML does not allow at all is refused as such, as the parser refuses it before anything else.
   */
  protected errorAfter(message: string, index: number, fatal = false): XmlReadError {
    const position = this.position.at(this.base + index);
    const reason = this.isDisallowedAt(index) ? 'disallowed character.' : message;
    const byte = this.buffer[index];
    const after = byte === BYTE.LF || byte === BYTE.CR ? { line: position.line + 1, column: 1 } : { line: position.line, column: position.column + 1 };
    return new XmlReadError(reason, after, fatal);
  }

  private isDisallowedAt(index: number): boolean {
    const { buffer } = this;
    if (index >= buffer.length) return false;
    const kind = BYTE_KIND[buffer[index] as number];
    return kind === CONTROL || (kind === LEAD_EF && buffer[index + 1] === 0xbf && ((buffer[index + 2] as number) & 0xfe) === 0xbe);
  }
}

/** How many bytes of `bytes` from `start` to `end` continue a multi-byte character. */
function continuationBytes(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index += 1) {
    const byte = bytes[index] as number;
    if (byte >= 0x80 && byte < 0xc0) count += 1;
  }
  return count;
}
