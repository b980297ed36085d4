import { BYTE } from './xml-bytes.ts';

// The byte kinds of XmlRecordScanner's scanning loops (both lanes), a table lookup for each byte.

// Byte kinds for the scanning loops: PLAIN needs nothing; the others are markup, references, line
// ends, bytes of multi-byte characters (which move the column differently) and refused controls.
export const PLAIN = 0;
export const MARKUP = 1;
export const REFERENCE = 2;
export const CLOSE_ANGLE = 3;
export const SPACE_IN_VALUE = 4;
export const CONTROL = 5;
export const LF = 6;
export const CR = 7;
export const CONTINUATION = 8;
export const LEAD = 9;
export const LEAD_EF = 10;

export const BYTE_KIND = byteKinds({});
export const TEXT_KIND = byteKinds({ [BYTE.LT]: MARKUP, [BYTE.AMP]: REFERENCE, [BYTE.GT]: CLOSE_ANGLE });
export const VALUE_KIND = byteKinds({ [BYTE.LT]: MARKUP, [BYTE.AMP]: REFERENCE, [BYTE.TAB]: SPACE_IN_VALUE, [BYTE.LF]: SPACE_IN_VALUE, [BYTE.CR]: SPACE_IN_VALUE });

function byteKinds(special: Record<number, number>): Uint8Array {
  const kinds = new Uint8Array(256);
  for (let byte = 0; byte < 256; byte += 1) {
    if (byte < 0x20) kinds[byte] = byte === BYTE.TAB ? PLAIN : byte === BYTE.LF ? LF : byte === BYTE.CR ? CR : CONTROL;
    else if (byte >= 0x80) kinds[byte] = byte < 0xc0 ? CONTINUATION : byte === 0xef ? LEAD_EF : LEAD;
  }
  for (const [byte, kind] of Object.entries(special)) kinds[Number(byte)] = kind;
  return kinds;
}
