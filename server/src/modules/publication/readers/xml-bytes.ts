/* The bytes of UTF-8 XML that the byte scanner compares against, and small helpers over them. */

export const BYTE = {
  TAB: 0x09,
  LF: 0x0a,
  CR: 0x0d,
  SPACE: 0x20,
  BANG: 0x21,
  QUOTE: 0x22,
  HASH: 0x23,
  AMP: 0x26,
  APOSTROPHE: 0x27,
  MINUS: 0x2d,
  SLASH: 0x2f,
  SEMICOLON: 0x3b,
  LT: 0x3c,
  EQUALS: 0x3d,
  GT: 0x3e,
  QUESTION: 0x3f,
  RSQB: 0x5d,
  LOWER_X: 0x78,
} as const;

/**
 * What a byte is in an XML name: NAME_BYTE[byte] is one of these. A plain name byte (ASCII letter,
 * digit, `-`, `.`, `_`) is 0, so that the scanning loop tests one value; the colon separates the
 * prefix; a multi-byte character is judged by its code point.
 */
export const NAME_CHARACTER = 0;
export const NAME_COLON = 1;
export const NAME_MULTIBYTE = 2;
export const NOT_NAME = 3;

export const NAME_BYTE: Uint8Array = (() => {
  const kinds = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    const isAsciiName = byte === 0x5f || byte === 0x2d || byte === 0x2e || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    kinds[byte] = byte >= 0x80 ? NAME_MULTIBYTE : byte === 0x3a ? NAME_COLON : isAsciiName ? NAME_CHARACTER : NOT_NAME;
  }
  return kinds;
})();

/** True when the ASCII byte may start a name (the digits, `-` and `.` only continue one). */
export function isAsciiNameStart(byte: number): boolean {
  return byte === 0x3a || byte === 0x5f || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

export function isSpace(byte: number): boolean {
  return byte === BYTE.SPACE || byte === BYTE.LF || byte === BYTE.TAB || byte === BYTE.CR;
}

/** How many bytes the UTF-8 character starting with this byte has (the input is valid UTF-8). */
export function sequenceLength(lead: number): number {
  return lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
}

/** The code point of the multi-byte UTF-8 character at `index`. */
export function codePointAt(bytes: Uint8Array, index: number): number {
  const lead = bytes[index] as number;
  const second = (bytes[index + 1] as number) & 0x3f;
  if (lead < 0xe0) return ((lead & 0x1f) << 6) | second;
  const third = (bytes[index + 2] as number) & 0x3f;
  if (lead < 0xf0) return ((lead & 0x0f) << 12) | (second << 6) | third;
  return ((lead & 0x07) << 18) | (second << 12) | (third << 6) | ((bytes[index + 3] as number) & 0x3f);
}

/** The value of a hexadecimal digit, or -1. */
export function hexDigit(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  return -1;
}

/** True when the ASCII text is exactly the bytes from `start` to `end`. */
export function isSameAscii(text: string, bytes: Uint8Array, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let index = 0; index < text.length; index += 1) {
    if (text.charCodeAt(index) !== bytes[start + index]) return false;
  }
  return true;
}

/** True when the bytes from `start` to `end` are exactly `name`. */
export function isSameAt(name: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (end - start !== name.length) return false;
  for (let index = 0; index < name.length; index += 1) {
    if (name[index] !== bytes[start + index]) return false;
  }
  return true;
}

/**
 * True when the `length` bytes at `first` and at `second` are the same: `view` is `bytes` read four
 * bytes at a time, a quarter of the steps for the long names of patent XML.
 */
export function isSameRun(view: DataView, bytes: Uint8Array, first: number, second: number, length: number): boolean {
  let index = 0;
  for (; index + 4 <= length; index += 4) {
    if (view.getInt32(first + index) !== view.getInt32(second + index)) return false;
  }
  for (; index < length; index += 1) {
    if (bytes[first + index] !== bytes[second + index]) return false;
  }
  return true;
}

/**
 * True when the four bytes of `word` (read from text) are all printable ASCII but `<`, `>` and `&`:
 * text that needs nothing but passing. Tested on the word at once with the zero-byte test of bit
 * twiddling: `(x - 0x01010101) & ~x & 0x80808080` is not 0 when a byte of x is 0, and only then;
 * `(x - 0x20202020) & ~x` the same for a byte below 0x20, once bytes from 0x80 are ruled out.
 */
export function isPlainTextWord(word: number): boolean {
  const angle = (word | 0x02020202) ^ 0x3e3e3e3e;
  const ampersand = word ^ 0x26262626;
  const found = ((angle - 0x01010101) & ~angle) | ((ampersand - 0x01010101) & ~ampersand) | ((word - 0x20202020) & ~word) | word;
  return (found & 0x80808080) === 0;
}

/**
 * Whether the bytes at `start` open with `prefix`: true, false, or null when the input read so far
 * ends before it can tell.
 */
export function opensWith(bytes: Uint8Array, start: number, end: number, prefix: Uint8Array): boolean | null {
  for (let index = 0; index < prefix.length; index += 1) {
    if (start + index >= end) return null;
    if (bytes[start + index] !== prefix[index]) return false;
  }
  return true;
}
