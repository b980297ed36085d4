import { RootSniffer, syntaxOf, type DetectedFormat, type PatentSyntax } from './detect-format.ts';
import { readDocdb } from './docdb.reader.ts';
import { readEpPublication } from './ep-publication.reader.ts';
import { readInpi } from './inpi.reader.ts';
import { InputTap } from './input-tap.ts';
import { readOps } from './ops.reader.ts';
import { readPatentCsv } from './patent-csv.reader.ts';
import { readError, type ReadItem, type ReaderOptions } from './read-item.ts';
import { DEFAULT_XML_LIMITS, XmlReadError, describeLength } from './safe-xml-parser.ts';
import { readUsptoAssignments } from './uspto-assignment.reader.ts';
import { readUsptoGrants } from './uspto-grant.reader.ts';
import { readUsptoOdp } from './uspto-odp.reader.ts';
import { decodeXmlText } from './xml-text-decoder.ts';
import { failure } from './xml-record-stream.ts';

export type { ReadError, ReadItem, ReaderOptions } from './read-item.ts';

/**
 * Reads any of the patent formats (EPO publication server, OPS, DOCDB, INPI, USPTO grants and
 * assignments as XML; USPTO ODP as JSON; Lens and Espacenet CSV exports) from a stream of bytes or
 * text, one publication at a time, in constant memory whatever the file size. The first character
 * tells XML, JSON or CSV apart; then the root element, or the CSV header row, names the format. Each
 * item is a normalised record or the reason one was skipped; an item is never thrown, so one bad
 * record does not cost the others.
 */
export async function* readPublications(input: AsyncIterable<Uint8Array | string>, options: ReaderOptions): AsyncGenerator<ReadItem> {
  const limits = options.limits ?? DEFAULT_XML_LIMITS;
  // DOCDB bulk files are read from the bytes: the chunks read to find the format are kept for it.
  const tap = new InputTap(input);
  const texts = decodeXmlText(tap)[Symbol.asyncIterator]();
  const head: string[] = [];
  let syntax: PatentSyntax | null = null;
  try {
    for (let length = 0; syntax === null; ) {
      const next = await texts.next();
      if (next.done) break;
      head.push(next.value);
      syntax = syntaxOf(next.value);
      length += next.value.length;
      if (syntax === null && length > limits.maxTextLength) {
        throw new XmlReadError(`only white space in the first ${describeLength(limits.maxTextLength)}`, { line: 1, column: 1 }, true);
      }
    }
  } catch (error) {
    await texts.return?.(undefined);
    yield failure(error, options.fileName);
    return;
  }
  const rest = replay(head, texts);
  if (syntax !== 'xml') tap.release();
  switch (syntax) {
    case null:
      yield readError(options.fileName, null, 'the file is empty');
      return;
    case 'xml':
      yield* readPatentXml(rest, tap, options);
      return;
    case 'json':
      yield* readUsptoOdp(rest, options);
      return;
    case 'csv':
      yield* readPatentCsv(rest, options);
  }
}

/** An XML file: the root element names the format. */
async function* readPatentXml(input: AsyncIterable<string>, tap: InputTap, options: ReaderOptions): AsyncGenerator<ReadItem> {
  const texts = input[Symbol.asyncIterator]();
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
    tap.release();
    await texts.return?.(undefined);
    yield failure(error, options.fileName);
    return;
  }
  const bytes = detected?.format === 'docdb' ? tap.utf8Bytes() : null;
  tap.release();
  if (detected === null) {
    yield readError(options.fileName, null, 'no root element: the XML file ends before one starts');
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
      yield* readDocdb(bytes ?? rest, { ...options, prefix: detected.prefix });
      return;
    case 'inpi':
      yield* readInpi(rest, options);
      return;
    case 'uspto-grant':
      yield* readUsptoGrants(rest, options);
      return;
    case 'uspto-assignment':
      yield* readUsptoAssignments(rest, options);
      return;
    case null:
      await texts.return?.(undefined);
      yield readError(
        options.fileName,
        null,
        `<${detected.root}> is not a format read here (ep-patent-document, OPS world-patent-data, DOCDB exchange-documents, ` +
          'INPI fr-patent-document, us-patent-grant, us-patent-assignments)',
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
