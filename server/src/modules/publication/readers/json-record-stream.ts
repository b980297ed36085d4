import { DEFAULT_XML_LIMITS, XmlReadError, describeLength, type XmlLimits, type XmlOrigin } from './safe-xml-parser.ts';
import { slices } from './xml-record-stream.ts';

/*
 * A streaming JSON reader for answers too large to hold: it walks the text once, character by
 * character, and builds in memory only the elements of the record arrays (the top-level array, or
 * an array the top-level object holds under a chosen key, e.g. ODP's `patentFileWrapperDataBag`),
 * one at a time. Everything else is checked and passed over. The same limits as for XML apply: the
 * longest string, the deepest nesting, the largest record. JSON that is not well-formed ends the
 * file at the first error, with its line and column; the records read before it are kept.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** A malformed or refused JSON text, at a 1-based line and column. */
export class JsonReadError extends XmlReadError {
  constructor(message: string, position: XmlOrigin, fatal = true) {
    super(message, position, fatal);
    this.name = 'JsonReadError';
  }
}

/** One element of a record array. */
export interface JsonRecord {
  /** The top-level key the array sits under; null for a top-level array. */
  key: string | null;
  /** The element's index in its array. */
  index: number;
  value: JsonValue;
  /** Where the element starts in the file. */
  position: XmlOrigin;
}

export interface JsonRecordOptions {
  limits?: XmlLimits;
  /** Whether the elements of the array under this top-level key (null: a top-level array) are records. */
  isRecordArray(key: string | null): boolean;
}

/** Yields the records of a JSON text as each one ends. Throws JsonReadError at the first problem. */
export async function* jsonRecords(texts: AsyncIterable<string>, options: JsonRecordOptions): AsyncGenerator<JsonRecord> {
  const parser = new JsonRecordParser(options);
  try {
    for await (const text of texts) {
      for (const slice of slices(text)) {
        parser.write(slice);
        yield* parser.drain();
      }
    }
    parser.end();
  } finally {
    // The records that ended before an error are still handed over.
    yield* parser.drain();
  }
}

interface Frame {
  type: 'object' | 'array';
  /** The container being built, or null when it is only walked through. */
  value: JsonObject | JsonValue[] | null;
  /** The key whose value comes next (objects). */
  key: string | null;
  /** This array's elements are records. */
  isRecordArray: boolean;
  index: number;
}

type Mode = 'value' | 'value-or-end' | 'key' | 'key-or-end' | 'colon' | 'after-value' | 'string' | 'escape' | 'number' | 'literal' | 'done';

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const LITERALS: Readonly<Record<string, JsonValue>> = { true: true, false: false, null: null };

export class JsonRecordParser {
  private readonly limits: XmlLimits;
  private readonly stack: Frame[] = [];
  private readonly ready: JsonRecord[] = [];
  private mode: Mode = 'value';
  private token = '';
  private isKey = false;
  private tokenStart: XmlOrigin = { line: 1, column: 1 };
  private escapeStart: XmlOrigin = { line: 1, column: 1 };
  private escape = '';
  private line = 1;
  private column = 1;
  private offset = 0;
  private record: { position: XmlOrigin; offset: number } | null = null;

  constructor(private readonly options: JsonRecordOptions) {
    this.limits = options.limits ?? DEFAULT_XML_LIMITS;
  }

  drain(): JsonRecord[] {
    return this.ready.splice(0);
  }

  write(text: string): void {
    let at = 0;
    while (at < text.length) {
      const from = at;
      switch (this.mode) {
        case 'string':
          at = this.readString(text, at);
          break;
        case 'escape':
          at = this.readEscape(text, at);
          break;
        case 'number':
        case 'literal':
          at = this.readWord(text, at);
          break;
        default:
          at = this.readStructure(text, at);
      }
      this.offset += at - from;
    }
    this.checkRecordSize();
  }

  private checkRecordSize(): void {
    if (this.record && this.offset - this.record.offset > this.limits.maxRecordSize) {
      throw new JsonReadError(`a record holds more than ${describeLength(this.limits.maxRecordSize)}`, this.record.position);
    }
  }

