import { isUtf8 } from 'node:buffer';

/**
 * The input as UTF-8 bytes, each chunk ending on a character boundary, for the byte scanner. Bytes
 * are checked, not decoded (an invalid sequence is an error naming its offsets, as decodeXmlText
 * reports it); text, already decoded, is encoded. A byte order mark at the start is dropped.
 */
export async function* utf8Chunks(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<Buffer> {
  let carried: Buffer | null = null;
  let carriedText = '';
  let offset = 0;
  let isFirst = true;
  for await (const chunk of input) {
    let bytes: Buffer;
    if (typeof chunk === 'string') {
      // A surrogate pair cut between two chunks is encoded once both halves are there.
      let text = carriedText + chunk;
      carriedText = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        carriedText = text.slice(-1);
        text = text.slice(0, -1);
      }
      bytes = Buffer.from(isFirst ? text.replace(/^\uFEFF/, '') : text, 'utf8');
    } else {
      const whole: Buffer = carried ? Buffer.concat([carried, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      const complete = completeLength(whole);
      if (!isUtf8(whole.subarray(0, complete))) throw new Error(`the bytes from offset ${offset} to ${offset + chunk.length} are not valid utf-8 text`);
      carried = complete < whole.length ? Buffer.from(whole.subarray(complete)) : null;
      offset += chunk.length;
      bytes = whole.subarray(isFirst && hasByteOrderMark(whole) ? 3 : 0, complete);
    }
    if (bytes.length === 0) continue;
    isFirst = false;
    yield bytes;
  }
  if (carried) throw new Error(`the bytes from offset ${offset - carried.length} to ${offset} are not valid utf-8 text`);
  if (carriedText !== '') yield Buffer.from(carriedText, 'utf8');
}

/** The length of the bytes up to the last whole character: a character cut at the end waits for the next chunk. */
function completeLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back += 1) {
    const byte = bytes[bytes.length - back] as number;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return back >= needed ? bytes.length : bytes.length - back;
    }
  }
  return bytes.length;
}

function hasByteOrderMark(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
