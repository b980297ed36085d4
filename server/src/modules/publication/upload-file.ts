import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError } from '../../platform/errors.ts';
import type { Upload } from './import.service.ts';

/**
 * Saves a request body to a file of its own in a new temporary folder, streamed (an office's bulk
 * file is hundreds of megabytes), under the name given: the name tells the format and is shown in
 * the run's report. `dispose` removes the folder.
 */
export async function saveUpload(name: string, body: ReadableStream<Uint8Array> | null): Promise<Upload> {
  const fileName = basename(name.replace(/\\/g, '/')).trim();
  if (fileName === '' || fileName.startsWith('.')) throw DomainError.invalid('fileName', 'must name the file, e.g. bulk.zip');
  if (body === null) throw DomainError.invalid('(body)', 'is empty: send the file as the request body');
  const folder = await mkdtemp(join(tmpdir(), 'valo-import-'));
  const dispose = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, fileName);
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(path));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { name: fileName, path, dispose };
}
