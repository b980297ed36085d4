import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPlainTextWord, isSameAt, isSameRun } from './xml-bytes.ts';

/** What the byte loop passes without a second look: printable ASCII but markup and references. */
const isPlainTextByte = (byte: number) => byte >= 0x20 && byte < 0x80 && byte !== 0x3c && byte !== 0x3e && byte !== 0x26;

function word(bytes: number[]): number {
  return new DataView(Uint8Array.from(bytes).buffer).getInt32(0);
}

describe('xml bytes', () => {
  it('finds four bytes of plain text at once exactly when each byte is plain', () => {
    // Every pair of byte values in every pair of places, the other two plain or not.
    for (const filler of [0x20, 0x3d, 0x7f, 0x27]) {
      for (let first = 0; first < 4; first += 1) {
        for (let second = first + 1; second < 4; second += 1) {
          for (let a = 0; a < 256; a += 1) {
            for (let b = 0; b < 256; b += 1) {
              const bytes = [filler, filler, filler, filler];
              bytes[first] = a;
              bytes[second] = b;
              if (isPlainTextWord(word(bytes)) !== bytes.every(isPlainTextByte)) expect(bytes).toBe('read as the byte loop reads them');
            }
          }
        }
      }
    }
    fc.assert(fc.property(fc.array(fc.nat(255), { minLength: 4, maxLength: 4 }), (bytes) => isPlainTextWord(word(bytes)) === bytes.every(isPlainTextByte)), { seed: 3, numRuns: 20_000 });
  });

  it('compares runs of bytes four at a time, the last ones one by one', () => {
    const bytes = Buffer.from('exch:patent-classification|exch:patent-classification|exch:patent-classificatiom');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(isSameRun(view, bytes, 0, 27, 26)).toBe(true);
    expect(isSameRun(view, bytes, 0, 54, 26)).toBe(false);
    expect(isSameRun(view, bytes, 0, 54, 25)).toBe(true);
    expect(isSameRun(view, bytes, 1, 28, 3)).toBe(true);
    expect(isSameAt(Buffer.from('exch:patent'), bytes, 0, 11)).toBe(true);
    expect(isSameAt(Buffer.from('exch:patent'), bytes, 0, 12)).toBe(false);
    expect(isSameAt(Buffer.from('exch:patenT'), bytes, 0, 11)).toBe(false);
  });
});
