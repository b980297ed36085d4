/**
 * Which elements of a record the byte scanner builds into the record's tree: a child is kept when its
 * parent's entry names it (by local name), or when the parent keeps everything below it (but the
 * ever-skipped names). Everything else is still read and checked, then dropped as it streams past.
 * Names are matched on their UTF-8 bytes, so that a dropped element is never decoded.
 */
export class KeptElements {
  /** True when every child is kept (but the skipped), with the same entry. */
  readonly keepsAll: boolean;
  private readonly byLength: KeptChild[][] = [];
  private readonly skippedByLength: Buffer[][] = [];

  constructor(
    children: ReadonlyMap<string, KeptElements> | null,
    readonly skipped: ReadonlySet<string>,
  ) {
    this.keepsAll = children === null;
    for (const [name, kept] of children ?? []) addByLength(this.byLength, { name, bytes: Buffer.from(name), kept });
    for (const name of skipped) addByLength(this.skippedByLength, Buffer.from(name));
  }

  /** The named child whose local name is bytes[start..end), or null when this entry does not name it. */
  named(bytes: Uint8Array, start: number, end: number): KeptChild | null {
    const children = this.byLength[end - start];
    if (children === undefined) return null;
    for (let index = 0; index < children.length; index += 1) {
      const child = children[index] as KeptChild;
      if (isSameBytes(child.bytes, bytes, start)) return child;
    }
    return null;
  }

  /** True when the local name bytes[start..end) is one left out wherever it is. */
  isSkipped(bytes: Uint8Array, start: number, end: number): boolean {
    const names = this.skippedByLength[end - start];
    if (names === undefined) return false;
    for (let index = 0; index < names.length; index += 1) {
      if (isSameBytes(names[index] as Buffer, bytes, start)) return true;
    }
    return false;
  }
}

export interface KeptChild {
  /** The local name, as the element of the tree has it. */
  readonly name: string;
  readonly bytes: Buffer;
  readonly kept: KeptElements;
}

/** A tree of kept elements from nested objects; `'all'` keeps the whole subtree. */
export type KeptShape = { readonly [name: string]: KeptShape | 'all' };

export function keptElements(shape: KeptShape | 'all', skipped: ReadonlySet<string>): KeptElements {
  if (shape === 'all') return new KeptElements(null, skipped);
  const children = new Map<string, KeptElements>();
  for (const [name, child] of Object.entries(shape)) children.set(name, keptElements(child, skipped));
  return new KeptElements(children, skipped);
}

function addByLength<T extends { length: number } | { bytes: Buffer }>(lists: T[][], entry: T): void {
  const length = 'bytes' in entry ? entry.bytes.length : entry.length;
  (lists[length] ??= []).push(entry);
}

function isSameBytes(name: Uint8Array, bytes: Uint8Array, start: number): boolean {
  for (let index = 0; index < name.length; index += 1) {
    if (name[index] !== bytes[start + index]) return false;
  }
  return true;
}
