import type { ReadItem, ReaderOptions } from './read-item.ts';
import { DEFAULT_XML_LIMITS, SafeXmlParser, XmlReadError, describeLength, type XmlHandler, type XmlLimits, type XmlOrigin } from './safe-xml-parser.ts';
import { RecordCollector, localName, type RecordSelection } from './xml-element.ts';
import { failure, mapSafely, messageOf, slices, type RecordMapper } from './xml-record-stream.ts';

/*
 * Files made of whole XML documents one after the other, each with its own declaration and DOCTYPE:
 * the USPTO's weekly grant files are thousands of `us-patent-grant` documents in a row. One parser cannot
 * read past the end of the first document, so the text is cut at each XML declaration and each
 * document gets a parser of its own: a malformed document is reported where it starts, the others
 * are read, and positions map back to the file. A file of one document reads the same way.
 *
 * A declaration is `<?xml` followed by a space. Inside a well-formed document that text can only sit
 * in a comment or a CDATA section, which patent-office files do not use around markup.
 */

const DECLARATION = '<?xml';

export interface XmlDocumentsOptions extends ReaderOptions {
  /** The root element every document must have (local name), e.g. `us-patent-grant`. */
  root: string;
}

/** Reads every document of a file of concatenated XML documents, one record per document root. */
export async function* readXmlDocuments(
  texts: AsyncIterable<string>,
  selection: Pick<RecordSelection, 'isSkipped'>,
  mapRecord: RecordMapper,
  options: XmlDocumentsOptions,
): AsyncGenerator<ReadItem> {
  const splitter = new DocumentSplitter({ ...selection, isRecord: (path, name) => path.length === 0 && name === options.root }, mapRecord, options);
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

/** The 1-based line and column of the next character of a file, moved along as text is passed on. */
export class TextPosition {
  line = 1;
  column = 1;

  advance(text: string): void {
    const last = text.lastIndexOf('\n');
    if (last === -1) {
      this.column += text.length;
      return;
    }
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) this.line += 1;
    this.column = text.length - last;
  }

  get origin(): XmlOrigin {
    return { line: this.line, column: this.column };
  }
}

/**
 * Routes the text to one parser per document. Text is held back only as long as a declaration could
 * be cut at the end of a slice; text between documents is dropped, up to the length limit.
 */
class DocumentSplitter {
  private readonly limits: XmlLimits;
  private readonly position = new TextPosition();
  private readonly ready: ReadItem[] = [];
  private pending = '';
  private current: DocumentParse | null = null;
  private outsideLength = 0;

  constructor(
    private readonly selection: RecordSelection,
    private readonly mapRecord: RecordMapper,
    private readonly options: XmlDocumentsOptions,
  ) {
    this.limits = options.limits ?? DEFAULT_XML_LIMITS;
  }

  push(text: string): ReadItem[] {
    this.pending += text;
    for (let start = this.nextDeclaration(); start !== -1; start = this.nextDeclaration()) {
      this.route(start);
      this.startDocument();
      this.route(DECLARATION.length);
    }
    this.route(Math.max(0, this.pending.length - DECLARATION.length));
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

  /** Where the next declaration starts in the pending text; -1 when none, or when one may be cut at its end. */
  private nextDeclaration(): number {
    for (let at = this.pending.indexOf(DECLARATION); at !== -1; at = this.pending.indexOf(DECLARATION, at + 1)) {
      const after = this.pending[at + DECLARATION.length];
      if (after === undefined) return -1;
      if (/\s/.test(after)) return at;
    }
    return -1;
  }

  private startDocument(): void {
    this.current?.end();
    this.current = new DocumentParse(this.position.origin, this.selection, this.mapRecord, this.options, this.limits, this.ready);
    this.outsideLength = 0;
  }

  private route(length: number): void {
    if (length === 0) return;
    let text = this.pending.slice(0, length);
    this.pending = this.pending.slice(length);
    if (this.current === null) {
      // A document without a declaration starts at its first character that is not white space.
      const start = text.search(/\S/);
      if (start === -1) {
        this.position.advance(text);
        return;
      }
      this.position.advance(text.slice(0, start));
      text = text.slice(start);
      this.startDocument();
    }
    if (this.current?.isOpen) {
      this.current.write(text);
    } else {
      this.outsideLength += text.length;
      if (this.outsideLength > this.limits.maxTextLength) {
        throw new XmlReadError(`no XML document starts in ${describeLength(this.limits.maxTextLength)} of text`, this.position.origin, true);
      }
    }
    this.position.advance(text);
  }
}

/** One document's parser: open until its root element ends or it fails. */
class DocumentParse implements XmlHandler {
  private state: 'open' | 'done' | 'failed' = 'open';
  private readonly parser: SafeXmlParser;
  private readonly collector: RecordCollector;
  private root: string | null = null;
  private depth = 0;

  constructor(
    private readonly origin: XmlOrigin,
    selection: RecordSelection,
    mapRecord: RecordMapper,
    private readonly options: XmlDocumentsOptions,
    limits: XmlLimits,
    private readonly ready: ReadItem[],
  ) {
    this.collector = new RecordCollector(
      selection,
      (record, path) => ready.push(...mapSafely(mapRecord, record, path, options.fileName)),
      limits,
    );
    this.parser = new SafeXmlParser(this, { limits, origin });
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  open(name: string, attributes: Readonly<Record<string, string>>, position: XmlOrigin): void {
    this.root ??= name;
    this.depth += 1;
    this.collector.open(name, attributes, position);
  }

  close(name: string): void {
    this.depth -= 1;
    this.collector.close();
    if (this.depth > 0) return;
    this.state = 'done';
    const root = this.root ?? name;
    if (localName(root) !== this.options.root) {
      this.report(new XmlReadError(`the document is a <${root}>, not a <${this.options.root}>`, this.origin));
    }
  }

  text(text: string): void {
    this.collector.text(text);
  }

  write(text: string): void {
    try {
      this.parser.write(text);
    } catch (error) {
      if (error instanceof XmlReadError && error.fatal) throw error;
      this.state = 'failed';
      this.report(error);
    }
  }

  /**
   * The next document starts, or the file ends: a document still open was cut short. It is reported
   * where it starts, since where the parser stopped is already the next document.
   */
  end(): void {
    if (this.state !== 'open') return;
    this.state = 'failed';
    if (this.root === null) {
      this.report(new XmlReadError('it has no root element', this.origin));
      return;
    }
    let reason = 'it ends before its closing tag';
    try {
      this.parser.close();
    } catch (error) {
      reason = `it ends before its closing tag (${messageOf(error)})`;
    }
    this.report(new XmlReadError(reason, this.origin));
  }

  private report(error: unknown): void {
    const item = failure(error, this.options.fileName);
    if (!item.ok) item.error.message = `document starting at line ${this.origin.line}: ${item.error.message}`;
    this.ready.push(item);
  }
}
