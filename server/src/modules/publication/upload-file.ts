import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError } from '../../platform/errors.ts';
import type { Upload } from './import.service.ts';

/** 2 GiB by default (VALO_MAX_UPLOAD_MB): a weekly DOCDB or USPTO file fits, a full disk does not. */
export const DEFAULT_MAX_UPLOAD_BYTES = 2048 * 1024 * 1024;

/**
 * Saves a request body to a file of its own in a new temporary folder, streamed (an office's bulk
 * file is hundreds of megabytes), under the name given: the name tells the format and is shown in
 * the run's report. A body over `maxBytes` is refused, before a byte is written when its length is
 * announced, else as soon as it passes the limit, and what was written is removed. `dispose` removes
 * the folder.
 */
export async function saveUpload(
  name: string,
  body: ReadableStream<Uint8Array> | null,
  options: { maxBytes?: number; contentLength?: string | null; folderIn?: string } = {},
): Promise<Upload> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const fileName = basename(name.replace(/\\/g, '/')).trim();
  if (fileName === '' || fileName.startsWith('.')) throw DomainError.invalid('fileName', 'must name the file, e.g. bulk.zip');
  if (body === null) throw DomainError.invalid('(body)', 'is empty: send the file as the request body');
  const announced = Number(options.contentLength ?? Number.NaN);
  if (Number.isFinite(announced) && announced > maxBytes) throw tooLarge(fileName, maxBytes);
  const folder = await mkdtemp(join(options.folderIn ?? tmpdir(), 'valo-import-'));
  const dispose = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, fileName);
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      callback(received > maxBytes ? tooLarge(fileName, maxBytes) : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), limit, createWriteStream(path));
  } catch (error) {
    await dispose();
    throw error;
  }
  return { name: fileName, path, dispose };
}

function tooLarge(fileName: string, maxBytes: number): DomainError {
  const mb = Math.round(maxBytes / (1024 * 1024));
  return new DomainError('too_large', `${fileName} is larger than the ${mb} MB an upload may be (VALO_MAX_UPLOAD_MB); import it with \`valo import\` on the server instead`);
}
