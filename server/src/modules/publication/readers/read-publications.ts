import { RootSniffer, type DetectedFormat } from './detect-format.ts';
import { readDocdb } from './docdb.reader.ts';
import { readEpPublication } from './ep-publication.reader.ts';
import { readOps } from './ops.reader.ts';
import { readError, type ReadItem, type ReaderOptions } from './read-item.ts';
import { DEFAULT_XML_LIMITS } from './safe-xml-parser.ts';
import { decodeXmlText } from './xml-text-decoder.ts';
import { failure } from './xml-record-stream.ts';

export type { ReadError, ReadItem, ReaderOptions } from './read-item.ts';

/**
 * Reads any of the EPO patent XML formats (publication server, OPS, DOCDB) from a stream of bytes or
 * text, one publication at a time, in constant memory whatever the file size. The format comes from
 * the root element. Each item is a normalised record or the reason one was skipped; an item is never
 * thrown, so one bad record does not cost the others.
 */
export async function* readPublications(input: AsyncIterable<Uint8Array | string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  const texts = decodeXmlText(input)[Symbol.asyncIterator]();
  const head: string[] = [];
  let detected: DetectedFormat | null = null;
  try {
    const sniffer = new RootSniffer(options.limits ?? DEFAULT_XML_LIMITS);
    while (detected === null) {
      const next = await texts.next();
      if (next.done) break;
      head.push(next.value);
      detected = sniffer.write(next.value);
    }
  } catch (error) {
    await texts.return(undefined);
    yield failure(error, options.fileName);
    return;
  }
  if (detected === null) {
    yield readError(options.fileName, null, 'no root element: the file is empty or is not XML');
    return;
  }
  const rest = replay(head, texts);
  switch (detected.format) {
    case 'ep-publication':
      yield* readEpPublication(rest, options);
      return;
    case 'ops':
      yield* readOps(rest, options);
      return;
    case 'docdb':
      yield* readDocdb(rest, { ...options, prefix: detected.prefix });
      return;
    case null:
      await texts.return(undefined);
      yield readError(
        options.fileName,
        null,
        `<${detected.root}> is not a format read here (ep-patent-document, OPS world-patent-data, DOCDB exchange-documents)`,
      );
  }
}

/** The text already read to find the format, then the rest of the input. */
async function* replay(head: string[], rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield* head;
  try {
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.(undefined);
  }
}
