import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The tag of the newest migration (e.g. `0001_number_indexes`), as a backup names its schema. */
export function latestMigrationTag(): string {
  const journal = JSON.parse(
    readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations', 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('no migration in the journal');
  return last.tag;
}
