import { DomainError } from '../../platform/errors.ts';

/*
 * The backup document: one JSON object,
 *   {"format":"valo-backup","version":1,"schemaMigration":"0000_init","tables":{"organisations":[{…},…],…}}
 * written with one row per line, so a backup diffs and greps well and is read back row by row without
 * holding the whole file in memory. Any other layout of the same JSON reads back just as well.
 */

export const BACKUP_FORMAT = 'valo-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  schemaMigration: string;
}

/** Receives a backup document piece by piece, in document order. */
export interface BackupVisitor {
  header(header: BackupHeader): Promise<void>;
  tableStart(name: string): Promise<void>;
  row(table: string, index: number, row: unknown): Promise<void>;
  tableEnd(name: string): Promise<void>;
}

/** A bad document: names the place (`tables.people[12].email`) and what is wrong there. */
export function invalidAt(path: string, message: string): DomainError {
  return new DomainError('invalid', `${path}: ${message}`, [{ path, message }]);
}

export function documentStart(schemaMigration: string): string {
  const head = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaMigration });
  return `${head.slice(0, -1)},"tables":{`;
}

export function tableStart(name: string, isFirst: boolean): string {
  return `${isFirst ? '' : ','}\n${JSON.stringify(name)}:[`;
}

export function rowLine(row: Record<string, unknown>, isFirst: boolean): string {
  return `${isFirst ? '' : ','}\n${JSON.stringify(row)}`;
}

export function tableEnd(hasRows: boolean): string {
  return hasRows ? '\n]' : ']';
}

export const documentEnd = '\n}}\n';

/** Reads a backup document from text chunks, calling the visitor for the header, each table and each row. */
export async function readBackupDocument(chunks: AsyncIterable<string>, visitor: BackupVisitor): Promise<void> {
  const cursor = new JsonCursor(chunks[Symbol.asyncIterator]());
  await cursor.expect('{', 'a JSON object');
  const header = new Map<string, unknown>();
  let hasTables = false;
  if ((await cursor.peek()) === '}') cursor.skip();
  else {
    for (;;) {
      const key = await cursor.key();
      if (key === 'tables') {
        if (hasTables) throw invalidAt('tables', 'appears twice');
        await visitor.header(checkHeader(header));
        await readTables(cursor, visitor);
        hasTables = true;
      } else if (key === 'format' || key === 'version' || key === 'schemaMigration') {
        if (hasTables) throw invalidAt(key, 'must come before "tables"');
        if (header.has(key)) throw invalidAt(key, 'appears twice');
        header.set(key, await cursor.value(key));
      } else {
        throw invalidAt('(document)', `unknown key ${JSON.stringify(key)}`);
      }
      if ((await cursor.expect(',}', '"," or "}"')) === '}') break;
    }
  }
  await cursor.expectEnd();
  if (!hasTables) {
    await visitor.header(checkHeader(header));
    throw invalidAt('tables', 'is missing');
  }
}

function checkHeader(header: Map<string, unknown>): BackupHeader {
  const format = header.get('format');
  if (format !== BACKUP_FORMAT) {
    throw invalidAt('format', `must be "${BACKUP_FORMAT}" (found ${describe(format)}): this is not a Valo backup`);
  }
  const version = header.get('version');
  if (version !== BACKUP_VERSION) {
    throw invalidAt('version', `must be ${BACKUP_VERSION} (found ${describe(version)}): this Valo cannot read it`);
  }
  const schemaMigration = header.get('schemaMigration');
  if (typeof schemaMigration !== 'string' || schemaMigration === '') {
    throw invalidAt('schemaMigration', `must name a migration (found ${describe(schemaMigration)})`);
  }
  return { schemaMigration };
}

async function readTables(cursor: JsonCursor, visitor: BackupVisitor): Promise<void> {
  await cursor.expect('{', 'an object of tables', 'tables');
  if ((await cursor.peek()) === '}') return cursor.skip();
  for (;;) {
    const name = await cursor.key();
    await visitor.tableStart(name);
    await cursor.expect('[', 'an array of rows', `tables.${name}`);
    if ((await cursor.peek()) === ']') cursor.skip();
    else {
      for (let index = 0; ; index++) {
        await visitor.row(name, index, await cursor.value(`tables.${name}[${index}]`));
        if ((await cursor.expect(',]', '"," or "]"')) === ']') break;
      }
    }
    await visitor.tableEnd(name);
    if ((await cursor.expect(',}', '"," or "}"')) === '}') return;
  }
}

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/**
 * Walks the document's outer structure over chunks; each value inside it (a header field, a row) is cut
 * out whole and handed to JSON.parse, so memory holds one row at a time, not the file.
 */
