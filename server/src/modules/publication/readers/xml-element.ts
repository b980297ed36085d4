import { isCollapsed } from './record-values.ts';
import { DEFAULT_XML_LIMITS, XmlReadError, describeLength, type XmlHandler, type XmlLimits, type XmlOrigin } from './safe-xml-parser.ts';

/**
 * One element of a record, held in memory only while its record is read. Names are local: the
 * prefix (`exch:`, `ops:`, `ns3:`…) is dropped, as the formats never reuse a local name across namespaces.
 */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  /** Text and child elements in document order. */
  content: (string | XmlElement)[];
  /** Where the element's start tag ends in the file. */
  position: XmlOrigin;
}

/** Which elements a reader keeps: `path` lists the local names of the open ancestors, outermost first. */
export interface RecordSelection {
  /** Starts a record at this element (only asked outside a record). */
  isRecord(path: readonly string[], name: string): boolean;
  /** Leaves this element and all it holds out of the record (descriptions, claims, citations…). */
  isSkipped(path: readonly string[], name: string): boolean;
}

// What an element costs in memory beyond its text, for the record size limit.
const ELEMENT_COST = 64;

/**
 * Turns parser events into one small tree per record, so memory follows the record, not the file:
 * outside records nothing is kept; inside, skipped subtrees are dropped as they stream past.
 */
export class RecordCollector implements XmlHandler {
  private readonly path: string[] = [];
  private readonly stack: XmlElement[] = [];
  private skippedDepth = 0;
  private recordSize = 0;

  constructor(
    private readonly selection: RecordSelection,
    private readonly onRecord: (record: XmlElement, path: readonly string[]) => void,
    private readonly limits: XmlLimits = DEFAULT_XML_LIMITS,
  ) {}

  /** True while a record is open, i.e. it was started and has not ended yet. */
  get isInsideRecord(): boolean {
    return this.stack.length > 0;
  }

  open(qualifiedName: string, attributes: Readonly<Record<string, string>>, position: XmlOrigin): void {
    const name = localName(qualifiedName);
    if (this.skippedDepth > 0) {
      this.skippedDepth += 1;
      this.path.push(name);
      return;
    }
    const parent = this.stack.at(-1);
    const isKept = parent ? !this.selection.isSkipped(this.path, name) : this.selection.isRecord(this.path, name);
    this.path.push(name);
    if (!isKept) {
      if (parent) this.skippedDepth = 1;
      return;
    }
    const element: XmlElement = { name, attributes, content: [], position };
    if (parent) parent.content.push(element);
    else this.recordSize = 0;
    this.grow(ELEMENT_COST + attributeLength(attributes), position);
    this.stack.push(element);
  }

  close(): void {
    this.path.pop();
    if (this.skippedDepth > 0) {
      this.skippedDepth -= 1;
      return;
    }
    const element = this.stack.pop();
    if (element && this.stack.length === 0) this.onRecord(element, this.path);
  }

  text(text: string): void {
    const current = this.stack.at(-1);
    if (!current || this.skippedDepth > 0) return;
    this.grow(text.length, current.position);
    current.content.push(text);
  }

  private grow(size: number, position: XmlOrigin): void {
    this.recordSize += size;
    if (this.recordSize > this.limits.maxRecordSize) {
      throw new XmlReadError(`a record holds more than ${describeLength(this.limits.maxRecordSize)}`, position, true);
    }
  }
}

export function localName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(':');
  return colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1);
}

function attributeLength(attributes: Readonly<Record<string, string>>): number {
  let length = 0;
  for (const name in attributes) length += name.length + (attributes[name]?.length ?? 0);
  return length;
}

/** The element's child elements, optionally only those with this local name. */
export function childrenOf(element: XmlElement | undefined, name?: string): XmlElement[] {
  if (!element) return [];
  const children: XmlElement[] = [];
  for (const part of element.content) {
    if (typeof part !== 'string' && (name === undefined || part.name === name)) children.push(part);
  }
  return children;
}

/** The first element down this path of local names (`childAt(doc, 'B100', 'B110')`). */
export function childAt(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (let index = 0; index < names.length && current !== undefined; index += 1) current = firstChild(current, names[index]);
  return current;
}

// Plain loops rather than `find` with a callback: these run for every value of every record read.
function firstChild(element: XmlElement, name: string | undefined): XmlElement | undefined {
  const { content } = element;
  for (let index = 0; index < content.length; index += 1) {
    const part = content[index];
    if (typeof part !== 'string' && part !== undefined && part.name === name) return part;
  }
  return undefined;
}

/** Every element with this local name below the element, in document order. */
export function descendantsOf(element: XmlElement | undefined, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (parent: XmlElement): void => {
    for (const child of childrenOf(parent)) {
      if (child.name === name) found.push(child);
      visit(child);
    }
  };
  if (element) visit(element);
  return found;
}

/** All the text inside the element, whitespace runs made single spaces, trimmed; null when empty. */
export function textOf(element: XmlElement | undefined): string | null {
  if (!element) return null;
  const { content } = element;
  const only = content.length === 1 ? content[0] : undefined;
  const text = typeof only === 'string' ? only : collectText(element, []).join('');
  const normalised = isCollapsed(text) ? text : text.replace(/\s+/g, ' ').trim();
  return normalised === '' ? null : normalised;
}

function collectText(element: XmlElement, parts: string[]): string[] {
  for (const part of element.content) {
    if (typeof part === 'string') parts.push(part);
    else collectText(part, parts);
  }
  return parts;
}

/** The text at a path below the element (`textAt(doc, 'B100', 'B140', 'date')`). */
export function textAt(element: XmlElement | undefined, ...names: string[]): string | null {
  return textOf(childAt(element, ...names));
}
