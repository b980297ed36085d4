import type { KeptElements } from './kept-elements.ts';
import { BYTE_KIND, CONTINUATION, CR, LF, MARKUP, PLAIN, REFERENCE, SPACE_IN_VALUE, VALUE_KIND } from './xml-byte-kinds.ts';
import { BYTE, isSpace, opensWith, sequenceLength } from './xml-bytes.ts';
import type { XmlElement } from './xml-element.ts';
import { ELEMENT_COST, NEED_MORE } from './xml-scanner-core.ts';
import { XmlTextSteps } from './xml-text-steps.ts';

// The general steps of XmlRecordScanner for markup: start and end tags with their attributes,
// comments, CDATA sections, processing instructions, every construct checked and every error
// reported where the parser reports it.

/** Reads markup, as the general steps read it; see XmlRecordScanner. */
export abstract class XmlMarkupSteps extends XmlTextSteps {
  /** The attribute names of the start tag being read, as [start, end) pairs, to refuse duplicates. */
  private readonly attributeNames: number[] = [];
  private attributeCount = 0;
  /** Where the first repeated attribute name of the start tag being read is, or -1. */
  private duplicateAt = -1;
  /** The length of the kept attributes' names and values, for the record size limit. */
  private attributesLength = 0;

  protected markup(start: number, end: number): number {
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
}

function isQuote(byte: number): boolean {
  return byte === BYTE.QUOTE || byte === BYTE.APOSTROPHE;
}

const COMMENT_OPEN = Buffer.from('<!--');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const DOCTYPE_OPEN = Buffer.from('<!DOCTYPE');
