import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** One OPS answer as it was received, kept so the same question is not asked again too soon. */
export interface CachedOpsAnswer {
  body: string;
  contentType: string;
  /** ISO time the answer was received (or confirmed unchanged by a 304). */
  fetchedAt: string;
  /** Validators for a conditional request, when the answer carried them. */
  etag: string | null;
  lastModified: string | null;
}

/** Keyed by method and URL (`GET https://ops.epo.org/3.2/rest-services/…`). */
export interface OpsCache {
  get(key: string): Promise<CachedOpsAnswer | null>;
  set(key: string, answer: CachedOpsAnswer): Promise<void>;
}

export function opsCacheKey(method: string, url: string): string {
  return `${method.toUpperCase()} ${url}`;
}

/** For tests and for a client that should not keep answers between runs. */
export function createMemoryOpsCache(): OpsCache & { readonly size: number } {
  const entries = new Map<string, CachedOpsAnswer>();
  return {
    get: async (key) => entries.get(key) ?? null,
    set: async (key, answer) => {
      entries.set(key, { ...answer });
    },
    get size() {
      return entries.size;
    },
  };
}

const StoredAnswer = z.object({
  key: z.string(),
  body: z.string(),
  contentType: z.string(),
  fetchedAt: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
});

/**
 * One JSON file per answer in `folder` (e.g. `<data dir>/ops-cache`), named by the SHA-256 of its key,
 * which the file repeats so a stray file is never served for another URL. Files are written whole
 * then renamed, so a crash leaves the old answer or the new one, never half of one; an unreadable
 * file counts as a miss and is replaced on the next answer.
 */
export function createFileOpsCache(folder: string): OpsCache {
  const pathOf = (key: string) => join(folder, `${createHash('sha256').update(key).digest('hex')}.json`);
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(pathOf(key), 'utf8');
      } catch {
        return null;
      }
      let stored: z.infer<typeof StoredAnswer>;
      try {
        stored = StoredAnswer.parse(JSON.parse(text));
      } catch {
        return null;
      }
      if (stored.key !== key) return null;
      const { key: _key, ...answer } = stored;
      return answer;
    },
    async set(key, answer) {
      await mkdir(folder, { recursive: true });
      const path = pathOf(key);
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      try {
        await writeFile(temporary, JSON.stringify({ key, ...answer }), 'utf8');
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