class JsonCursor {
  private text = '';
  private position = 0;
  private isDone = false;
  private linesBefore = 0;
  /** Characters of the current line that were dropped with the text before the buffer. */
  private columnsBefore = 0;

  constructor(private readonly source: AsyncIterator<string>) {}

  async peek(): Promise<string | undefined> {
    for (;;) {
      while (this.position < this.text.length && /\s/.test(this.text[this.position]!)) this.position++;
      if (this.position < this.text.length || !(await this.more())) return this.text[this.position];
    }
  }

  skip(): void {
    this.position++;
  }

  async expect(allowed: string, what: string, path?: string): Promise<string> {
    const found = await this.peek();
    if (found === undefined || !allowed.includes(found)) {
      const seen = found === undefined ? 'the end of the document' : JSON.stringify(found);
      throw invalidAt(path ?? this.where(), `expected ${what}, found ${seen}`);
    }
    this.position++;
    return found;
  }

  async expectEnd(): Promise<void> {
    if ((await this.peek()) !== undefined) throw invalidAt(this.where(), 'unexpected text after the document');
  }

  async key(): Promise<string> {
    if ((await this.peek()) !== '"') await this.expect('"', 'a quoted key');
    const key = await this.value(this.where());
    await this.expect(':', '":"');
    return key as string;
  }

  /** The next JSON value, parsed; `path` names it in the error when it is not valid JSON. */
  async value(path: string): Promise<unknown> {
    await this.peek();
    for (;;) {
      const end = valueEnd(this.text, this.position, this.isDone);
      if (end !== undefined) {
        const slice = this.text.slice(this.position, end);
        try {
          const parsed: unknown = JSON.parse(slice);
          this.position = end;
          return parsed;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          throw invalidAt(path, `is not valid JSON (${this.where()}: ${reason})`);
        }
      }
      if (!(await this.more())) throw invalidAt(path, 'the document ends in the middle of it');
    }
  }

  private async more(): Promise<boolean> {
    if (this.isDone) return false;
    const next = await this.source.next();
    if (next.done) {
      this.isDone = true;
      return false;
    }
    // Drop what has been read so the buffer stays about one chunk long.
    const dropped = this.text.slice(0, this.position);
    const lastBreak = dropped.lastIndexOf('\n');
    this.linesBefore += dropped.split('\n').length - 1;
    this.columnsBefore = lastBreak === -1 ? this.columnsBefore + dropped.length : dropped.length - lastBreak - 1;
    this.text = this.text.slice(this.position) + next.value;
    this.position = 0;
    return true;
  }

  private where(): string {
    const before = this.text.slice(0, this.position);
    const lastBreak = before.lastIndexOf('\n');
    const line = this.linesBefore + before.split('\n').length;
    const column = lastBreak === -1 ? this.columnsBefore + this.position + 1 : this.position - lastBreak;
    return `line ${line}, column ${column}`;
  }
}

/** Where the JSON value starting at `start` ends, or undefined when the text stops before it does. */
export function valueEnd(text: string, start: number, isFinal: boolean): number | undefined {
  const first = text[start];
  if (first === undefined) return isFinal ? start : undefined;
  if (first === '"' || first === '{' || first === '[') {
    let depth = 0;
    let inString = false;
    for (let index = start; index < text.length; index++) {
      const character = text[index];
      if (inString) {
        if (character === '\\') index++;
        else if (character === '"') {
          inString = false;
          if (depth === 0) return index + 1;
        }
      } else if (character === '"') inString = true;
      else if (character === '{' || character === '[') depth++;
      else if (character === '}' || character === ']') {
        depth--;
        if (depth === 0) return index + 1;
      }
    }
    return isFinal ? text.length : undefined;
  }
  let index = start;
  while (index < text.length && !/[\s,\]}]/.test(text[index]!)) index++;
  return index < text.length || isFinal ? index : undefined;
}
