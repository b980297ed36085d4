import { parseArgs } from 'node:util';
import type { PublicationRecord } from '#core/publication';
import { SourcePathError, publicationSourcesAt, type PublicationSource } from './readers/publication-sources.ts';
import { readPublications } from './readers/read-publications.ts';

/** What the command touches, so tests can run it without a process. */
export interface PublicationsCliIo {
  /** The inputs under a path: the file, an archive's entries, or a folder's files (throws SourcePathError when unreadable). */
  sources(path: string): AsyncIterable<PublicationSource>;
  /** Writes standard output; the promise settles when more may be written. */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
}

/** The command's line in `valo help`, in the layout of the CLI's usage text. */
export const PUBLICATIONS_USAGE = `  publications parse PATH    print the publications in patent-office files as JSON lines: EPO XML
                             (publication server, OPS, DOCDB), INPI XML, USPTO grant and assignment
                             XML, USPTO ODP JSON, Lens and Espacenet CSV exports. PATH is a file, a
                             .zip archive, or a folder (its .xml, .json, .csv and .zip files, recursively)`;

const USAGE_LINE = 'usage: valo publications parse PATH';

/** The process's own files and streams; standard output waits when the reader of the pipe is slower. */
export const processPublicationsIo: PublicationsCliIo = {
  sources: publicationSourcesAt,
  stdout: (text) =>
    new Promise<void>((resolve) => {
      if (process.stdout.write(text)) resolve();
      else process.stdout.once('drain', () => resolve());
    }),
  stderr: (text) => {
    process.stderr.write(text);
  },
};

/**
 * `valo publications parse PATH`: prints one JSON line per publication found. `argv` is what follows
 * `publications`. A record that cannot be read is reported on standard error as `file:line:column:
 * message` and skipped. Returns the exit code: 0 all read, 1 some records skipped, 2 bad usage.
 */
export async function runPublicationsParse(argv: string[], io: PublicationsCliIo): Promise<number> {
  let positionals: string[];
  try {
    positionals = parseArgs({ args: argv, options: {}, allowPositionals: true, strict: true }).positionals;
  } catch (error) {
    io.stderr(`${messageOf(error)}\n${USAGE_LINE}\n`);
    return 2;
  }
  const [command, path, ...extra] = positionals;
  if (command !== 'parse' || !path || extra.length > 0) {
    io.stderr(`${USAGE_LINE}\n`);
    return 2;
  }

  let files = 0;
  let failed = 0;
  try {
    for await (const source of io.sources(path)) {
      files += 1;
      for await (const item of readPublications(source.open(), { fileName: source.name })) {
        if (item.ok) {
          await io.stdout(`${JSON.stringify(presentRecord(item.record))}\n`);
        } else {
          failed += 1;
          const { file, line, column, message } = item.error;
          io.stderr(`${file}${line === null ? '' : `:${line}:${column ?? 1}`}: ${message}\n`);
        }
      }
    }
  } catch (error) {
    io.stderr(`${messageOf(error)}\n`);
    return error instanceof SourcePathError ? 2 : 1;
  }
  if (files === 0) {
    io.stderr(`no .xml, .json, .csv or .zip file to read under ${path}\n`);
    return 2;
  }
  if (failed > 0) io.stderr(`${failed} record${failed === 1 ? '' : 's'} skipped\n`);
  return failed > 0 ? 1 : 0;
}

/** The printed record: the identifying keys first, in a fixed order other tools rely on. */
function presentRecord(record: PublicationRecord) {
  return {
    country: record.country,
    number: record.number,
    kind: record.kind,
    publicationDate: record.publicationDate,
    applicationNumber: record.applicationNumber,
    filingDate: record.filingDate,
    familyId: record.familyId,
    priorities: record.priorities,
    applicants: record.applicants,
    inventors: record.inventors,
    titles: record.titles,
    classifications: record.classifications,
    owners: record.owners ?? [],
    legalEvents: record.legalEvents,
    proceduralSteps: record.proceduralSteps,
    source: record.source,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
