import { SaxesParser } from 'saxes';
import { createEntityMap } from './character-entities.ts';
import { isXmlName } from './xml-names.ts';

/** Bounds that keep memory flat whatever the input: a hostile or broken file fails fast instead. */
export interface XmlLimits {
  /** The longest single construct (text node, tag with its attributes, comment, DOCTYPE), in characters. */
  maxTextLength: number;
  /** The deepest element nesting. */
  maxDepth: number;
  /** The most text and elements one record may hold in memory, in characters (an element counts 64). */
  maxRecordSize: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = {
  maxTextLength: 10 * 1024 * 1024,
  maxDepth: 200,
  maxRecordSize: 64 * 1024 * 1024,
};

/** Where a parser's first character sits in the file, so positions inside a record map to the file. */
export interface XmlOrigin {
  line: number;
  column: number;
}

/**
 * A malformed or refused input, at a 1-based line and column of the file. `fatal` errors (limits,
 * refused DOCTYPE) end the whole file: reading further would spend time on input that is hostile.
 */
export class XmlReadError extends Error {
  readonly line: number;
  readonly column: number;
  readonly fatal: boolean;

  constructor(message: string, position: XmlOrigin, fatal = false) {
    super(message);
    this.name = 'XmlReadError';
    this.line = position.line;
    this.column = position.column;
    this.fatal = fatal;
  }
}

/** What the parser reports; names keep their prefix (`exch:country`), since prefixes are not resolved. */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>>, position: XmlOrigin): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * The parser's entity table: every well-formed name resolves (to one character, or to itself when
 * unknown); any other text between `&` and `;` is undefined, which the parser reports.
 */
const NAMED_ENTITIES = createEntityMap();
const ENTITIES: Record<string, string> = new Proxy<Record<string, string>>(
  {},
  { get: (_target, property) => (typeof property === 'string' && isXmlName(property) ? NAMED_ENTITIES[property] : undefined) },
);

// Input is handed to the parser in slices this long, so a limit is checked at least this often.
const SLICE_LENGTH = 256 * 1024;

/** Carries what a handler threw through the parser, so it is not mistaken for an XML error. */
class HandlerFailure {
  constructor(readonly cause: unknown) {}
}

function passThrough(call: () => void): void {
  try {
    call();
  } catch (error) {
    throw new HandlerFailure(error);
  }
}

/**
 * A streaming XML parser that is safe on untrusted patent data:
 * - no DTD is ever read (the parser cannot fetch), and a DOCTYPE with a non-empty internal subset is
 *   refused, since that is where external entities and entity-expansion bombs are declared;
 * - entities resolve only to single characters from a fixed table (character-entities.ts), and an
 *   `&` that does not start a well-formed reference (`&name;`, `&#38;`) is refused, not read as text
 *   up to the next `;`;
 * - no construct may grow past `maxTextLength` before the parser reports it, no nesting past `maxDepth`.
 * Namespaces are not resolved (`xmlns: false`): DOCDB files use the `exch:` prefix without declaring it.
 */
export class SafeXmlParser {
  private readonly sax = new SaxesParser({ xmlns: false, position: true });
  private readonly limits: XmlLimits;
  private readonly origin: XmlOrigin;
  private depth = 0;
  private lastEventAt = 0;

  constructor(handler: XmlHandler, options: { limits?: XmlLimits; origin?: XmlOrigin } = {}) {
    this.limits = options.limits ?? DEFAULT_XML_LIMITS;
    this.origin = options.origin ?? { line: 1, column: 1 };
    this.sax.ENTITIES = ENTITIES;
    this.sax.on('doctype', (doctype) => {
      this.lastEventAt = this.sax.position;
      // Outside its quoted identifiers, a `[` opens the internal subset. An empty one (`[ ]`, which every
      // USPTO grant carries) declares nothing and is let through.
      const subset = doctype.replace(/"[^"]*"|'[^']*'/g, '').replace(/\[\s*\]\s*$/, '');
      if (subset.includes('[')) {
        throw this.error('DOCTYPE with an internal subset refused: entity declarations are not processed', true);
      }
    });
    this.sax.on('opentag', (tag) => {
      this.lastEventAt = this.sax.position;
      this.depth += 1;
      if (this.depth > this.limits.maxDepth) {
        throw this.error(`elements nested deeper than ${this.limits.maxDepth} levels`, true);
      }
      passThrough(() => handler.open(tag.name, tag.attributes, this.position()));
    });
    this.sax.on('closetag', (tag) => {
      this.lastEventAt = this.sax.position;
      this.depth -= 1;
      passThrough(() => handler.close(tag.name));
    });
    this.sax.on('text', (text) => {
      this.lastEventAt = this.sax.position;
      passThrough(() => handler.text(text));
    });
    this.sax.on('cdata', (text) => {
      this.lastEventAt = this.sax.position;
      passThrough(() => handler.text(text));
    });
    for (const event of ['comment', 'processinginstruction', 'xmldecl'] as const) {
      this.sax.on(event, () => {
        this.lastEventAt = this.sax.position;
      });
    }
  }

  /** Feeds the next piece of the document. Throws XmlReadError at the first problem. */
  write(text: string): void {
    for (let start = 0; start < text.length; start += SLICE_LENGTH) {
      this.guard(() => this.sax.write(text.slice(start, start + SLICE_LENGTH)));
      if (this.sax.position - this.lastEventAt > this.limits.maxTextLength) {
        throw this.error(`a single text, tag or comment is longer than ${describeLength(this.limits.maxTextLength)}`, true);
      }
    }
  }

  /** Ends the document: reports what is left open. */
  close(): void {
    this.guard(() => this.sax.close());
  }

  /** The file position of the next character the parser reads. */
  position(): XmlOrigin {
    const { line, column } = this.sax;
    if (line === 1) return { line: this.origin.line, column: this.origin.column + column };
    return { line: this.origin.line + line - 1, column: column + 1 };
  }

  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      if (error instanceof HandlerFailure) throw error.cause;
      if (error instanceof XmlReadError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      // saxes prefixes its messages with its own (0-based column) position; ours replaces it.
      throw this.error(message.replace(/^\d+:\d+: /, ''));
    }
  }

  private error(message: string, fatal = false): XmlReadError {
    return new XmlReadError(message, this.position(), fatal);
  }
}

/** "10 MB" for 10 MiB: the unit people read in an error message. */
export function describeLength(characters: number): string {
  const megabytes = characters / (1024 * 1024);
  return Number.isInteger(megabytes) ? `${megabytes} MB` : `${characters} characters`;
}
