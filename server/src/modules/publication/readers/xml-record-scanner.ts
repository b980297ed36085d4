import { BytePosition } from './byte-position.ts';
import { resolveNamedEntity } from './character-entities.ts';
import type { KeptElements } from './kept-elements.ts';
import { XmlReadError, describeLength, type XmlLimits, type XmlOrigin } from './safe-xml-parser.ts';
import {
  BYTE,
  NAME_BYTE,
  NAME_CHARACTER,
  NAME_COLON,
  NOT_NAME,
  codePointAt,
  hexDigit,
  isAsciiNameStart,
  isPlainTextWord,
  isSameAscii,
  isSameAt,
  isSameRun,
  isSpace,
  opensWith,
  sequenceLength,
} from './xml-bytes.ts';
import type { XmlElement } from './xml-element.ts';
import { isNameCode, isNameStartCode, isXmlChar } from './xml-names.ts';

/** What a reading step returns for a construct the input read so far cuts short: scan again with more bytes. */
const NEED_MORE = -1;

/** What a step of the fast lane returns for a construct it leaves to the general steps. */
const STOP = -1;

// The fast lane reads start tags of up to this many attributes.
const PLAIN_ATTRIBUTES = 32;

// What an element costs in memory beyond its text, for the record size limit (as RecordCollector counts).
const ELEMENT_COST = 64;

// ASCII strings shorter than this are cut from the window's text; longer ones are decoded on their own,
// so that no kept string holds on to the whole window's (V8 shares the characters of longer substrings).
const SHARED_STRING_LENGTH = 13;

