import { resolveNamedEntity } from './character-entities.ts';
import { BYTE_KIND, CLOSE_ANGLE, CONTINUATION, CR, MARKUP, PLAIN, REFERENCE, TEXT_KIND } from './xml-byte-kinds.ts';
import { BYTE, hexDigit } from './xml-bytes.ts';
import type { XmlElement } from './xml-element.ts';
import { isXmlChar } from './xml-names.ts';
import { NEED_MORE, XmlScannerCore } from './xml-scanner-core.ts';

// The general steps of XmlRecordScanner for character data: a text and the references in it, every
// byte checked and every error reported where the parser reports it.

/** Reads character data and references, as the general steps read them; see XmlRecordScanner. */
export abstract class XmlTextSteps extends XmlScannerCore {
  /** The code point of the character reference `characterDigits` read last. */
  protected characterCode = 0;

  /** Character data up to the next markup, added to the element when it is kept. */
  protected characters(start: number, end: number): number {
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

  /**
   * An entity or character reference at `start` (the `&`): sets `value` and returns where it ends.
   * Named entities resolve through the fixed table, never to more than one character.
   */
  protected reference(start: number, end: number): number {
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
    const index = this.characterDigits(digitsStart, end, isHex);
    const code = this.characterCode;
    if (index >= end) return NEED_MORE;
    if (buffer[index] !== BYTE.SEMICOLON) return this.badReference(index, end, 'malformed character entity.');
    if (index === digitsStart || !isXmlChar(code)) throw this.errorAfter('malformed character entity.', index);
    this.value = String.fromCodePoint(code);
    return index + 1;
  }

  /**
   * The digits of a character reference from `digitsStart` (hexadecimal after `&#x`): answers where they
   * end and leaves the code point they name in `characterCode`, for both lanes.
   */
  protected characterDigits(digitsStart: number, end: number, isHex: boolean): number {
    const { buffer } = this;
    let index = digitsStart;
    let code = 0;
    for (; index < end; index += 1) {
      const byte = buffer[index] as number;
      const digit = isHex ? hexDigit(byte) : byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : -1;
      if (digit < 0) break;
      // Past the last code point the value only has to stay out of range.
      code = Math.min(code * (isHex ? 16 : 10) + digit, 0x110000);
    }
    this.characterCode = code;
    return index;
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
}
