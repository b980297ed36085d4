import { DOCDB_SKIPPED, docdbItems, type DocdbReaderOptions } from './docdb-record.ts';
import type { ReadItem, ReaderOptions } from './read-item.ts';
import { DEFAULT_XML_LIMITS, SafeXmlParser, XmlReadError, describeLength, type XmlLimits, type XmlOrigin } from './safe-xml-parser.ts';
import { RecordCollector, type RecordSelection } from './xml-element.ts';
import { failure, messageOf, slices } from './xml-record-stream.ts';

/*
 * DOCDB bulk files read with the saxes parser, from text: the reference the byte scanner of
 * docdb.reader.ts is tested against (both must yield the same items). Each record is cut from the
 * text at its start tag and parsed on its own, so a broken record (cut short, not well-formed) is
 * reported and skipped while the others are kept, and a record's positions map back to the file.
 */

const selection: RecordSelection = {
  isRecord: (path, name) => path.length === 0 && name === 'exchange-document',
  isSkipped: (_path, name) => DOCDB_SKIPPED.has(name),
};

export async function* readDocdbWithSaxes(texts: AsyncIterable<string>, options: DocdbReaderOptions): AsyncGenerator<ReadItem> {
  const splitter = new RecordSplitter(options);
  try {
    for await (const text of texts) {
      for (const slice of slices(text)) yield* splitter.push(slice);
    }
    yield* splitter.end();
  } catch (error) {
    yield* splitter.drain();
    yield failure(error, options.fileName);
  }
}

/**
 * The 1-based line and column of the next character, moved along the text as it is passed on, counted
 * as the parser counts them inside a record: a line ends at LF, CR LF or CR; a column is a character.
 */
class TextPosition {
  line = 1;
  column = 1;
  private isAfterReturn = false;

  advance(text: string): void {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === 0x0a || code === 0x0d) {
        if (code === 0x0d || !this.isAfterReturn) this.line += 1;
        this.column = 1;
        this.isAfterReturn = code === 0x0d;
        continue;
      }
      this.isAfterReturn = false;
      // The second half of a surrogate pair is the same character.
      if (code < 0xdc00 || code > 0xdfff) this.column += 1;
    }
  }
}

/**
 * Routes the text to one parser per record. Text is held back only as long as a record start tag
 * could be cut at the end of a slice; text outside records (the container's tags) is dropped.
 */
class RecordSplitter {
  private readonly marker: string;
  private readonly limits: XmlLimits;
  private readonly position = new TextPosition();
  private readonly ready: ReadItem[] = [];
  private pending = '';
  private current: RecordParse | null = null;
  private outsideLength = 0;

  constructor(private readonly options: DocdbReaderOptions) {
    this.marker = `<${options.prefix}exchange-document`;
    this.limits = options.limits ?? DEFAULT_XML_LIMITS;
  }

  push(text: string): ReadItem[] {
    this.pending += text;
    for (let start = this.nextRecordStart(); start !== -1; start = this.nextRecordStart()) {
      this.route(start);
      this.current?.end();
      this.current = new RecordParse({ line: this.position.line, column: this.position.column }, this.options, this.limits, this.ready);
      this.route(this.marker.length);
    }
    this.route(Math.max(0, this.pending.length - this.marker.length));
    return this.drain();
  }

  end(): ReadItem[] {
    this.route(this.pending.length);
    this.current?.end();
    return this.drain();
  }

  drain(): ReadItem[] {
    return this.ready.splice(0);
  }

  /** Where the next record's start tag begins in the pending text: the marker followed by a space, `>` or `/`. */
  private nextRecordStart(): number {
    for (let at = this.pending.indexOf(this.marker); at !== -1; at = this.pending.indexOf(this.marker, at + 1)) {
      const after = this.pending[at + this.marker.length];
      if (after === undefined) return -1;
      if (after === '>' || after === '/' || /\s/.test(after)) return at;
    }
    return -1;
  }

  private route(length: number): void {
    if (length === 0) return;
    const text = this.pending.slice(0, length);
    this.pending = this.pending.slice(length);
    if (this.current?.isOpen) {
      this.current.write(text);
      this.outsideLength = 0;
    } else {
      this.outsideLength += text.length;
      if (this.outsideLength > this.limits.maxTextLength) {
        throw new XmlReadError(`no <${this.marker.slice(1)}> record starts in ${describeLength(this.limits.maxTextLength)} of text`, this.position, true);
      }
    }
    this.position.advance(text);
  }
}

/** One record's parser: open until its root element ends or it fails. */
class RecordParse {
  private state: 'open' | 'done' | 'failed' = 'open';
  private readonly parser: SafeXmlParser;
  /** The record's items, held until the end tag that closed it is known to be its own. */
  private finished: ReadItem[] = [];
  private closedAt: XmlOrigin | null = null;

  constructor(
    private readonly origin: XmlOrigin,
    private readonly options: ReaderOptions,
    limits: XmlLimits,
    private readonly ready: ReadItem[],
  ) {
    const collector = new RecordCollector(
      selection,
      (record) => {
        this.state = 'done';
        this.closedAt = this.parser.position();
        this.finished = docdbItems(record, options.fileName);
      },
      limits,
    );
    this.parser = new SafeXmlParser(collector, { limits, origin });
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  write(text: string): void {
    try {
      this.parser.write(text);
    } catch (error) {
      // After the record's end, the parser sees the container's closing tag: not this record's concern.
      if (this.state === 'done' && !this.isRecordEndRefused(error)) return this.flush();
      if (error instanceof XmlReadError && error.fatal) throw error;
      this.fail(error);
      return;
    }
    this.flush();
  }

  /**
   * True when the parser refused the end tag that closed the record: given an end tag that is not
   * the innermost element's, saxes closes the elements it pops (the record's root among them) before
   * it reports the tag, at the same place.
   */
  private isRecordEndRefused(error: unknown): boolean {
    return error instanceof XmlReadError && error.line === this.closedAt?.line && error.column === this.closedAt.column;
  }

  private flush(): void {
    this.ready.push(...this.finished.splice(0));
  }

  /**
   * The next record starts, or the file ends: a record still open was cut short. It is reported where
   * it starts, since where the parser stopped is already the next record.
   */
  end(): void {
    if (this.state !== 'open') return;
    let reason = 'it ends before its closing tag';
    try {
      this.parser.close();
    } catch (error) {
      reason = `it ends before its closing tag (${messageOf(error)})`;
    }
    if (this.state === 'open') this.fail(new XmlReadError(reason, this.origin));
  }

  private fail(error: unknown): void {
    this.state = 'failed';
    this.finished = [];
    const item = failure(error, this.options.fileName);
    if (!item.ok) item.error.message = `record starting at line ${this.origin.line}: ${item.error.message}`;
    this.ready.push(item);
  }
}