// How many bytes of the window are made text at a time for the short strings.
const TEXT_LENGTH = 4096;

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
export class XmlRecordScanner {
  private buffer: Buffer = Buffer.alloc(0);
  /** The same bytes, read four at a time (names compared, plain text passed). */
  private view: DataView = new DataView(new ArrayBuffer(0));
  /** The file offset of buffer[0]. */
  private base = 0;
  /**
   * Part of the window as Latin-1 text, bytes textStart..textEnd (file offsets): a short ASCII string
   * is cut from it. Made when a string needs it, from there up to TEXT_LENGTH bytes on: the window
   * runs to the end of the bytes read, past the record, and most of a record is dropped elements.
   */
  private text = '';
  private textStart = 0;
  private textEnd = 0;
  /** Where the window `scan` reads ends, in the buffer. */
  private windowEnd = 0;
  private depth = 0;
  /**
   * Where the qualified name of each open element is, to match its end tag: its file offset while the
   * buffer still holds it, else -1 and the index of a copy in `savedNames` (see `saveOpenNames`).
   */
  private readonly openNameAt: Float64Array;
  private readonly openNameLength: Int32Array;
  /** 0 when the open element's name has characters beyond ASCII, whose bytes move the column differently. */
  private readonly openNameIsAscii: Uint8Array;
  private readonly openNameSaved: Int32Array;
  private savedNames = new Uint8Array(1024);
  private savedLength = 0;
  private readonly openElements: (XmlElement | null)[];
  private readonly openKept: (KeptElements | null)[];
  /** The attribute names of the start tag being read, as [start, end) pairs, to refuse duplicates. */
  private readonly attributeNames: number[] = [];
  /** The same, for the start tag the fast lane reads. */
  private readonly plainNames = new Int32Array(2 * PLAIN_ATTRIBUTES);
  /** Set by the fast lane: the local name of the kept element being read, and whether the value read is all ASCII. */
  private plainLocalName = '';
  private plainIsAscii = true;
  private attributeCount = 0;
  /** Where the first repeated attribute name of the start tag being read is, or -1. */
  private duplicateAt = -1;
  /** The length of the kept attributes' names and values, for the record size limit. */
  private attributesLength = 0;
  private recordSize = 0;
  private root: XmlElement | null = null;
  private isRootClosed = false;
  /** Set by `name`: where the name's first colon is (-1 for none), and whether it is all ASCII. */
  private colonAt = -1;
  private isNameAscii = true;
  /** Set by `reference` and `attributeValue`: the characters read. */
  private value = '';
  /** Decoded names, by a slot computed from their bytes: names repeat in every record. */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS);
  /** Where the construct `scan` last threw at starts: what follows it is no longer the record's. */
  failedAt = 0;

  constructor(
    private readonly kept: KeptElements,
    private readonly limits: XmlLimits,
    private readonly position: BytePosition,
    private readonly cut: RecordCut | null = null,
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

  // --- the fast lane ----------------------------------------------------------------------------

  /**
   * Reads the record's content from `start` while its constructs have the plain forms: text without
   * carriage returns, control characters or `]]>`, its references well-formed; start tags with ASCII
   * names, separated by spaces, their values quoted, without references, markup or white space but
   * the space; end tags closing the innermost element. Before any other construct, one the window
   * cuts short, or one at a limit, it stops with the position as it was. Returns where it stopped
   * (the record's end at most).
   */
  private plainConstructs(start: number, end: number): number {
    const { buffer, position } = this;
    let index = start;
    while (index < end && !this.isRootClosed) {
      position.save();
      let next: number;
      if (buffer[index] !== BYTE.LT) next = this.plainText(index, end);
      else if (buffer[index + 1] === BYTE.SLASH) next = this.plainEndTag(index, end);
      else next = this.plainStartTag(index, end);
      if (next === STOP) {
        position.restore();
        return index;
      }
      index = next;
    }
    return index;
  }

  /**
   * A text, passed four bytes at a time while they are plain ASCII. One with a reference goes on in
   * plainTextWithReferences, apart so that this loop, which nearly every text takes, stays small.
   */
  private plainText(start: number, end: number): number {
    const { buffer, position, view } = this;
    let isAscii = true;
    for (let index = start; index < end; index += 1) {
      while (index + 4 <= end && isPlainTextWord(view.getInt32(index))) index += 4;
      if (index >= end) break;
      const kind = TEXT_KIND[buffer[index] as number] as number;
      if (kind === PLAIN) continue;
      switch (kind) {
        case MARKUP: {
          if (index - start > this.limits.maxTextLength) return STOP;
          const element = this.openElements[this.depth - 1];
          return element ? this.addPlainText(element, isAscii ? this.ascii(start, index) : buffer.toString('utf8', start, index), index) : index;
        }
        case REFERENCE:
          return this.plainTextWithReferences(start, index, end, isAscii);
        case CONTINUATION:
          position.lineAdjust += 1;
          isAscii = false;
          break;
        case LEAD:
          isAscii = false;
          break;
        case LF:
          position.lineFeed(this.base + index);
          break;
        case CLOSE_ANGLE:
          if (index - 2 >= start && buffer[index - 1] === BYTE.RSQB && buffer[index - 2] === BYTE.RSQB) return STOP;
          break;
        default:
          return STOP;
      }
    }
    return STOP;
  }

  /** The rest of a text from its first reference at `from`, the characters before it all ASCII or not. */
  private plainTextWithReferences(start: number, from: number, end: number, isAsciiBefore: boolean): number {
    const { buffer, position } = this;
    const element = this.openElements[this.depth - 1] ?? null;
    // When kept: the text up to the last reference, and where the characters after it start.
    let value = '';
    let runStart = start;
    let isAscii = isAsciiBefore;
    for (let index = from; index < end; index += 1) {
      const kind = TEXT_KIND[buffer[index] as number] as number;
      if (kind === PLAIN) continue;
      switch (kind) {
        case MARKUP:
          if (index - start > this.limits.maxTextLength) return STOP;
          return element ? this.addPlainText(element, value + this.decode(runStart, index, isAscii, false), index) : index;
        case REFERENCE: {
          const after = this.plainReference(index, end, element !== null);
          if (after === STOP) return STOP;
          if (element) value += this.decode(runStart, index, isAscii, false) + this.value;
          runStart = after;
          isAscii = true;
          index = after - 1;
          break;
        }
        case CONTINUATION:
          position.lineAdjust += 1;
          isAscii = false;
          break;
        case LEAD:
          isAscii = false;
          break;
        case LF:
          position.lineFeed(this.base + index);
          break;
        case CLOSE_ANGLE:
          if (index - 2 >= runStart && buffer[index - 1] === BYTE.RSQB && buffer[index - 2] === BYTE.RSQB) return STOP;
          break;
        default:
          return STOP;
      }
    }
    return STOP;
  }

  private addPlainText(element: XmlElement, text: string, end: number): number {
    if (text === '') return end;
    if (this.recordSize + text.length > this.limits.maxRecordSize) return STOP;
    this.recordSize += text.length;
    element.content.push(text);
    return end;
  }

  /**
   * A well-formed reference at `start` (the `&`): returns where it ends, and sets `value` to its
   * characters when `isKept`; STOP for any other, which the general steps read.
   */
  private plainReference(start: number, end: number, isKept: boolean): number {
    const { buffer } = this;
    if (start + 2 >= end) return STOP;
    if (buffer[start + 1] === BYTE.HASH) {
      const isHex = buffer[start + 2] === BYTE.LOWER_X;
      const digitsStart = isHex ? start + 3 : start + 2;
      let index = digitsStart;
      let code = 0;
      for (; index < end; index += 1) {
        const byte = buffer[index] as number;
        const digit = isHex ? hexDigit(byte) : byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : -1;
        if (digit < 0) break;
        code = Math.min(code * (isHex ? 16 : 10) + digit, 0x110000);
      }
      if (index >= end || buffer[index] !== BYTE.SEMICOLON || index === digitsStart || !isXmlChar(code)) return STOP;
      if (isKept) this.value = String.fromCodePoint(code);
      return index + 1;
    }
    if (!isAsciiNameStart(buffer[start + 1] as number)) return STOP;
    const nameEnd = this.plainName(start + 2, end);
    if (nameEnd >= end || buffer[nameEnd] !== BYTE.SEMICOLON) return STOP;
    if (isKept) {
      this.isNameAscii = true;
      this.value = resolveNamedEntity(this.nameText(start + 1, nameEnd));
    }
    return nameEnd + 1;
  }

  private plainEndTag(start: number, end: number): number {
    const close = start + 2 + (this.openNameLength[this.depth - 1] as number);
    if (close >= end || this.buffer[close] !== BYTE.GT || close + 1 - start > this.limits.maxTextLength || !this.isOpenName(start + 2, close)) return STOP;
    return this.closedAs(start + 2, close);
  }

  private plainStartTag(start: number, end: number): number {
    const { buffer, plainNames } = this;
    if (start + 1 >= end || !isAsciiNameStart(buffer[start + 1] as number)) return STOP;
    let index = start + 1;
    let colonAt = -1;
    for (; index < end; index += 1) {
      const kind = NAME_BYTE[buffer[index] as number] as number;
      if (kind === NAME_CHARACTER) continue;
      if (kind !== NAME_COLON) break;
      if (colonAt === -1) colonAt = index;
    }
    const nameEnd = index;
    // Inside the record, a start tag of the records' name is where the next record starts (as the search finds it).
    if (this.cut !== null && this.depth > 0 && isSameAt(this.cut.name, buffer, start + 1, nameEnd)) return STOP;
    const kept = this.keptChild(colonAt === -1 ? start + 1 : colonAt + 1, nameEnd);
    const attributes: Record<string, string> | null = kept ? {} : null;
    let attributesLength = 0;
    let count = 0;
    for (;;) {
      if (index >= end) return STOP;
      const byte = buffer[index] as number;
      if (byte === BYTE.GT) return this.openedPlain(start, nameEnd, kept, attributes, attributesLength, index + 1, false);
      if (byte === BYTE.SLASH) {
        if (index + 1 >= end || buffer[index + 1] !== BYTE.GT) return STOP;
        return this.openedPlain(start, nameEnd, kept, attributes, attributesLength, index + 2, true);
      }
      if (byte !== BYTE.SPACE) return STOP;
      while (index < end && buffer[index] === BYTE.SPACE) index += 1;
      if (index >= end) return STOP;
      const first = buffer[index] as number;
      if (first === BYTE.GT || first === BYTE.SLASH) continue;
      // An attribute, `name="value"`, its name not given before in the tag.
      if (!isAsciiNameStart(first) || count === PLAIN_ATTRIBUTES) return STOP;
      const nameStart = index;
      index = this.plainName(index + 1, end);
      if (index + 1 >= end || buffer[index] !== BYTE.EQUALS || this.isPlainRepeat(nameStart, index, count)) return STOP;
      plainNames[2 * count] = nameStart;
      plainNames[2 * count + 1] = index;
      count += 1;
      const quote = buffer[index + 1] as number;
      if (quote !== BYTE.QUOTE && quote !== BYTE.APOSTROPHE) return STOP;
      const valueStart = index + 2;
      index = this.plainValue(valueStart, end, quote);
      if (index === STOP) return STOP;
      if (attributes) attributesLength += this.setAttribute(attributes, nameStart, plainNames[2 * count - 1] as number, valueStart, index);
      index += 1;
      if (index < end && buffer[index] !== BYTE.SPACE && buffer[index] !== BYTE.GT && buffer[index] !== BYTE.SLASH) return STOP;
    }
  }

  /** What the innermost open element keeps of a child of this local name (the record's element at first): null when it is dropped. */
  private keptChild(localStart: number, localEnd: number): KeptElements | null {
    let kept: KeptElements | null = this.kept;
    if (this.depth > 0) {
      const parent = this.openKept[this.depth - 1] ?? null;
      if (parent === null) return null;
      if (!parent.keepsAll) {
        const child = parent.named(this.buffer, localStart, localEnd);
        if (child === null) return null;
        this.plainLocalName = child.name;
        return child.kept;
      }
      if (parent.isSkipped(this.buffer, localStart, localEnd)) return null;
      kept = parent;
    }
    this.isNameAscii = true;
    this.plainLocalName = this.nameText(localStart, localEnd);
    return kept;
  }

  /** The end of the ASCII name bytes from `start`. */
  private plainName(start: number, end: number): number {
    const { buffer } = this;
    let index = start;
    while (index < end && (NAME_BYTE[buffer[index] as number] as number) <= NAME_COLON) index += 1;
    return index;
  }

  /** The index of the closing quote of a value from `start`, or STOP for a value the general steps must read. Sets `plainIsAscii`. */
  private plainValue(start: number, end: number, quote: number): number {
    const { buffer, position } = this;
    let isAscii = true;
    for (let index = start; index < end; index += 1) {
      const byte = buffer[index] as number;
      if (byte === quote) {
        this.plainIsAscii = isAscii;
        return index;
      }
      const kind = VALUE_KIND[byte] as number;
      if (kind === PLAIN) continue;
      if (kind === CONTINUATION) position.lineAdjust += 1;
      else if (kind !== LEAD) return STOP;
      isAscii = false;
    }
    return STOP;
  }

  /** Sets a kept attribute read by the fast lane; returns its length for the record size limit. */
  private setAttribute(attributes: Record<string, string>, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): number {
    this.isNameAscii = true;
    const name = this.nameText(nameStart, nameEnd);
    const value = this.decode(valueStart, valueEnd, this.plainIsAscii, false);
    // A plain object reads fastest; only `__proto__` has to be defined rather than set.
    if (name === '__proto__') Object.defineProperty(attributes, name, { value, enumerable: true, writable: true, configurable: true });
    else attributes[name] = value;
    return name.length + value.length;
  }

  private isPlainRepeat(start: number, end: number, count: number): boolean {
    const { buffer, plainNames } = this;
    const length = end - start;
    for (let pair = 0; pair < 2 * count; pair += 2) {
      const other = plainNames[pair] as number;
      if ((plainNames[pair + 1] as number) - other !== length) continue;
      let index = 0;
      while (index < length && buffer[start + index] === buffer[other + index]) index += 1;
      if (index === length) return true;
    }
    return false;
  }

  /** A start tag read by the fast lane ends at `after`: the element opens, as `opened` opens it, unless a limit is reached. */
  private openedPlain(start: number, nameEnd: number, kept: KeptElements | null, attributes: Record<string, string> | null, attributesLength: number, after: number, isEmpty: boolean): number {
    if (after - start > this.limits.maxTextLength || this.depth + 1 > this.limits.maxDepth) return STOP;
    let element: XmlElement | null = null;
    if (kept && attributes) {
      const size = ELEMENT_COST + attributesLength;
      if (this.recordSize + size > this.limits.maxRecordSize) return STOP;
      element = { name: this.plainLocalName, attributes, content: [], position: this.position.at(this.base + after) };
      if (this.depth === 0) this.root = element;
      else this.openElements[this.depth - 1]?.content.push(element);
      this.recordSize += size;
    }
    if (isEmpty) {
      if (this.depth === 0) this.isRootClosed = true;
      return after;
    }
    this.openNameAt[this.depth] = this.base + start + 1;
    this.openNameLength[this.depth] = nameEnd - start - 1;
    this.openNameIsAscii[this.depth] = 1;
    this.openElements[this.depth] = element;
    this.openKept[this.depth] = kept;
    this.depth += 1;
    return after;
  }

  // --- text -------------------------------------------------------------------------------------

  /** Character data up to the next markup, added to the element when it is kept. */
  private characters(start: number, end: number): number {
    const { buffer } = this;
    const element = this.openElements[this.depth - 1] ?? null;
    let value = '';
    let runStart = start;
    let isAscii = true;
    let hasReturn = false;
    for (let index = start; index < end; index += 1) {
      const kind = TEXT_KIND[buffer[index] as number] as number;
      if (kind === PLAIN) continue;
      switch (kind) {
        case MARKUP:
          if (element) this.addText(element, value + this.decode(runStart, index, isAscii, hasReturn));
          return index;
        case REFERENCE: {
          if (element) value += this.decode(runStart, index, isAscii, hasReturn);
          const after = this.reference(index, end);
          if (after === NEED_MORE) return NEED_MORE;
          if (element) value += this.value;
          runStart = after;
          isAscii = true;
          hasReturn = false;
          index = after - 1;
          break;
        }
        case CLOSE_ANGLE:
          if (index - 2 >= runStart && buffer[index - 1] === BYTE.RSQB && buffer[index - 2] === BYTE.RSQB) {
            throw this.errorAfter('the string "]]>" is disallowed in char data.', index);
          }
          break;
        default:
          if (kind === CR) hasReturn = true;
          else if (kind >= CONTINUATION) isAscii = false;
          this.pass(kind, index);
      }
    }
    return NEED_MORE;
  }

  private addText(element: XmlElement, text: string): void {
    if (text === '') return;
    this.grow(text.length, element.position);
    element.content.push(text);
  }

  /** A byte other than plain ASCII: moves the position along, or refuses a character XML does not allow. */
  private pass(kind: number, index: number): void {
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
  private decode(start: number, end: number, isAscii: boolean, hasReturn: boolean): string {
    if (start === end) return '';
    const text = isAscii ? this.ascii(start, end) : this.buffer.toString('utf8', start, end);
    return hasReturn ? text.replace(/\r\n?/g, '\n') : text;
  }

  private ascii(start: number, end: number): string {
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

  /**
   * An entity or character reference at `start` (the `&`): sets `value` and returns where it ends.
   * Named entities resolve through the fixed table, never to more than one character.
   */
  private reference(start: number, end: number): number {
    const { buffer } = this;
    if (start + 1 >= end) return NEED_MORE;
    if (buffer[start + 1] === BYTE.HASH) return this.characterReference(start, end);
    const nameEnd = this.name(start + 1, end, true);
    if (nameEnd === NEED_MORE) return NEED_MORE;
    if (buffer[nameEnd] !== BYTE.SEMICOLON) return this.badReference(nameEnd, end, 'disallowed character in entity name.');
    if (nameEnd === start + 1) throw this.errorAfter('empty entity name.', nameEnd);
    this.value = resolveNamedEntity(this.nameText(start + 1, nameEnd));
    return nameEnd + 1;
  }

  private characterReference(start: number, end: number): number {
    const { buffer } = this;
    const isHex = buffer[start + 2] === BYTE.LOWER_X;
    const digitsStart = isHex ? start + 3 : start + 2;
    let index = digitsStart;
    let code = 0;
    for (; index < end; index += 1) {
      const byte = buffer[index] as number;
      const digit = isHex ? hexDigit(byte) : byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : -1;
      if (digit < 0) break;
      // Past the last code point the value only has to stay out of range.
      code = Math.min(code * (isHex ? 16 : 10) + digit, 0x110000);
    }
    if (index >= end) return NEED_MORE;
    if (buffer[index] !== BYTE.SEMICOLON) return this.badReference(index, end, 'malformed character entity.');
    if (index === digitsStart || !isXmlChar(code)) throw this.errorAfter('malformed character entity.', index);
    this.value = String.fromCodePoint(code);
    return index + 1;
  }

  /**
   * A reference that is not well-formed at `from`: the parser reads it up to the next `;` (whatever
   * lies between) and refuses it there, so the error is reported at the same place.
   */
  private badReference(from: number, end: number, message: string): number {
    const { buffer } = this;
    for (let index = from; index < end; index += 1) {
      const byte = buffer[index] as number;
      if (byte === BYTE.SEMICOLON) throw this.errorAfter(message, index);
      const kind = BYTE_KIND[byte] as number;
      if (kind !== PLAIN) this.pass(kind, index);
    }
    return NEED_MORE;
  }

  // --- markup -----------------------------------------------------------------------------------

  private markup(start: number, end: number): number {
    if (start + 1 >= end) return NEED_MORE;
    const next = this.buffer[start + 1] as number;
    if (next === BYTE.SLASH) return this.endTag(start, end);
    if (next === BYTE.BANG) return this.declaration(start, end);
    if (next === BYTE.QUESTION) return this.instruction(start, end);
    if (this.isNameStartAt(start + 1)) return this.startTag(start, end);
    throw this.errorAfter('disallowed character in tag name', start + 1);
  }

  private startTag(start: number, end: number): number {
    const { buffer } = this;
    const nameEnd = this.name(start + 1, end, true);
    if (nameEnd === NEED_MORE) return NEED_MORE;
    this.openNameIsAscii[this.depth] = this.isNameAscii ? 1 : 0;
    const localStart = this.colonAt === -1 ? start + 1 : this.colonAt + 1;
    const parent = this.depth === 0 ? null : (this.openKept[this.depth - 1] ?? null);
    let kept: KeptElements | null = null;
    let localName = '';
    if (this.depth === 0) {
      kept = this.kept;
      localName = this.nameText(localStart, nameEnd);
    } else if (parent?.keepsAll) {
      if (!parent.isSkipped(buffer, localStart, nameEnd)) {
        kept = parent;
        localName = this.nameText(localStart, nameEnd);
      }
    } else if (parent) {
      const child = parent.named(buffer, localStart, nameEnd);
      if (child) {
        kept = child.kept;
        localName = child.name;
      }
    }
    const attributes: Record<string, string> | null = kept ? {} : null;
    this.attributeCount = 0;
    this.attributesLength = 0;
    this.duplicateAt = -1;
    let index = nameEnd;
    let hasSpace = false;
    let afterValue = false;
    for (;;) {
      if (index >= end) return NEED_MORE;
      const byte = buffer[index] as number;
      if (byte === BYTE.GT) {
        this.checkDuplicate(index);
        return this.opened(start + 1, nameEnd, localName, kept, attributes, index + 1, false);
      }
      if (byte === BYTE.SLASH) {
        if (index + 1 >= end) return NEED_MORE;
        if (buffer[index + 1] !== BYTE.GT) throw this.errorAfter('forward-slash in opening tag not followed by >.', index + 1);
        this.checkDuplicate(index + 1);
        return this.opened(start + 1, nameEnd, localName, kept, attributes, index + 2, true);
      }
      if (isSpace(byte)) {
        index = this.spaces(index, end);
        hasSpace = true;
        continue;
      }
      if (!hasSpace) {
        const isAttribute = afterValue && this.isNameStartAt(index);
        throw this.errorAfter(isAttribute ? 'no whitespace between attributes.' : afterValue ? 'disallowed character in attribute name.' : 'disallowed character in tag name.', index);
      }
      if (!this.isNameStartAt(index)) throw this.errorAfter('disallowed character in attribute name.', index);
      index = this.attribute(index, end, attributes);
      if (index === NEED_MORE) return NEED_MORE;
      hasSpace = false;
      afterValue = true;
    }
  }

  /** One `name="value"` of a start tag at `start`; returns where it ends. */
  private attribute(start: number, end: number, attributes: Record<string, string> | null): number {
    const { buffer } = this;
    const nameEnd = this.name(start, end, true);
    if (nameEnd === NEED_MORE) return NEED_MORE;
    let index = buffer[nameEnd] === BYTE.EQUALS ? nameEnd : this.spaces(nameEnd, end);
    if (index >= end) return NEED_MORE;
    if (buffer[index] !== BYTE.EQUALS) {
      const isEnd = buffer[index] === BYTE.GT || index > nameEnd;
      throw this.errorAfter(isEnd ? 'attribute without value.' : 'disallowed character in attribute name.', index);
    }
    index = isQuote(buffer[index + 1] as number) ? index + 1 : this.spaces(index + 1, end);
    if (index >= end) return NEED_MORE;
    const quote = buffer[index] as number;
    if (quote !== BYTE.QUOTE && quote !== BYTE.APOSTROPHE) throw this.errorAfter('unquoted attribute value.', index);
    const isNameAscii = this.isNameAscii;
    const valueEnd = this.attributeValue(index + 1, end, quote, attributes !== null);
    if (valueEnd === NEED_MORE) return NEED_MORE;
    if (this.isDuplicateAttribute(start, nameEnd) && this.duplicateAt === -1) this.duplicateAt = start;
    if (attributes) {
      const name = isNameAscii ? this.nameText(start, nameEnd) : buffer.toString('utf8', start, nameEnd);
      // A plain object reads fastest; only `__proto__` has to be defined rather than set.
      if (name === '__proto__') Object.defineProperty(attributes, name, { value: this.value, enumerable: true, writable: true, configurable: true });
      else attributes[name] = this.value;
      this.attributesLength += name.length + this.value.length;
    }
    return valueEnd + 1;
  }

  /** A tag that repeats an attribute is refused once it ends, as the parser refuses it (the first repeated name). */
  private checkDuplicate(tagEnd: number): void {
    if (this.duplicateAt === -1) return;
    // The name was passed already: reading it again must not move the column again.
    const { lineAdjust } = this.position;
    const nameEnd = this.name(this.duplicateAt, tagEnd, true);
    this.position.lineAdjust = lineAdjust;
    throw this.errorAfter(`duplicate attribute: ${this.buffer.toString('utf8', this.duplicateAt, nameEnd)}.`, tagEnd);
  }

  private isDuplicateAttribute(start: number, end: number): boolean {
    const { buffer, attributeNames } = this;
    for (let pair = 0; pair < 2 * this.attributeCount; pair += 2) {
      const otherStart = attributeNames[pair] as number;
      if ((attributeNames[pair + 1] as number) - otherStart === end - start && buffer.compare(buffer, start, end, otherStart, otherStart + end - start) === 0) return true;
    }
    attributeNames[2 * this.attributeCount] = start;
    attributeNames[2 * this.attributeCount + 1] = end;
    this.attributeCount += 1;
    return false;
  }

  /** A quoted value from `start` to its closing quote, whose index it returns; sets `value` when kept. */
  private attributeValue(start: number, end: number, quote: number, isKept: boolean): number {
    const { buffer } = this;
    let value = '';
    let runStart = start;
    let isAscii = true;
    for (let index = start; index < end; index += 1) {
      const byte = buffer[index] as number;
      if (byte === quote) {
        if (isKept) this.value = value + this.decode(runStart, index, isAscii, false);
        return index;
      }
      const kind = VALUE_KIND[byte] as number;
      if (kind === PLAIN) continue;
      switch (kind) {
        case MARKUP:
          throw this.errorAfter('disallowed character.', index);
        case REFERENCE: {
          if (isKept) value += this.decode(runStart, index, isAscii, false);
          const after = this.reference(index, end);
          if (after === NEED_MORE) return NEED_MORE;
          if (isKept) value += this.value;
          runStart = after;
          isAscii = true;
          index = after - 1;
          break;
        }
        case SPACE_IN_VALUE: {
          // Attribute-value normalisation: a tab or a line end becomes a space (CR LF is one line end).
          const isCrLf = byte === BYTE.LF && index > start && buffer[index - 1] === BYTE.CR;
          if (isKept) value += isCrLf ? this.decode(runStart, index, isAscii, false) : `${this.decode(runStart, index, isAscii, false)} `;
          if (byte !== BYTE.TAB) this.pass(byte === BYTE.LF ? LF : CR, index);
          runStart = index + 1;
          isAscii = true;
          break;
        }
        default:
          if (kind >= CONTINUATION) isAscii = false;
          this.pass(kind, index);
      }
    }
    return NEED_MORE;
  }

  /** The start tag (its name at nameStart..nameEnd) ends at `after`: the element opens, and closes at once when written `<name/>`. */
  private opened(nameStart: number, nameEnd: number, localName: string, kept: KeptElements | null, attributes: Record<string, string> | null, after: number, isEmpty: boolean): number {
    if (this.depth + 1 > this.limits.maxDepth) throw this.errorAfter(`elements nested deeper than ${this.limits.maxDepth} levels`, after - 1, true);
    let element: XmlElement | null = null;
    if (kept && attributes) {
      const position = this.position.at(this.base + after);
      element = { name: localName, attributes, content: [], position };
      if (this.depth === 0) this.root = element;
      else this.openElements[this.depth - 1]?.content.push(element);
      this.grow(ELEMENT_COST + this.attributesLength, position);
    }
    if (isEmpty) {
      if (this.depth === 0) this.isRootClosed = true;
      return after;
    }
    this.openNameAt[this.depth] = this.base + nameStart;
    this.openNameLength[this.depth] = nameEnd - nameStart;
    this.openElements[this.depth] = element;
    this.openKept[this.depth] = kept;
    this.depth += 1;
    return after;
  }

  /** Where the bytes of an open element's name are: in the buffer, or in the saved copies. */
  private openName(depth: number): { bytes: Uint8Array; start: number } {
    const at = this.openNameAt[depth] as number;
    return at >= 0 ? { bytes: this.buffer, start: at - this.base } : { bytes: this.savedNames, start: this.openNameSaved[depth] as number };
  }

  private endTag(start: number, end: number): number {
    const { buffer } = this;
    // Well-formed input closes the innermost element: compare its name in place first.
    const length = this.openNameLength[this.depth - 1] as number;
    if (start + 2 + length < end && buffer[start + 2 + length] === BYTE.GT && this.isOpenName(start + 2, start + 2 + length)) return this.closedAs(start + 2, start + 2 + length);
    const nameEnd = this.name(start + 2, end, false);
    if (nameEnd === NEED_MORE) return NEED_MORE;
    const index = this.spaces(nameEnd, end);
    if (index >= end) return NEED_MORE;
    if (buffer[index] !== BYTE.GT) throw this.errorAfter('disallowed character in closing tag.', index);
    if (nameEnd === start + 2) throw this.errorAfter('weird empty close tag.', index);
    if (!this.isOpenName(start + 2, nameEnd)) throw this.errorAfter('unexpected close tag.', index);
    return this.closed(index + 1);
  }

  /** An end tag whose name, at nameStart..nameEnd, is the innermost element's (and `>` follows) closes it. */
  private closedAs(nameStart: number, nameEnd: number): number {
    // The name is passed at once: its bytes beyond ASCII move the column as they would one by one.
    if (this.openNameIsAscii[this.depth - 1] === 0) this.position.lineAdjust += continuationBytes(this.buffer, nameStart, nameEnd);
    return this.closed(nameEnd + 1);
  }

  private closed(after: number): number {
    this.depth -= 1;
    if (this.openNameAt[this.depth] === -1) this.savedLength = this.openNameSaved[this.depth] as number;
    if (this.depth === 0) this.isRootClosed = true;
    return after;
  }

  /** True when bytes start..end are the qualified name of the innermost open element. */
  private isOpenName(start: number, end: number): boolean {
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

  /** `<!--` a comment, `<![CDATA[` text, or a misplaced DOCTYPE. */
  private declaration(start: number, end: number): number {
    const { buffer } = this;
    const isComment = opensWith(buffer, start, end, COMMENT_OPEN);
    if (isComment) return this.comment(start + COMMENT_OPEN.length, end);
    const isCharacterData = opensWith(buffer, start, end, CDATA_OPEN);
    if (isCharacterData) return this.characterData(start + CDATA_OPEN.length, end);
    const isDoctype = opensWith(buffer, start, end, DOCTYPE_OPEN);
    if (isDoctype) throw this.errorAfter('inappropriately located doctype declaration.', start + DOCTYPE_OPEN.length - 1);
    if (isComment === null || isCharacterData === null || isDoctype === null) return NEED_MORE;
    // The parser gives up after seven characters that open none of them.
    let index = start + 2;
    for (let read = 1; read < 7; read += 1) {
      if (index >= end) return NEED_MORE;
      const byte = buffer[index] as number;
      const kind = BYTE_KIND[byte] as number;
      if (kind !== PLAIN) this.pass(kind, index);
      index += byte < 0x80 ? 1 : sequenceLength(byte);
    }
    if (index >= end) return NEED_MORE;
    throw this.errorAfter('incorrect syntax.', index);
  }

  private comment(start: number, end: number): number {
    const { buffer } = this;
    for (let index = start; index < end; index += 1) {
      const byte = buffer[index] as number;
      if (byte === BYTE.MINUS) {
        if (index + 1 >= end) return NEED_MORE;
        if (buffer[index + 1] !== BYTE.MINUS) continue;
        if (index + 2 >= end) return NEED_MORE;
        if (buffer[index + 2] !== BYTE.GT) throw this.errorAfter('malformed comment.', index + 2);
        return index + 3;
      }
      const kind = BYTE_KIND[byte] as number;
      if (kind !== PLAIN) this.pass(kind, index);
    }
    return NEED_MORE;
  }

  private characterData(start: number, end: number): number {
    const { buffer } = this;
    let isAscii = true;
    let hasReturn = false;
    for (let index = start; index < end; index += 1) {
      const byte = buffer[index] as number;
      if (byte === BYTE.RSQB) {
        if (index + 1 >= end) return NEED_MORE;
        if (buffer[index + 1] !== BYTE.RSQB) continue;
        if (index + 2 >= end) return NEED_MORE;
        if (buffer[index + 2] !== BYTE.GT) continue;
        const element = this.openElements[this.depth - 1];
        if (element) {
          // The parser reports a CDATA section even when empty; kept the same way.
          const text = this.decode(start, index, isAscii, hasReturn);
          this.grow(text.length, element.position);
          element.content.push(text);
        }
        return index + 3;
      }
      const kind = BYTE_KIND[byte] as number;
      if (kind === PLAIN) continue;
      if (kind === CR) hasReturn = true;
      else if (kind >= CONTINUATION) isAscii = false;
      this.pass(kind, index);
    }
    return NEED_MORE;
  }

  /** `<?target body?>`: read and dropped, as the saxes readers drop it. */
  private instruction(start: number, end: number): number {
    const { buffer } = this;
    if (start + 2 >= end) return NEED_MORE;
    if (!this.isNameStartAt(start + 2)) {
      const byte = buffer[start + 2] as number;
      throw this.errorAfter(byte === BYTE.QUESTION || isSpace(byte) ? 'processing instruction without a target.' : 'disallowed character in processing instruction name.', start + 2);
    }
    const nameEnd = this.name(start + 2, end, true);
    if (nameEnd === NEED_MORE) return NEED_MORE;
    const after = buffer[nameEnd] as number;
    if (after !== BYTE.QUESTION && !isSpace(after)) throw this.errorAfter('disallowed character in processing instruction name.', nameEnd);
    const target = buffer.toString('utf8', start + 2, nameEnd);
    if (target === 'xml') throw this.errorAfter('an XML declaration must be at the start of the document.', nameEnd);
    for (let index = nameEnd; index < end; index += 1) {
      const byte = buffer[index] as number;
      if (byte === BYTE.QUESTION) {
        if (index + 1 >= end) return NEED_MORE;
        if (buffer[index + 1] !== BYTE.GT) continue;
        if (target.toLowerCase() === 'xml') throw this.errorAfter('the XML declaration must appear at the start of the document.', index + 1);
        return index + 2;
      }
      const kind = BYTE_KIND[byte] as number;
      if (kind !== PLAIN) this.pass(kind, index);
    }
    return NEED_MORE;
  }

  // --- names and spaces -------------------------------------------------------------------------

  private isNameStartAt(index: number): boolean {
    const byte = this.buffer[index] as number;
    if (byte < 0x80) return isAsciiNameStart(byte);
    return isNameStartCode(codePointAt(this.buffer, index));
  }

  /**
   * The end of the name at `start` (`start` itself when there is none), or NEED_MORE when the input
   * read so far ends inside it. Sets `colonAt` and `isNameAscii`.
   */
  private name(start: number, end: number, needsStart: boolean): number {
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
  private nameText(start: number, end: number): string {
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
  private spaces(start: number, end: number): number {
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
  private checkLength(start: number, end: number): void {
    if (new BytePosition().advance(this.buffer, this.base, start, end) <= this.limits.maxTextLength) return;
    throw new XmlReadError(`a single text, tag or comment is longer than ${describeLength(this.limits.maxTextLength)}`, this.position.at(this.base + end), true);
  }

  private grow(size: number, position: XmlOrigin): void {
    this.recordSize += size;
    if (this.recordSize > this.limits.maxRecordSize) {
      throw new XmlReadError(`a record holds more than ${describeLength(this.limits.maxRecordSize)}`, position, true);
    }
  }

  /**
   * An error reported just after the character at `index`, where the parser reports it. A character
   * XML does not allow at all is refused as such, as the parser refuses it before anything else.
   */
  private errorAfter(message: string, index: number, fatal = false): XmlReadError {
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

// How many decoded names are kept (a power of two); a hostile file with many names only misses more.
const NAME_SLOTS = 1024;

// Byte kinds for the scanning loops: PLAIN needs nothing; the others are markup, references, line
// ends, bytes of multi-byte characters (which move the column differently) and refused controls.
const PLAIN = 0;
const MARKUP = 1;
const REFERENCE = 2;
const CLOSE_ANGLE = 3;
const SPACE_IN_VALUE = 4;
const CONTROL = 5;
const LF = 6;
const CR = 7;
const CONTINUATION = 8;
const LEAD = 9;
const LEAD_EF = 10;

const BYTE_KIND = byteKinds({});
const TEXT_KIND = byteKinds({ [BYTE.LT]: MARKUP, [BYTE.AMP]: REFERENCE, [BYTE.GT]: CLOSE_ANGLE });
const VALUE_KIND = byteKinds({ [BYTE.LT]: MARKUP, [BYTE.AMP]: REFERENCE, [BYTE.TAB]: SPACE_IN_VALUE, [BYTE.LF]: SPACE_IN_VALUE, [BYTE.CR]: SPACE_IN_VALUE });

function byteKinds(special: Record<number, number>): Uint8Array {
  const kinds = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    if (byte < 0x20) kinds[byte] = byte === BYTE.TAB ? PLAIN : byte === BYTE.LF ? LF : byte === BYTE.CR ? CR : CONTROL;
    else if (byte >= 0x80) kinds[byte] = byte < 0xc0 ? CONTINUATION : byte === 0xef ? LEAD_EF : LEAD;
  }
  for (const [byte, kind] of Object.entries(special)) kinds[Number(byte)] = kind;
  return kinds;
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

function isQuote(byte: number): boolean {
  return byte === BYTE.QUOTE || byte === BYTE.APOSTROPHE;
}

const COMMENT_OPEN = Buffer.from('<!--');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const DOCTYPE_OPEN = Buffer.from('<!DOCTYPE');
