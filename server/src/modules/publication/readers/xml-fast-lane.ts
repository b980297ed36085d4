import { resolveNamedEntity } from './character-entities.ts';
import type { KeptElements } from './kept-elements.ts';
import { CLOSE_ANGLE, CONTINUATION, LEAD, LF, MARKUP, PLAIN, REFERENCE, TEXT_KIND, VALUE_KIND } from './xml-byte-kinds.ts';
import { BYTE, NAME_BYTE, NAME_CHARACTER, NAME_COLON, isAsciiNameStart, isPlainTextWord, isSameAt } from './xml-bytes.ts';
import type { XmlElement } from './xml-element.ts';
import { XmlMarkupSteps } from './xml-markup-steps.ts';
import { isXmlChar } from './xml-names.ts';
import { ELEMENT_COST } from './xml-scanner-core.ts';

// The fast lane of XmlRecordScanner: reads the constructs of the plain forms nearly all records have,
// with only the checks these need, and stops before any other for the general steps to read
// (xml-text-steps.ts, xml-markup-steps.ts). It never reports an error: a construct it doubts is theirs.

/** What a step of the fast lane returns for a construct it leaves to the general steps. */
const STOP = -1;

// The fast lane reads start tags of up to this many attributes.
const PLAIN_ATTRIBUTES = 32;

/** Reads the plain constructs, and leaves the others to the general steps; see XmlRecordScanner. */
export abstract class XmlFastLane extends XmlMarkupSteps {
  /** The attribute names of the start tag being read, as [start, end) pairs, to refuse duplicates. */
  private readonly plainNames = new Int32Array(2 * PLAIN_ATTRIBUTES);
  /** Set by the fast lane: the local name of the kept element being read, and whether the value read is all ASCII. */
  private plainLocalName = '';
  private plainIsAscii = true;

  /**
   * Reads the record's content from `start` while its constructs have the plain forms: text without
   * carriage returns, control characters or `]]>`, its references well-formed; start tags with ASCII
   * names, separated by spaces, their values quoted, without references, markup or white space but
   * the space; end tags closing the innermost element. Before any other construct, one the window
   * cuts short, or one at a limit, it stops with the position as it was. Returns where it stopped
   * (the record's end at most).
   */
  protected plainConstructs(start: number, end: number): number {
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

  /**
   * The rest of a text from its first reference at `from`, the characters before it all ASCII or not.
   * A loop of its own, though close to plainText's: most texts have no reference, and keep the tighter loop.
   */
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
      const index = this.characterDigits(digitsStart, end, isHex);
      const code = this.characterCode;
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
}