  /** Ends the text: reports a value left open. */
  end(): void {
    if (this.mode === 'number' || this.mode === 'literal') this.endWord();
    if (this.mode === 'done') return;
    if (this.stack.length === 0 && this.mode === 'value') throw this.error('the file holds no JSON value');
    throw this.error('the JSON text ends before its last value is complete');
  }

  private get position(): XmlOrigin {
    return { line: this.line, column: this.column };
  }

  private error(message: string): JsonReadError {
    return new JsonReadError(message, this.position);
  }

  /** One character between tokens: white space, punctuation, or the start of a value. */
  private readStructure(text: string, at: number): number {
    const char = text[at] as string;
    if (char === '\n') {
      this.line += 1;
      this.column = 1;
      return at + 1;
    }
    if (char === ' ' || char === '\t' || char === '\r') {
      this.column += 1;
      return at + 1;
    }
    const top = this.stack.at(-1);
    switch (this.mode) {
      case 'value-or-end':
        return char === ']' ? this.closeContainer('array', at) : this.startValue(char, at);
      case 'value':
        return this.startValue(char, at);
      case 'key-or-end':
        return char === '}' ? this.closeContainer('object', at) : this.startKey(char, at);
      case 'key':
        return this.startKey(char, at);
      case 'colon':
        if (char !== ':') throw this.error(`expected ":" after a key, found ${JSON.stringify(char)}`);
        this.mode = 'value';
        return this.step(at);
      case 'after-value':
        if (char === ',' && top) {
          this.mode = top.type === 'object' ? 'key' : 'value';
          return this.step(at);
        }
        if (char === '}') return this.closeContainer('object', at);
        if (char === ']') return this.closeContainer('array', at);
        throw this.error(`expected "," or the end of ${top?.type === 'object' ? 'an object' : 'an array'}, found ${JSON.stringify(char)}`);
      default:
        throw this.error(`unexpected ${JSON.stringify(char)} after the end of the JSON value`);
    }
  }

  private startKey(char: string, at: number): number {
    if (char !== '"') throw this.error(`expected a key in double quotes, found ${JSON.stringify(char)}`);
    this.startToken('string', true);
    return this.step(at);
  }

  private step(at: number): number {
    this.column += 1;
    return at + 1;
  }

  private startValue(char: string, at: number): number {
    this.beginValue();
    if (char === '{' || char === '[') return this.openContainer(char === '{' ? 'object' : 'array', at);
    if (char === '"') {
      this.startToken('string', false);
      return this.step(at);
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      this.startToken('number', false);
      return at;
    }
    if (char >= 'a' && char <= 'z') {
      this.startToken('literal', false);
      return at;
    }
    throw this.error(`unexpected ${JSON.stringify(char)} where a value should start`);
  }

  /** A value starts: when its parent is a record array, it is a record, built from here. */
  private beginValue(): void {
    if (this.stack.at(-1)?.isRecordArray) this.record = { position: this.position, offset: this.offset };
  }

  private openContainer(type: 'object' | 'array', at: number): number {
    if (this.stack.length >= this.limits.maxDepth) throw this.error(`values nested deeper than ${this.limits.maxDepth} levels`);
    const parent = this.stack.at(-1);
    const isInRecord = this.record !== null;
    const isRecordArray =
      type === 'array' &&
      !isInRecord &&
      (parent === undefined ? this.options.isRecordArray(null) : this.stack.length === 1 && parent.type === 'object' && this.options.isRecordArray(parent.key ?? ''));
    const value = isInRecord ? (type === 'object' ? (Object.create(null) as JsonObject) : []) : null;
    this.stack.push({ type, value, key: null, isRecordArray, index: 0 });
    this.mode = type === 'object' ? 'key-or-end' : 'value-or-end';
    return this.step(at);
  }

  private closeContainer(type: 'object' | 'array', at: number): number {
    const frame = this.stack.at(-1);
    if (frame?.type !== type) throw this.error(`unexpected "${type === 'object' ? '}' : ']'}"`);
    this.stack.pop();
    const next = this.step(at);
    this.complete(frame.value);
    return next;
  }

