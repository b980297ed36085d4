import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../platform/errors.ts';
import { saveUpload } from './upload-file.ts';

/** A body sent in chunks of `size` bytes, its length not announced (a chunked upload). */
function body(chunks: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent === chunks) controller.close();
      else {
        sent += 1;
        controller.enqueue(new Uint8Array(size).fill(65));
      }
    },
  });
}

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'valo-upload-limit-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('saving an upload', () => {
  it('keeps a file within the limit, under its own name', async () => {
    const upload = await saveUpload('../../etc/bulk.xml', body(4, 1000), { maxBytes: 4000, folderIn: root });
    expect(upload.name).toBe('bulk.xml');
    expect((await readFile(upload.path)).length).toBe(4000);
    await upload.dispose();
    expect(existsSync(upload.path)).toBe(false);
  });

  it('stops a body that passes the limit, says so, and leaves nothing on disk', async () => {
    const error = await saveUpload('bulk.xml', body(50, 1000), { maxBytes: 4000, folderIn: root }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).kind).toBe('too_large');
    expect((error as DomainError).message).toContain('valo import');
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a body announced too large before creating anything', async () => {
    const error = await saveUpload('bulk.xml', body(1, 10), { maxBytes: 4000, contentLength: '5000', folderIn: root }).catch((caught: unknown) => caught);
    expect((error as DomainError).kind).toBe('too_large');
    expect(await readdir(root)).toEqual([]);
  });
});
