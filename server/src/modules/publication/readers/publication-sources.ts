import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * One input file to read: a file on disk now, an entry of an archive later. Readers only see
 * `open()`, a stream of bytes, so an archive reader can hand its entries over the same way
 * (`name` such as `bulk.zip!/DOCDB-0074.xml`).
 */
export interface PublicationSource {
  name: string;
  open(): AsyncIterable<Uint8Array | string>;
}

/** Raised when the path itself cannot be read: the CLI reports it as bad input. */
export class SourcePathError extends Error {
  override readonly name = 'SourcePathError';
}

export function fileSource(path: string): PublicationSource {
  return { name: path, open: () => createReadStream(path) };
}

/** The file itself, or each `.xml` file of a folder and its subfolders, in name order. */
export async function* xmlSourcesAt(path: string): AsyncGenerator<PublicationSource> {
  const info = await stat(path).catch((error: unknown) => {
    throw new SourcePathError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!info.isDirectory()) {
    yield fileSource(path);
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* xmlSourcesAt(child);
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml')) yield fileSource(child);
  }
}
