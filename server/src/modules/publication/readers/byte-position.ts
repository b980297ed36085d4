import type { XmlOrigin } from './safe-xml-parser.ts';

/**
 * The 1-based line and column of a byte of UTF-8 text, counted as the XML parser counts them: a line
 * ends at LF, CR LF or a lone CR, and a column counts characters (code points), not bytes. Moved
 * along the bytes in order; offsets are from the start of the file.
 */
export class BytePosition {
  line = 1;
  /** The offset of the line's first byte plus the continuation bytes read on the line since. */
  lineAdjust = 0;
  /** Where the last CR was, so that the LF of a CR LF does not start another line. */
  private crAt = -2;
  private savedLine = 1;
  private savedLineAdjust = 0;
  private savedCrAt = -2;

  /** The position of the character at this offset: the bytes before it on its line must have been passed. */
  at(offset: number): XmlOrigin {
    return { line: this.line, column: offset - this.lineAdjust + 1 };
  }

  lineFeed(offset: number): void {
    if (this.crAt !== offset - 1) this.line += 1;
    this.lineAdjust = offset + 1;
  }

  carriageReturn(offset: number): void {
    this.line += 1;
    this.crAt = offset;
    this.lineAdjust = offset + 1;
  }

  /**
   * Passes bytes `from` to `to` of `bytes`, whose index 0 is at file offset `base`. Returns how many
   * UTF-16 code units they decode to, the unit the length limits are written in.
   */
  advance(bytes: Uint8Array, base: number, from: number, to: number): number {
    let units = to - from;
    for (let index = from; index < to; index += 1) {
      const byte = bytes[index] as number;
      if (byte < 0x80) {
        if (byte === 0x0a) this.lineFeed(base + index);
        else if (byte === 0x0d) this.carriageReturn(base + index);
      } else if (byte < 0xc0) {
        this.lineAdjust += 1;
        units -= 1;
      } else if (byte >= 0xf0) {
        // A four-byte character is a surrogate pair: two code units for three continuation bytes.
        units += 1;
      }
    }
    return units;
  }

  /** Remembers where it is, to go back there when a construct turns out to be cut by the end of the input read so far. */
  save(): void {
    this.savedLine = this.line;
    this.savedLineAdjust = this.lineAdjust;
    this.savedCrAt = this.crAt;
  }

  restore(): void {
    this.line = this.savedLine;
    this.lineAdjust = this.savedLineAdjust;
    this.crAt = this.savedCrAt;
  }

  copy(): BytePosition {
    const copy = new BytePosition();
    copy.line = this.line;
    copy.lineAdjust = this.lineAdjust;
    copy.crAt = this.crAt;
    return copy;
  }
}