  /** A value ends: it becomes a record, a part of the record being built, or nothing. */
  private complete(value: JsonValue): void {
    const parent = this.stack.at(-1);
    if (!parent) {
      this.mode = 'done';
      return;
    }
    if (parent.isRecordArray && this.record) {
      this.checkRecordSize();
      const grandparent = this.stack.at(-2);
      this.ready.push({ key: grandparent?.key ?? null, index: parent.index, value, position: this.record.position });
      this.record = null;
    } else if (Array.isArray(parent.value)) {
      parent.value.push(value);
    } else if (parent.value && parent.key !== null) {
      parent.value[parent.key] = value;
    }
    parent.index += 1;
    this.mode = 'after-value';
  }

  private startToken(mode: 'string' | 'number' | 'literal', isKey: boolean): void {
    this.mode = mode;
    this.token = '';
    this.isKey = isKey;
    this.tokenStart = this.position;
  }

  private grow(text: string): void {
    this.token += text;
    if (this.token.length > this.limits.maxTextLength) {
      throw this.error(`a single string or number is longer than ${describeLength(this.limits.maxTextLength)}`);
    }
  }

  /** The characters of a string up to its closing quote or an escape; strings hold no raw line break. */
  private readString(text: string, at: number): number {
    let end = at;
    while (end < text.length) {
      const code = text.charCodeAt(end);
      if (code === 0x22 || code === 0x5c) break;
      if (code < 0x20) {
        this.column += end - at;
        throw this.error('a control character inside a string (a line break must be written \\n)');
      }
      end += 1;
    }
    this.grow(text.slice(at, end));
    this.column += end - at;
    if (end === text.length) return end;
    if (text.charCodeAt(end) === 0x5c) this.escapeStart = this.position;
    this.column += 1;
    if (text.charCodeAt(end) === 0x5c) {
      this.mode = 'escape';
      this.escape = '';
      return end + 1;
    }
    this.endString();
    return end + 1;
  }

  private readEscape(text: string, at: number): number {
    const char = text[at] as string;
    this.column += 1;
    this.escape += char;
    if (this.escape.length === 1) {
      const replacement = ESCAPES[char];
      if (replacement !== undefined) {
        this.grow(replacement);
        this.mode = 'string';
      } else if (char !== 'u') {
        throw new JsonReadError(`unknown escape \\${char}`, this.escapeStart);
      }
      return at + 1;
    }
    if (!/^[0-9a-fA-F]$/.test(char)) throw new JsonReadError(`bad escape \\${this.escape}`, this.escapeStart);
    if (this.escape.length === 5) {
      this.grow(String.fromCharCode(parseInt(this.escape.slice(1), 16)));
      this.mode = 'string';
    }
    return at + 1;
  }

  private endString(): void {
    const text = this.token;
    this.token = '';
    if (this.isKey) {
      const top = this.stack.at(-1);
      if (top) top.key = text;
      this.mode = 'colon';
      return;
    }
    this.complete(text);
  }

  /** A number or literal runs until a character that cannot be part of it. */
  private readWord(text: string, at: number): number {
    const allowed = this.mode === 'number' ? /[0-9+\-.eE]/ : /[a-z]/;
    let end = at;
    while (end < text.length && allowed.test(text[end] as string)) end += 1;
    this.grow(text.slice(at, end));
    this.column += end - at;
    if (end < text.length) this.endWord();
    return end;
  }

  private endWord(): void {
    const word = this.token;
    this.token = '';
    if (this.mode === 'number') {
      if (!NUMBER.test(word)) throw new JsonReadError(`${JSON.stringify(word)} is not a number`, this.tokenStart);
      this.complete(Number(word));
      return;
    }
    if (!Object.hasOwn(LITERALS, word)) throw new JsonReadError(`${JSON.stringify(word)} is not true, false or null`, this.tokenStart);
    this.complete(LITERALS[word] ?? null);
  }
}
