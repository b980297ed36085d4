/*
 * Bytes to text for the XML parser. Patent offices deliver UTF-8; the XML declaration may name
 * another encoding, of which the single-byte Western one is accepted. Bytes that are not valid in the
 * encoding are an error naming their offset, never replaced silently.
 */

// The XML declaration sits in the first bytes; this many are enough to read it.
const DECLARATION_LENGTH = 256;

const ENCODINGS: Readonly<Record<string, string>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'us-ascii': 'utf-8',
  ascii: 'utf-8',
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
};

/** The decoder label for the encoding an XML declaration names (UTF-8 when it names none). */
export function declaredEncoding(head: Uint8Array): string {
  const text = new TextDecoder('windows-1252').decode(head.subarray(0, DECLARATION_LENGTH));
  const declared = /^(?:\uFEFF|ï»¿)?\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(text)?.[1]?.toLowerCase();
  if (declared === undefined) return 'utf-8';
  const label = ENCODINGS[declared];
  if (!label) throw new Error(`the XML declaration names the encoding ${declared}, which is not read here (UTF-8 or ISO-8859-1)`);
  return label;
}

/** The input as text, chunk by chunk; string chunks pass as they are. */
export async function* decodeXmlText(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let waiting: Uint8Array[] = [];
  let waitingLength = 0;
  let offset = 0;
  let isFirst = true;

  const decode = (bytes: Uint8Array, isLast: boolean): string => {
    decoder ??= new TextDecoder(declaredEncoding(bytes), { fatal: true });
    try {
      const text = decoder.decode(bytes, { stream: !isLast });
      offset += bytes.length;
      return text;
    } catch {
      throw new Error(`the bytes from offset ${offset} to ${offset + bytes.length} are not valid ${decoder.encoding} text`);
    }
  };
  const first = (text: string): string => {
    if (!isFirst) return text;
    isFirst = false;
    return text.replace(/^\uFEFF/, '');
  };

  for await (const chunk of input) {
    if (typeof chunk === 'string') {
      yield first(chunk);
      continue;
    }
    if (decoder === null) {
      // Wait for enough bytes to read the declaration, even when the input comes a few bytes at a time.
      waiting.push(chunk);
      waitingLength += chunk.length;
      if (waitingLength < DECLARATION_LENGTH) continue;
      const bytes = Buffer.concat(waiting);
      waiting = [];
      yield first(decode(bytes, false));
      continue;
    }
    yield decode(chunk, false);
  }
  const rest = decode(waiting.length > 0 ? Buffer.concat(waiting) : new Uint8Array(0), true);
  if (rest !== '') yield first(rest);
}
