import { DEFAULT_XML_LIMITS, XmlReadError, describeLength, type XmlLimits, type XmlOrigin } from './safe-xml-parser.ts';

/*
 * A streaming CSV parser after RFC 4180: fields separated by a delimiter (`,` or, in Espacenet's
 * exports, `;`), rows by CRLF (LF and a lone CR are taken too); a field in double quotes may hold the
 * delimiter, line breaks and doubled quotes (`""` for `"`). A quote inside an unquoted field is kept
 * as a character, as spreadsheet programs do. A character after a closing quote breaks that row
 * only: it is reported and the parser goes on at the next line. A quoted field still open at the end
 * of the file ends it. The byte-order mark is removed before the text gets here.
 */

/** A malformed or refused CSV text, at a 1-based line and column. */
export class CsvReadError extends XmlReadError {
  constructor(message: string, position: XmlOrigin, fatal = true) {
    super(message, position, fatal);
    this.name = 'CsvReadError';
  }
}

export interface CsvRow {
  cells: string[];
  /** The line the row starts on. */
  line: number;
  /** Why the row is broken, and where; null for a good row. */
  problem: { message: string; position: XmlOrigin } | null;
}

type Mode = 'field-start' | 'unquoted' | 'quoted' | 'after-quote' | 'after-cr' | 'skip-line';

// What a cell costs beyond its text, for the row size limit.
const CELL_COST = 16;

export class CsvParser {
  private readonly limits: XmlLimits;
  private readonly rows: CsvRow[] = [];
  private mode: Mode = 'field-start';
  private cells: string[] = [];
  private field = '';
  private rowSize = 0;
  private rowLine = 1;
  private quoteStart: XmlOrigin = { line: 1, column: 1 };
  private problem: CsvRow['problem'] = null;
  private line = 1;
  private column = 1;

  constructor(
    private readonly delimiter: string,
    limits: XmlLimits = DEFAULT_XML_LIMITS,
  ) {
    this.limits = limits;
  }

  /** The rows completed so far, handed over once. */
  drain(): CsvRow[] {
    return this.rows.splice(0);
  }

  write(text: string): void {
    let at = 0;
    while (at < text.length) at = this.step(text, at);
  }

  /** Ends the text: the last row needs no line break; a quoted field left open is an error. */
  end(): void {
    if (this.mode === 'quoted') {
      throw new CsvReadError('a quoted field is never closed (its opening quote is here)', this.quoteStart);
    }
    // A row in progress, or a last empty field after a trailing delimiter.
    if (this.mode === 'unquoted' || this.mode === 'after-quote' || this.mode === 'skip-line' || (this.mode === 'field-start' && this.cells.length > 0)) {
      this.endField();
      this.endRow();
    }
  }

  private step(text: string, at: number): number {
    const char = text[at] as string;
    switch (this.mode) {
      case 'after-cr':
        // CRLF, or a lone CR, ended the line.
        this.mode = 'field-start';
        this.newLine();
        return char === '\n' ? at + 1 : at;
      case 'field-start':
        if (char === '"') {
          this.quoteStart = this.position;
          this.mode = 'quoted';
          return this.advance(at, 1);
        }
        this.mode = 'unquoted';
        return at;
      case 'unquoted':
        return this.readUnquoted(text, at);
      case 'quoted':
        return this.readQuoted(text, at);
      case 'after-quote':
        if (char === '"') {
          this.grow('"');
          this.mode = 'quoted';
          return this.advance(at, 1);
        }
        if (char === this.delimiter || char === '\n' || char === '\r') {
          this.mode = 'unquoted';
          return at;
        }
        this.problem = { message: `${JSON.stringify(char)} after the closing quote of a field`, position: this.position };
        this.mode = 'skip-line';
        return at;
      case 'skip-line': {
        const end = text.slice(at).search(/[\r\n]/);
        if (end === -1) return this.advance(at, text.length - at);
        this.mode = 'unquoted';
        return this.advance(at, end);
      }
    }
  }

  /** Characters up to the next delimiter or line break, which ends the field. */
  private readUnquoted(text: string, at: number): number {
    let end = at;
    while (end < text.length) {
      const char = text[end];
      if (char === this.delimiter || char === '\n' || char === '\r') break;
      end += 1;
    }
    if (this.problem === null) this.grow(text.slice(at, end));
    this.column += end - at;
    if (end === text.length) return end;
    const char = text[end];
    this.endField();
    if (char === this.delimiter) {
      this.mode = 'field-start';
      return this.advance(end, 1);
    }
    this.endRow();
    if (char === '\r') {
      this.mode = 'after-cr';
      this.column += 1;
      return end + 1;
    }
    this.mode = 'field-start';
    this.newLine();
    return end + 1;
  }

  /** Characters up to the next quote; line breaks are data here but still count as lines. */
  private readQuoted(text: string, at: number): number {
    const quote = text.indexOf('"', at);
    const end = quote === -1 ? text.length : quote;
    const part = text.slice(at, end);
    this.grow(part);
    const lastBreak = part.lastIndexOf('\n');
    if (lastBreak === -1) {
      this.column += part.length;
    } else {
      for (let index = part.indexOf('\n'); index !== -1; index = part.indexOf('\n', index + 1)) this.line += 1;
      this.column = part.length - lastBreak;
    }
    if (quote === -1) return end;
    this.mode = 'after-quote';
    return this.advance(end, 1);
  }

  private grow(text: string): void {
    this.field += text;
    if (this.field.length > this.limits.maxTextLength) {
      throw new CsvReadError(`a single field is longer than ${describeLength(this.limits.maxTextLength)}`, this.position);
    }
  }

  private endField(): void {
    this.cells.push(this.field);
    this.rowSize += this.field.length + CELL_COST;
    this.field = '';
    if (this.rowSize > this.limits.maxRecordSize) {
      throw new CsvReadError(`a row holds more than ${describeLength(this.limits.maxRecordSize)}`, { line: this.rowLine, column: 1 });
    }
  }

  /** A row ends; an empty line is no row. */
  private endRow(): void {
    const isBlank = this.cells.length === 1 && this.cells[0] === '' && this.problem === null;
    if (!isBlank) this.rows.push({ cells: this.cells, line: this.rowLine, problem: this.problem });
    this.cells = [];
    this.rowSize = 0;
    this.problem = null;
  }

  private newLine(): void {
    this.line += 1;
    this.column = 1;
    this.rowLine = this.line;
  }

  private advance(at: number, length: number): number {
    this.column += length;
    return at + length;
  }

  private get position(): XmlOrigin {
    return { line: this.line, column: this.column };
  }
}
