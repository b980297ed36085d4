import { readError, type ReadItem, type ReaderOptions } from './read-item.ts';
import { DEFAULT_XML_LIMITS, SafeXmlParser, XmlReadError } from './safe-xml-parser.ts';
import { RecordCollector, type RecordSelection, type XmlElement } from './xml-element.ts';

/** Turns one finished record element into what the reader yields (none, one, or one per publication). */
export type RecordMapper = (record: XmlElement, path: readonly string[]) => ReadItem[];

// Records are handed on after each slice this long, so a file given as one big string is still streamed.
const SLICE_LENGTH = 256 * 1024;

export function* slices(text: string): Generator<string> {
  for (let start = 0; start < text.length; start += SLICE_LENGTH) yield text.slice(start, start + SLICE_LENGTH);
}

/**
 * Reads a file made of one XML document with one parser, yielding records as their elements end.
 * XML that is not well-formed ends the file (a parser cannot resume after it): the records already
 * read are kept, and the error is reported where the parser stopped.
 */
export async function* readXmlRecords(
  texts: AsyncIterable<string>,
  selection: RecordSelection,
  mapRecord: RecordMapper,
  options: ReaderOptions,
): AsyncGenerator<ReadItem> {
  const limits = options.limits ?? DEFAULT_XML_LIMITS;
  const ready: ReadItem[] = [];
  const collector = new RecordCollector(selection, (record, path) => ready.push(...mapSafely(mapRecord, record, path, options.fileName)), limits);
  const parser = new SafeXmlParser(collector, { limits });
  try {
    for await (const text of texts) {
      for (const slice of slices(text)) {
        parser.write(slice);
        yield* ready.splice(0);
      }
    }
    parser.close();
    yield* ready.splice(0);
  } catch (error) {
    yield* ready.splice(0);
    yield failure(error, options.fileName);
  }
}

/** A record whose content breaks a mapper is reported on its own; the file goes on. */
export function mapSafely(mapRecord: RecordMapper, record: XmlElement, path: readonly string[], file: string): ReadItem[] {
  try {
    return mapRecord(record, path);
  } catch (error) {
    return [readError(file, record.position, `cannot read <${record.name}>: ${messageOf(error)}`)];
  }
}

/** Any error that ends a file, as the item that reports it. */
export function failure(error: unknown, file: string): ReadItem {
  if (error instanceof XmlReadError) return readError(file, { line: error.line, column: error.column }, error.message);
  return readError(file, null, messageOf(error));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
