import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileBytes, zipEntries, zipEntryBytes, type ByteSource, type ZipEntry } from './zip-archive.ts';

/**
 * One input file to read: a file on disk or an entry of a ZIP archive. Readers only see `open()`, a
 * stream of bytes; an entry is named after its archive (`ipgb20221025_wk43.zip!/ipgb20221025.xml`).
 */
export interface PublicationSource {
  name: string;
  open(): AsyncIterable<Uint8Array | string>;
}

/** Raised when the path itself cannot be read: the CLI reports it as bad input. */
export class SourcePathError extends Error {
  override readonly name = 'SourcePathError';
}

/** The kinds of file read in a folder or an archive; anything else (lists, reports, images) is passed over. */
const READ_EXTENSIONS = ['.xml', '.json', '.csv'];

export function isReadFile(name: string): boolean {
  const lower = name.toLowerCase();
  return READ_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

function isZip(name: string): boolean {
  return name.toLowerCase().endsWith('.zip');
}

export function fileSource(path: string): PublicationSource {
  return { name: path, open: () => createReadStream(path) };
}

/**
 * The file itself (each readable entry when it is a .zip), or each .xml, .json, .csv and .zip file of
 * a folder and its subfolders, in name order.
 */
export async function* publicationSourcesAt(path: string): AsyncGenerator<PublicationSource> {
  const info = await stat(path).catch((error: unknown) => {
    throw new SourcePathError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (!info.isDirectory()) {
    if (isZip(path)) yield* zipSources(path, fileBytes(path));
    else yield fileSource(path);
    return;
  }
  const entries = await readdir(path, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* publicationSourcesAt(child);
    else if (entry.isFile() && isZip(entry.name)) yield* zipSources(child, fileBytes(child));
    else if (entry.isFile() && isReadFile(entry.name)) yield fileSource(child);
  }
}

/**
 * The .xml, .json and .csv entries of an archive, in its directory's order. An archive whose
 * directory cannot be read is one source that fails when opened, so the error is reported under the
 * archive's name and the other files are still read.
 */
export async function* zipSources(name: string, bytes: ByteSource): AsyncGenerator<PublicationSource> {
  let entries: ZipEntry[];
  try {
    entries = await zipEntries(bytes);
  } catch (error) {
    yield {
      name,
      open: async function* () {
        throw error;
      },
    };
    return;
  }
  for (const entry of entries) {
    if (entry.isDirectory || !isReadFile(entry.name)) continue;
    yield { name: `${name}!/${entry.name}`, open: () => zipEntryBytes(bytes, entry) };
  }
}
